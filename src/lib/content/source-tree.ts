/**
 * The part of satteri's mdast that the content checks read (post-source.ts, component-slots.ts), and the
 * walks they share. Pure.
 */

/** The part of an mdast node these checks read. */
export interface TreeNode {
  type: string;
  value?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: TreeNode[];
  position?: {
    start: { line: number; column: number; offset?: number };
    end: { line: number; column: number; offset?: number };
  };
}

/** Every node, parents before children. */
export function nodes(tree: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (node: TreeNode) => {
    out.push(node);
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return out;
}

/** JSX, an expression or an import/export: what MDX adds to Markdown's tree. */
export const isMdxNode = (node: TreeNode) => node.type.startsWith('mdx');
