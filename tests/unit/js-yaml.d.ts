/** js-yaml ships no types; it is the YAML parser Astro itself uses for frontmatter (a dependency of astro). */
declare module 'js-yaml' {
  export function load(source: string): unknown;
}
