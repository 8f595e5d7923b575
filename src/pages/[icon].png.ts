/** /favicon-32.png, /apple-touch-icon.png and the manifest's icons, drawn from the brand SVG (src/lib/social/icons.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import logoSvg from '../assets/brand/logo.svg?raw';
import { SITE } from '../site.config';
import { pngIcons, type PngIcon } from '../lib/social/icons';
import { renderIconPng } from '../lib/social/icon-png';

export const getStaticPaths = (() =>
  pngIcons.map((icon) => ({
    params: { icon: icon.path.replace(/\.png$/, '') },
    props: { icon },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ icon: PngIcon }> = async ({ props }) => {
  const png = await renderIconPng(logoSvg, props.icon, SITE.iconBackground);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
