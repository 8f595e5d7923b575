/**
 * An entry as a loader hands it to the code that reads the content store outside Astro's collections
 * (the early social cards, the sitemap's dates): its data already through the collection's schema.
 */
export interface SyncedEntry {
  id: string;
  data: Record<string, unknown>;
}

/** The id in a `reference()` field as the schema leaves it (`{ collection, id }`), or undefined for any other value. */
export function referencedId(value: unknown): string | undefined {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}
