/**
 * Every byte budget the site is held to, gzip sizes in bytes. Tests over dist/
 * and in Chromium enforce them; change a number here only with a reason.
 * A KB here is 1,000 bytes (SI), as the budgets are stated in the issues.
 */
export const KB = 1000;

export const PAGE_BUDGETS = {
  article: {
    example: 'posts/fast-reliable-apis-with-fastapi/',
    html: 14 * KB,
    css: 12 * KB,
    jsBeforeInteraction: 1.5 * KB,
  },
  chartArticle: {
    example: 'posts/top-crypto-narratives-2024/',
    html: 20 * KB,
    css: 12 * KB,
    jsBeforeInteraction: 2.5 * KB,
  },
  home: { example: '', html: 14 * KB, css: 12 * KB, jsBeforeInteraction: 1.5 * KB },
  list: { example: 'posts/', html: 14 * KB, css: 12 * KB, jsBeforeInteraction: 1.5 * KB },
} as const;

/** Lazy code, loaded on demand. */
export const LAZY_BUDGETS = {
  /** Chart.js island (bars, doughnut, tooltip) once the figure nears the viewport. */
  chartIsland: 56 * KB,
  /** The build-time SVG inlined in the chart article. */
  inlineChartSvg: 4 * KB,
  /** Everything a first search for "DePIN" transfers: Pagefind JS, WASM, index chunks, fragments. */
  firstSearch: 100 * KB,
  /** The same on the 1,000-post synthetic site. */
  firstSearchAt1000Posts: 250 * KB,
} as const;
