/**
 * A post's hero image must be a readable image file, and big enough for the
 * social card it becomes (summary_large_image), unless the post says it is
 * not for social cards. Checked before Astro's image() resolves it, whose own
 * failure names neither the post nor the field.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import sharp from 'sharp';
import type { LocatedProblem } from './frontmatter';

/** The Open Graph card size that Facebook, LinkedIn and X crop to. */
export const SOCIAL_CARD = { width: 1200, height: 630 } as const;

export async function heroImageProblems(postFile: string, hero: unknown): Promise<LocatedProblem[]> {
  if (hero === undefined || hero === null || typeof hero !== 'object') return [];
  const { src, socialCard } = hero as { src?: unknown; socialCard?: unknown };
  if (typeof src !== 'string' || src.trim() === '')
    return [
      {
        field: 'heroImage.src',
        reason: 'heroImage needs src: the path of an image file beside the post, e.g. ./hero.jpg',
      },
    ];
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src) || src.startsWith('/')) {
    return [
      {
        field: 'heroImage.src',
        reason: `"${src}" must be a path relative to the post (./hero.jpg or ../../assets/hero.jpg), not a URL or an absolute path`,
      },
    ];
  }
  const file = resolve(dirname(postFile), src);
  if (!existsSync(file)) return [{ field: 'heroImage.src', reason: `"${src}" does not exist (looked for ${file})` }];
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(file).metadata());
  } catch {
    return [
      {
        field: 'heroImage.src',
        reason: `"${src}" is not an image that can be read (JPEG, PNG, WebP, AVIF, GIF or SVG)`,
      },
    ];
  }
  if (socialCard !== false && (!width || !height || width < SOCIAL_CARD.width || height < SOCIAL_CARD.height)) {
    return [
      {
        field: 'heroImage.src',
        reason: `"${src}" is ${width ?? '?'}×${height ?? '?'} px, smaller than the ${SOCIAL_CARD.width}×${SOCIAL_CARD.height} px social card it becomes; use a larger image or set heroImage.socialCard: false`,
      },
    ];
  }
  return [];
}
