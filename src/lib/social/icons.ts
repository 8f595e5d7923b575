/**
 * The favicon set and the app icons, all drawn at build time from one SVG
 * (src/assets/brand/logo.svg): what each file is, where it is served, and how
 * it is drawn. The routes (src/pages/favicon.svg.ts, src/pages/[icon].png.ts)
 * and the web app manifest read this list, so a link never names a file the
 * build did not write.
 */

export interface PngIcon {
  /** Site path relative to the base. */
  path: string;
  size: number;
  /**
   * 'as-is': the rounded mark on transparency (favicons, the manifest's "any" icons).
   * 'full-bleed': the mark on an opaque square of the brand colour, for platforms that cut their own shape:
   * iOS home screens (no transparency allowed) and maskable icons, whose safe zone is the centre circle of
   * 80 % diameter; the mark's letter sits well inside it.
   */
  fill: 'as-is' | 'full-bleed';
  /** The manifest's purpose, for icons listed there. */
  purpose?: 'any' | 'maskable';
}

export const icons = {
  svg: { path: 'favicon.svg' },
  png32: { path: 'favicon-32.png', size: 32, fill: 'as-is' },
  appleTouch: { path: 'apple-touch-icon.png', size: 180, fill: 'full-bleed' },
  any192: { path: 'icon-192.png', size: 192, fill: 'as-is', purpose: 'any' },
  any512: { path: 'icon-512.png', size: 512, fill: 'as-is', purpose: 'any' },
  maskable192: { path: 'icon-maskable-192.png', size: 192, fill: 'full-bleed', purpose: 'maskable' },
  maskable512: { path: 'icon-maskable-512.png', size: 512, fill: 'full-bleed', purpose: 'maskable' },
} as const satisfies { svg: { path: string } } & Record<string, { path: string } | PngIcon>;

export const pngIcons: PngIcon[] = Object.values(icons).filter((icon): icon is PngIcon & typeof icon => 'size' in icon);

export interface ManifestSite {
  name: string;
  shortName: string;
  description: string;
  lang: string;
  /** Path prefix with leading and trailing slash. */
  base: string;
  themeColours: { light: { theme: string; background: string }; dark: { theme: string; background: string } };
}

/**
 * The web app manifest (https://www.w3.org/TR/appmanifest/). The format has
 * one theme_color and one background_color, so it carries the light pair;
 * the dark pair reaches browsers through BaseHead's media-keyed theme-color
 * <meta> tags, which take precedence over the manifest in a page.
 */
export function webAppManifest(site: ManifestSite): Record<string, unknown> {
  return {
    id: site.base,
    name: site.name,
    short_name: site.shortName,
    description: site.description,
    lang: site.lang,
    start_url: site.base,
    scope: site.base,
    display: 'minimal-ui',
    theme_color: site.themeColours.light.theme,
    background_color: site.themeColours.light.background,
    icons: [
      { src: site.base + icons.svg.path, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ...pngIcons
        .filter((icon) => icon.purpose)
        .map((icon) => ({
          src: site.base + icon.path,
          sizes: `${icon.size}x${icon.size}`,
          type: 'image/png',
          purpose: icon.purpose,
        })),
    ],
  };
}
