/**
 * Turns a post's rendered HTML into what feed readers should receive:
 * absolute URLs (readers resolve nothing against the site), no scripts,
 * styles or form controls (validators flag them and readers strip them),
 * and custom elements unwrapped so their static content survives.
 */
import { ELEMENT_NODE, parse, renderSync, type DocumentNode, type ElementNode } from 'ultrahtml';

type Node = DocumentNode['children'][number];

const DROP = new Set(['script', 'style', 'template', 'noscript', 'form', 'button', 'input', 'select', 'textarea', 'canvas', 'dialog', 'link', 'meta']);
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'];

function absolutise(value: string, pageUrl: string): string {
  try {
    return new URL(value, pageUrl).toString();
  } catch {
    return value;
  }
}

function absolutiseSrcset(value: string, pageUrl: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      return [absolutise(url ?? '', pageUrl), ...descriptor].join(' ');
    })
    .join(', ');
}

/** Returns what replaces `node` in the feed: nothing, its children, or itself cleaned. */
function clean(node: Node, pageUrl: string): Node[] {
  if (node.type !== ELEMENT_NODE) return [node];
  const element = node as ElementNode;
  if (DROP.has(element.name)) return [];
  const children = element.children.flatMap((child) => clean(child, pageUrl));
  if (element.name.includes('-')) return children;
  element.children = children;
  for (const name of Object.keys(element.attributes)) {
    if (name.startsWith('data-') || name.startsWith('on') || name === 'style' || name === 'tabindex') delete element.attributes[name];
  }
  for (const name of URL_ATTRIBUTES) {
    const value = element.attributes[name];
    if (value !== undefined) element.attributes[name] = absolutise(value, pageUrl);
  }
  const srcset = element.attributes.srcset;
  if (srcset !== undefined) element.attributes.srcset = absolutiseSrcset(srcset, pageUrl);
  return [element];
}

export function toFeedHtml(html: string, pageUrl: string): string {
  const doc = parse(html) as DocumentNode;
  doc.children = doc.children.flatMap((child: Node) => clean(child, pageUrl));
  return renderSync(doc).trim();
}
