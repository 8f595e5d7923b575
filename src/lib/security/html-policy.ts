/**
 * The HTML a post may contain, one policy for `.md` and `.mdx` alike.
 *
 * Every HTML element in a post body, whether written as raw HTML (`.md`), as
 * JSX (`.mdx`, also inside `{…}` expressions and `export`s) or produced by
 * Markdown (links, images), is checked against one hast-util-sanitize schema
 * (POST_SCHEMA): each element is sanitized on its own, without children, and
 * whatever the sanitizer drops, unwraps, strips or changes is a violation. A
 * few rules need more than the schema: event handlers and URL schemes get
 * their own reasons, `srcset` candidates and iframe hosts are checked, and
 * Astro's `set:html` is refused on any element.
 *
 * Why raw HTML can be checked one Markdown raw node at a time: the browser
 * reads the page as one stream, so raw HTML only reads differently there when
 * a raw node leaves the tokenizer somewhere other than plain text. A node that
 * ends inside a tag (`<img title="` before a blank line) would make the
 * Markdown after it into attributes, so that is a violation of its own; every
 * element that changes how later markup parses (svg, math, script, style,
 * textarea, template, select, noscript…) is refused by the schema anyway.
 *
 * Pure: source text in, violations out. MDX that does not parse throws
 * satteri's own error, unchanged (the renderer would fail the same way).
 */
import type { Element, Nodes, Properties } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { find, html, svg } from 'property-information';
import {
  defineHastPlugin,
  htmlToHast,
  markdownToHast,
  mdxToHast,
  mdxToJs,
  type EstreeProgram,
  type MdxJsxAttributeUnion,
} from 'satteri';

export interface PolicyViolation {
  line?: number;
  column?: number;
  reason: string;
}

export interface HtmlPolicyOptions {
  /** Hosts (`www.youtube-nocookie.com`) an https `<iframe>` may load from; from site config. */
  embedHosts: readonly string[];
}

/** Every place in a post body that breaks the policy. `format` chooses the parser. */
export function htmlPolicyViolations(
  body: string,
  format: 'md' | 'mdx',
  options: HtmlPolicyOptions,
): PolicyViolation[] {
  const check = new PolicyCheck(options);
  check.visit(format === 'md' ? markdownToHast(body) : mdxToHast(body), {});
  return check.violations;
}

/**
 * hast-util-sanitize's GitHub-style default, changed where a publication needs
 * more or a post needs less:
 * - tagNames: figure/figcaption, video/audio/track, abbr, mark, small, time,
 *   cite, dfn, caption/colgroup/col, wbr and bdi are ordinary article markup.
 *   `iframe` is in the schema so its attributes are checked, but it only
 *   passes with an https src on an allowed embed host (checkEmbed). Everything
 *   else stays out, as in the default: script, style (the CSP blocks inline
 *   styles, and site-wide CSS from a post could restyle or hide the page),
 *   link (stylesheets and preloads from elsewhere), template (inert content,
 *   and a declarative shadow root, that nobody reads), form/input/button
 *   (a post must not collect anything; the newsletter form is the layout's),
 *   base (would repoint every relative link), meta (refresh redirects; page
 *   metadata is frontmatter), object/embed (never), svg/math (script-capable
 *   and namespace-switching: put SVG in an image file).
 * - attributes: `className` on every element, unrestricted (classes cannot run
 *   anything, and authors style with the site's classes), so the default's
 *   per-element class allow lists go. `name` goes from `*`: with clobbering
 *   off, `<img name="cookie">` would shadow `document.cookie`. img gains
 *   srcSet/sizes/loading/decoding; source, video, audio, track and iframe get
 *   the attributes they need. No `style` anywhere (the CSP forbids inline
 *   styles) and no `data*` (the site's scripts use data attributes as hooks).
 * - ancestors: {}. The default keeps tr/td/th/thead/tbody/tfoot only inside a
 *   table. Raw HTML is checked one Markdown block at a time, and a table
 *   split by blank lines (so its cells can hold Markdown) has rows in blocks
 *   without their table; where table parts go is the HTML parser's business,
 *   and a stray cell in a server-rendered article escapes nothing.
 * - clobber: [] so author ids stay as written and `<a href="#y">` finds `id="y"`;
 *   the policy refuses, it never rewrites. (An id still names a `window`
 *   property, but the one global the site's scripts read, openSiteSearch, is
 *   assigned before it is read, and an assigned property wins.)
 * - protocols: `poster` gets the same http/https rule as `src`. `data:` URLs
 *   stay refused everywhere, images included: a post's images are files that
 *   Astro optimises, not kilobytes of base64 in every page, feed and index.
 */
const DROPPED_FROM_EVERY_ELEMENT = new Set(['name']);

function withoutClassRestrictions(
  definitions: NonNullable<Schema['attributes']>[string],
): NonNullable<Schema['attributes']>[string] {
  return definitions.filter((definition) => !(Array.isArray(definition) && definition[0] === 'className'));
}

const defaultAttributes = defaultSchema.attributes ?? {};

export const POST_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'figure',
    'figcaption',
    'video',
    'audio',
    'track',
    'abbr',
    'mark',
    'small',
    'time',
    'cite',
    'dfn',
    'caption',
    'colgroup',
    'col',
    'wbr',
    'bdi',
    'iframe',
  ],
  attributes: {
    ...Object.fromEntries(
      Object.entries(defaultAttributes).map(([tag, definitions]) => [tag, withoutClassRestrictions(definitions)]),
    ),
    '*': [
      ...(defaultAttributes['*'] ?? []).filter(
        (definition) => typeof definition !== 'string' || !DROPPED_FROM_EVERY_ELEMENT.has(definition),
      ),
      'className',
    ],
    img: [...withoutClassRestrictions(defaultAttributes['img'] ?? []), 'srcSet', 'sizes', 'loading', 'decoding'],
    source: [...(defaultAttributes['source'] ?? []), 'src', 'type', 'media', 'sizes'],
    video: ['src', 'poster', 'controls', 'preload', 'loop', 'muted', 'playsInline'],
    audio: ['src', 'controls', 'preload', 'loop', 'muted'],
    track: ['src', 'kind', 'srcLang', 'default'],
    iframe: ['src', 'allow', 'allowFullScreen', 'loading', 'referrerPolicy'],
  },
  ancestors: {},
  clobber: [],
  protocols: { ...defaultSchema.protocols, poster: ['http', 'https'] },
};

const SRC_PROTOCOLS = POST_SCHEMA.protocols?.['src'] ?? [];

/**
 * Attributes whose value the browser loads or navigates to. An expression
 * `{…}` cannot be checked, so on HTML elements these must be literal; as
 * literals their scheme is checked even where the schema drops the attribute,
 * so the author reads "javascript: URL", not just "not allowed".
 */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'srcSet',
  'action',
  'formAction',
  'data',
  'poster',
  'xLinkHref',
  'cite',
  'longDesc',
  'background',
  'ping',
  'manifest',
  'codeBase',
  'archive',
  'icon',
]);

/** Why, for the elements an author is most likely to try. */
const REFUSAL_NOTES: Record<string, string> = {
  script: 'scripts in posts are not allowed',
  style: "the site's Content-Security-Policy blocks inline styles; use a class",
  link: 'a post cannot load stylesheets or other resources',
  template: 'its content is never shown',
  form: 'a post cannot collect input',
  base: 'it would change where every relative link on the page points',
  meta: 'page metadata comes from the frontmatter',
  object: 'plugins are not allowed; embed with an <iframe> from an allowed host',
  embed: 'plugins are not allowed; embed with an <iframe> from an allowed host',
  svg: 'inline SVG can run scripts; put it in an image file and use <img>',
  math: 'inline MathML is not allowed',
};

const PROBE = 'htmlPolicyProbe';

/**
 * Most elements of a post (p, li, em, h2…) carry no attributes, and their
 * verdict depends on the tag alone: remembered, it is computed once per tag.
 */
const bareVerdicts = new Map<string, Element | undefined>();

/** The element as the schema keeps it, or undefined when the schema drops or unwraps it. */
function keptBySchema(element: Element): Element | undefined {
  if (Object.keys(element.properties).length > 0) return sanitizeAlone(element);
  if (!bareVerdicts.has(element.tagName)) bareVerdicts.set(element.tagName, sanitizeAlone(element));
  return bareVerdicts.get(element.tagName);
}

function sanitizeAlone(element: Element): Element | undefined {
  const probe: Element = {
    type: 'element',
    tagName: element.tagName,
    properties: element.properties,
    children: [],
    // hast-util-from-parse5's types (loaded with hast-util-from-html) require its tag positions on every
    // element's data; a probe made here has none.
    data: { [PROBE]: true } as unknown as Element['data'],
  };
  return findProbe(sanitize({ type: 'root', children: [probe] }, POST_SCHEMA));
}

function findProbe(node: Nodes): Element | undefined {
  if (node.type === 'element' && (node.data as Record<string, unknown> | undefined)?.[PROBE]) return node;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const found = findProbe(child);
    if (found) return found;
  }
  return undefined;
}

/** Whether hast-util-sanitize keeps `url` where only `protocols` (and relative URLs) are allowed. */
function urlAllowed(url: string, protocols: readonly string[]): boolean {
  const kept = sanitize(
    { type: 'element', tagName: 'a', properties: { href: url }, children: [] },
    {
      tagNames: ['a'],
      attributes: { a: ['href'] },
      protocols: { href: [...protocols] },
      ancestors: {},
      clobber: [],
      required: {},
      strip: [],
    },
  );
  return kept.type === 'element' && kept.properties['href'] === url;
}

/**
 * Every candidate URL in a srcset starts where a run of ASCII whitespace or
 * commas ends, and its scheme cannot contain either; so checking each such run
 * checks every candidate the browser's srcset parser can find (descriptors
 * like `2x` have no scheme and pass).
 */
function srcsetParts(value: string): string[] {
  return value.split(/[\t\n\f\r ,]+/).filter(Boolean);
}

function refusedUrls(property: string, value: Properties[string]): string[] {
  if (typeof value !== 'string' && !Array.isArray(value)) return [];
  const text = Array.isArray(value) ? value.join(' ') : value;
  if (property === 'srcSet') return srcsetParts(text).filter((part) => !urlAllowed(part, SRC_PROTOCOLS));
  if (!URL_PROPERTIES.has(property)) return [];
  const protocols = POST_SCHEMA.protocols?.[property] ?? SRC_PROTOCOLS;
  // `ping` is a space-separated list; every other URL attribute is one URL.
  const urls = property === 'ping' ? text.split(/[\t\n\f\r ]+/).filter(Boolean) : [text];
  return urls.filter((url) => !urlAllowed(url, protocols));
}

/** Attributes whose URL the page fetches as it loads (an image, a video, its poster), rather than on a click. */
const LOADED_PROPERTIES = new Set(['src', 'srcSet', 'poster']);

/**
 * The URLs in a loaded attribute that point at another origin: any with a scheme (the refused ones are
 * named by refusedUrls), and scheme-relative ones (`//host/x`; browsers read `\\` as `/` there).
 */
function remoteResources(property: string, value: Properties[string]): string[] {
  if (!LOADED_PROPERTIES.has(property) || (typeof value !== 'string' && !Array.isArray(value))) return [];
  const text = Array.isArray(value) ? value.join(' ') : value;
  const urls = property === 'srcSet' ? srcsetParts(text) : [text.trim()];
  return urls.filter((url) => {
    const scheme = schemeOf(url);
    return (scheme !== undefined && SRC_PROTOCOLS.includes(scheme.slice(0, -1))) || /^[\\/]{2}/.test(url);
  });
}

function schemeOf(url: string): string | undefined {
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}

function shown(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

function urlReason(url: string, attribute: string, tag: string, property: string): string {
  const scheme = schemeOf(url);
  const allowed = property === 'srcSet' ? SRC_PROTOCOLS : (POST_SCHEMA.protocols?.[property] ?? SRC_PROTOCOLS);
  if (scheme && allowed.includes(scheme.slice(0, -1))) {
    return `URL ${shown(url)} in ${attribute} on ${tag} is not allowed as written: start it with its scheme in lower case (${scheme}) and nothing before it`;
  }
  return scheme
    ? `${scheme} URL in ${attribute} on ${tag} is not allowed`
    : `URL ${shown(url)} in ${attribute} on ${tag} is not allowed`;
}

/** The attribute name an author writes for a hast property (`onError` → `onerror`, `xLinkHref` → `xlink:href`). */
function attributeName(property: string): string {
  const info = find(html, property);
  return info.defined ? info.attribute : find(svg, property).attribute;
}

function propertyName(attribute: string): string {
  const info = find(html, attribute);
  return info.defined ? info.property : find(svg, attribute).property;
}

/** Browsers run any `on…` attribute as script, whatever its case. */
function isEventHandler(attribute: string): boolean {
  return /^on/i.test(attribute);
}

/** MDX's own rule: lowercase and non-identifier names are HTML elements; others (and `a.b`) are components. */
export function isHtmlElementName(name: string): boolean {
  if (name.includes('.')) return false;
  return /^[a-z]/.test(name) || !/^[$_\p{ID_Start}][$\u200c\u200d\p{ID_Continue}]*$/u.test(name);
}

function sameValue(a: Properties[string], b: Properties[string]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function displayValue(value: Properties[string]): string {
  return Array.isArray(value) ? value.join(' ') : String(value);
}

interface Place {
  line?: number;
  column?: number;
}

interface Positioned {
  position?: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined;
}

function placeOf(node: Positioned, fallback: Place): Place {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : fallback;
}

/** An attribute on a JSX element, from MDX's tree or from an estree JSX node. */
type JsxAttribute =
  | { kind: 'literal'; name: string; value: string | true }
  | { kind: 'expression'; name: string }
  | { kind: 'spread'; source: string };

/** A placeholder for an expression value, so the schema still judges the attribute's name. */
const EXPRESSION_VALUE = 'expression';

const RAW_END_MARKER = 'htmlpolicyend';

class PolicyCheck {
  readonly violations: PolicyViolation[] = [];

  constructor(private readonly options: HtmlPolicyOptions) {}

  private report(place: Place, reason: string): void {
    this.violations.push({ ...place, reason });
  }

  /** `fromRawHtml`: the node was parsed from a Markdown raw node, not made by the Markdown/MDX parser. */
  visit(node: Nodes, fallback: Place, fromRawHtml = false): void {
    const place = placeOf(node, fallback);
    // A node the parser gave no position reports its nearest positioned ancestor's line.
    const inherited: Place = place.line === undefined ? {} : { line: place.line };
    switch (node.type) {
      case 'element':
        this.checkElement(node, place, new Map(), new Set(), !fromRawHtml);
        this.visitChildren(node, inherited, fromRawHtml);
        return;
      case 'raw':
        this.checkRawHtml(node.value, node.position?.end.line, place);
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        if (node.name !== null) this.checkJsxElement(node.name, node.attributes.map(jsxAttributeFromMdx), place);
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'object' && attribute.value)
            this.checkScript(`{${attribute.value.value}}`, place);
        }
        this.visitChildren(node, inherited);
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        this.checkScript(`{${node.value}}`, place);
        return;
      case 'mdxjsEsm':
        this.checkScript(node.value, place);
        return;
      default:
        if ('children' in node) this.visitChildren(node, inherited, fromRawHtml);
    }
  }

  private visitChildren(node: Extract<Nodes, { children: unknown }>, fallback: Place, fromRawHtml = false): void {
    for (const child of node.children) this.visit(child, fallback, fromRawHtml);
  }

  /**
   * `names` maps hast properties to the names the author wrote (JSX), for the
   * messages; `expressions` holds properties whose value is an expression.
   */
  private checkElement(
    element: Element,
    place: Place,
    names: ReadonlyMap<string, string>,
    expressions: ReadonlySet<string>,
    fromMarkdown = false,
  ): void {
    const kept = keptBySchema(element);
    if (!kept) {
      const note = REFUSAL_NOTES[element.tagName];
      this.report(place, `<${element.tagName}> is not allowed${note ? ` (${note})` : ''}`);
    }
    this.checkAttributes(element, kept, place, names, expressions, fromMarkdown);
    if (kept && element.tagName === 'iframe') this.checkEmbed(element, place);
  }

  /**
   * `kept` is the element as the schema keeps it. `names` maps hast properties
   * to the names the author wrote (JSX), for the messages; `expressions` holds
   * the properties whose value is an expression. The one style Markdown
   * writes itself (a table column's text-align) is the renderer's, not the
   * author's, and is left to the renderer.
   */
  private checkAttributes(
    element: Element,
    kept: Element | undefined,
    place: Place,
    names: ReadonlyMap<string, string>,
    expressions: ReadonlySet<string>,
    fromMarkdown = false,
  ): void {
    const tag = `<${element.tagName}>`;
    for (const [property, value] of Object.entries(element.properties)) {
      if (value === undefined || value === null) continue;
      const attribute = names.get(property) ?? attributeName(property);
      if (isEventHandler(attribute)) {
        this.report(place, `${tag} has an event-handler attribute ${attribute} (scripts in posts are not allowed)`);
        continue;
      }
      if (expressions.has(property) && URL_PROPERTIES.has(property)) {
        this.report(
          place,
          `${attribute} on ${tag} is an expression; write the URL as a quoted string so it can be checked`,
        );
        continue;
      }
      const badUrls = expressions.has(property) ? [] : refusedUrls(property, value);
      for (const url of badUrls) this.report(place, urlReason(url, attribute, tag, property));
      // An embed's host is checked on its own (checkEmbed); anything else a page loads comes from the site.
      const remote =
        badUrls.length === 0 && kept && element.tagName !== 'iframe' && !expressions.has(property)
          ? remoteResources(property, value)
          : [];
      for (const url of remote) {
        this.report(
          place,
          `${attribute} ${shown(url)} on ${tag} loads from another site, which the site's Content-Security-Policy blocks; put the file beside the post and give its relative path`,
        );
      }
      // On an element the schema refuses, only the attributes that could run or load something are worth a word.
      if (badUrls.length > 0 || remote.length > 0 || !kept) continue;
      if (property === 'style') {
        if (!fromMarkdown)
          this.report(
            place,
            `attribute style on ${tag} is not allowed (the site's Content-Security-Policy blocks inline styles; use a class)`,
          );
      } else if (!(property in kept.properties)) {
        this.report(place, `attribute ${attribute} on ${tag} is not allowed`);
      } else if (!sameValue(kept.properties[property], value)) {
        this.report(
          place,
          expressions.has(property)
            ? `attribute ${attribute} on ${tag} is not allowed as an expression`
            : `attribute ${attribute}=${shown(displayValue(value))} on ${tag} is not allowed`,
        );
      }
    }
  }

  private checkEmbed(iframe: Element, place: Place): void {
    const hosts = this.options.embedHosts.map((host) => host.toLowerCase());
    if (hosts.length === 0) {
      this.report(place, '<iframe> is not allowed (no embed hosts are configured)');
      return;
    }
    const src = iframe.properties['src'];
    const url = typeof src === 'string' ? safeUrl(src) : undefined;
    if (url?.protocol === 'https:' && hosts.includes(url.host)) return;
    const allowed = `only https URLs on ${hosts.join(', ')} can be embedded`;
    this.report(
      place,
      typeof src === 'string'
        ? `<iframe> src ${shown(src)} is not an allowed embed (${allowed})`
        : `<iframe> without a src is not allowed (${allowed})`,
    );
  }

  /**
   * One Markdown raw node: parsed on its own as an HTML fragment. Parsed again
   * with a marker after it, the marker lands in text (or a comment) unless the
   * node ended inside a tag; the marker is chosen to appear nowhere in the
   * node's own text.
   */
  private checkRawHtml(value: string, endLine: number | undefined, place: Place): void {
    const fragment = htmlToHast(value, { fragment: true });
    const ownText = textContent(fragment);
    let marker = RAW_END_MARKER;
    while (ownText.includes(marker) || value.includes(marker)) marker += 'x';
    if (!textContent(htmlToHast(`${value}\n${marker}`, { fragment: true })).includes(marker)) {
      this.report(
        endLine === undefined ? place : { line: endLine },
        'raw HTML ends inside an unfinished tag, so the Markdown after it would become part of that tag; finish the tag (its quotes and closing >) before the blank line',
      );
    }
    // Elements parsed from a raw node have no positions of their own: they report the node's first line.
    const inner: Place = place.line === undefined ? {} : { line: place.line };
    for (const child of fragment.type === 'root' ? fragment.children : [fragment]) this.visit(child, inner, true);
  }

  private checkJsxElement(name: string, attributes: readonly JsxAttribute[], place: Place): void {
    const tag = `<${name}>`;
    for (const attribute of attributes) {
      if (attribute.kind !== 'spread' && attribute.name === 'set:html') {
        this.report(
          place,
          `set:html on ${tag} is not allowed (it inserts HTML that cannot be checked; write the HTML in the post instead)`,
        );
      }
    }
    if (!isHtmlElementName(name)) return;
    const element: Element = { type: 'element', tagName: name, properties: {}, children: [] };
    const names = new Map<string, string>();
    const expressions = new Set<string>();
    // JSX keeps `href` and `HREF` as two props and both are rendered, but the browser reads only the first.
    // `key` is React's list identity: the JSX runtime takes it out of the props and never renders it.
    const repeats: { property: string; attribute: Exclude<JsxAttribute, { kind: 'spread' }> }[] = [];
    const spreads: string[] = [];
    for (const attribute of attributes) {
      if (attribute.kind === 'spread') {
        spreads.push(attribute.source);
      } else if (attribute.name !== 'set:html' && attribute.name !== 'key') {
        const property = propertyName(attribute.name);
        if (names.has(property)) {
          repeats.push({ property, attribute });
          continue;
        }
        names.set(property, attribute.name);
        element.properties[property] = attribute.kind === 'literal' ? attribute.value : EXPRESSION_VALUE;
        if (attribute.kind === 'expression') expressions.add(property);
      }
    }
    this.checkElement(element, place, names, expressions);
    for (const { property, attribute } of repeats) {
      this.report(
        place,
        `attribute ${attribute.name} on ${tag} repeats ${names.get(property)}; write each attribute once`,
      );
      const alone: Element = {
        ...element,
        properties: { [property]: attribute.kind === 'literal' ? attribute.value : EXPRESSION_VALUE },
      };
      this.checkAttributes(
        alone,
        keptBySchema(alone),
        place,
        new Map([[property, attribute.name]]),
        attribute.kind === 'expression' ? new Set([property]) : new Set(),
      );
    }
    for (const source of spreads) {
      this.report(place, `${tag} has a spread attribute ${source}; write each attribute out so it can be checked`);
    }
  }

  /**
   * JavaScript in an MDX post (`{…}`, an attribute's `{…}`, `export`) can hold
   * JSX, which renders as HTML like any other. satteri parses it to estree; the
   * intrinsic JSX elements in it are checked like the rest. JSX needs a `<`.
   */
  private checkScript(source: string, place: Place): void {
    if (!source.includes('<')) return;
    for (const { program, value } of parsePrograms(source)) {
      const lineOf = (offset: number): Place =>
        place.line === undefined ? {} : { line: place.line + newlinesBefore(value, offset) };
      this.visitEstree(program, lineOf);
    }
  }

  private visitEstree(node: unknown, lineOf: (offset: number) => Place): void {
    if (Array.isArray(node)) {
      for (const item of node) this.visitEstree(item, lineOf);
      return;
    }
    if (!isEstreeNode(node)) return;
    if (node.type === 'JSXElement') {
      const opening = node['openingElement'] as EstreeNode;
      const name = jsxName(opening['name'] as EstreeNode);
      if (name !== undefined)
        this.checkJsxElement(
          name,
          (opening['attributes'] as EstreeNode[]).map(jsxAttributeFromEstree),
          lineOf(node.start ?? 0),
        );
    }
    // Attributes, children and any other code can hold more JSX.
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'type' && typeof value === 'object') this.visitEstree(value, lineOf);
    }
  }
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function textContent(node: Nodes): string {
  if (node.type === 'text' || node.type === 'comment') return node.value;
  return 'children' in node ? node.children.map((child) => textContent(child)).join('\n') : '';
}

function jsxAttributeFromMdx(attribute: MdxJsxAttributeUnion): JsxAttribute {
  if (attribute.type === 'mdxJsxExpressionAttribute') return { kind: 'spread', source: `{${attribute.value}}` };
  if (attribute.value === null || attribute.value === undefined)
    return { kind: 'literal', name: attribute.name, value: true };
  if (typeof attribute.value === 'string') return { kind: 'literal', name: attribute.name, value: attribute.value };
  return { kind: 'expression', name: attribute.name };
}

interface EstreeNode {
  type: string;
  start?: number;
  [key: string]: unknown;
}

function isEstreeNode(value: unknown): value is EstreeNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** `a`, `svg:rect`, or `a.b` (a member expression: a component) as MDX names them; undefined for a fragment. */
function jsxName(name: EstreeNode | null): string | undefined {
  if (!name) return undefined;
  switch (name.type) {
    case 'JSXIdentifier':
      return String(name['name']);
    case 'JSXNamespacedName':
      return `${jsxName(name['namespace'] as EstreeNode)}:${jsxName(name['name'] as EstreeNode)}`;
    case 'JSXMemberExpression':
      return `${jsxName(name['object'] as EstreeNode)}.${jsxName(name['property'] as EstreeNode)}`;
    default:
      return undefined;
  }
}

function jsxAttributeFromEstree(attribute: EstreeNode): JsxAttribute {
  if (attribute.type === 'JSXSpreadAttribute') return { kind: 'spread', source: '{...}' };
  const name = jsxName(attribute['name'] as EstreeNode) ?? '';
  const value = attribute['value'] as EstreeNode | null;
  if (value === null) return { kind: 'literal', name, value: true };
  if (value.type === 'Literal' && typeof value['value'] === 'string')
    return { kind: 'literal', name, value: value['value'] };
  return { kind: 'expression', name };
}

/** Every expression and ESM program in an MDX source, parsed by satteri, with the text its offsets count in. */
function parsePrograms(source: string): { program: EstreeProgram; value: string }[] {
  const programs: { program: EstreeProgram; value: string }[] = [];
  const capture = (node: { value: string; parseExpression(): EstreeProgram | null }): void => {
    const program = node.parseExpression();
    if (program) programs.push({ program, value: node.value });
  };
  mdxToJs(source, {
    hastPlugins: [
      defineHastPlugin({
        name: 'html-policy-scripts',
        mdxFlowExpression: capture,
        mdxTextExpression: capture,
        mdxjsEsm: capture,
      }),
    ],
  });
  return programs;
}

const utf8 = new TextEncoder();

/** satteri's estree offsets count UTF-8 bytes. */
function newlinesBefore(value: string, byteOffset: number): number {
  let count = 0;
  for (const byte of utf8.encode(value).subarray(0, byteOffset)) if (byte === 0x0a) count++;
  return count;
}
