/**
 * The chart card as PNG: sharp (libvips → librsvg → Pango → fontconfig) renders
 * the build-time card SVG. The font is pinned: the project ships DejaVu Sans
 * through the `dejavu-fonts-ttf` npm package, and FONTCONFIG_FILE points
 * fontconfig at a config that knows only those files, so the card looks the
 * same on every machine. A missing font file is an error, never a fallback.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { replaceFile } from '../build/replace-file';
import { CARD_FONT_FAMILY, DARK_COLOURS, LIGHT_COLOURS, renderChartCardSvg } from './chart-svg';
import { CARD_HEIGHT, CARD_WIDTH, surveyCredit, type CardThumbnailWidth, type SurveyView } from './survey';

export const CARD_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;
const FONT_PACKAGE = 'dejavu-fonts-ttf';

export class ChartFontError extends Error {
  override name = 'ChartFontError';
}

/** Folder holding the shipped TTFs; `fontDir` overrides it (tests use this to prove a missing font fails). */
export function shippedFontDir(root = process.cwd()): string {
  try {
    const pkg = createRequire(join(root, 'package.json')).resolve(`${FONT_PACKAGE}/package.json`);
    return join(dirname(pkg), 'ttf');
  } catch {
    throw new ChartFontError(
      `chart PNG: the font package "${FONT_PACKAGE}" is not installed (needed for ${CARD_FONT_FAMILY}). Run npm ci.`,
    );
  }
}

let configured: string | undefined;

/**
 * Writes a fontconfig setup that sees only the pinned TTFs and points
 * FONTCONFIG_FILE at it. Must run before the first text is rendered in this
 * process, since fontconfig reads its configuration once.
 */
export function pinChartFont(fontDir = shippedFontDir()): string {
  const missing = CARD_FONT_FILES.filter((file) => !existsSync(join(fontDir, file)));
  if (missing.length > 0) {
    throw new ChartFontError(
      `chart PNG: font file${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found in ${fontDir}. ` +
        `The card is drawn in ${CARD_FONT_FAMILY} from the "${FONT_PACKAGE}" package; run npm ci.`,
    );
  }
  if (configured) return configured;
  const home = join(tmpdir(), `moon-research-chart-fonts-${process.pid}`);
  const fonts = join(home, 'fonts');
  const configFile = join(home, 'fonts.conf');
  // Content sync and the built pages each load their own copy of this module in one process, whose
  // environment then already names this process's setup. Copying the fonts again would truncate files
  // FreeType has mapped for the other copy, and the process dies of SIGBUS.
  if (process.env.FONTCONFIG_FILE === configFile && existsSync(configFile)) return (configured = configFile);
  mkdirSync(fonts, { recursive: true });
  for (const file of CARD_FONT_FILES) replaceFile(join(fonts, file), (to) => copyFileSync(join(fontDir, file), to));
  replaceFile(configFile, (to) =>
    writeFileSync(
      to,
      `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${fonts}</dir>
  <cachedir>${join(home, 'cache')}</cachedir>
  <alias binding="strong"><family>sans-serif</family><prefer><family>${CARD_FONT_FAMILY}</family></prefer></alias>
</fontconfig>
`,
    ),
  );
  process.env.FONTCONFIG_FILE = configFile;
  configured = configFile;
  return configFile;
}

/**
 * The survey chart card as PNG, 1200×630 unless a thumbnail `width` is given.
 * The SVG is rasterised at the target size (not scaled down from 1200 px), so
 * text and bars stay sharp. On this flat artwork a palette PNG is smaller than
 * WebP (600 px: 11.8 KB against 15.8 KB lossless and 16.3 KB q85 WebP).
 */
export async function renderChartPng(
  view: SurveyView,
  options: {
    siteName: string;
    width?: typeof CARD_WIDTH | CardThumbnailWidth;
    fontDir?: string;
    theme?: 'light' | 'dark';
    /** The download copy also stores the credit as EXIF (sharp writes no PNG text chunks); the social card stays lean. */
    embedCredit?: boolean;
  },
): Promise<Buffer> {
  pinChartFont(options.fontDir);
  const { default: sharp } = await import('sharp');
  const colours = options.theme === 'dark' ? DARK_COLOURS : LIGHT_COLOURS;
  const svg = renderChartCardSvg(view, { siteName: options.siteName, colours });
  const width = options.width ?? CARD_WIDTH;
  let image = sharp(Buffer.from(svg), { density: (72 * width) / CARD_WIDTH }).resize(
    width,
    Math.round((width * CARD_HEIGHT) / CARD_WIDTH),
  );
  if (options.embedCredit) {
    // surveyCredit ends each line as a sentence: libvips would drop a trailing "(…)" from an EXIF string.
    const credit = surveyCredit(view);
    image = image.withExif({
      IFD0: {
        ImageDescription: `${credit.name} ${credit.source}`,
        Copyright: credit.licence,
        Artist: options.siteName,
      },
    });
  }
  return image.png({ compressionLevel: 9, palette: true, quality: 90, effort: 10 }).toBuffer();
}
