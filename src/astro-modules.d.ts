// Lets plain `tsc` type-check the .ts files that import .astro components.
// (Astro 7's client types leave .astro modules to its language server, and
// @astrojs/check 0.9 does not run on Astro 7.) Component props are checked by
// the Astro compiler at build time.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
  export type Props = Record<string, unknown>;
}
