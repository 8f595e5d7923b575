/** "30.2%": always one decimal, so the columns of a table line up. */
export function formatShare(tenths: number): string {
  return `${(tenths / 10).toFixed(1)}%`;
}
