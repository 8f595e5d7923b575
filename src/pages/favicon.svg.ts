/** /favicon.svg: the brand mark, served from its one source so the PNG icons cannot drift from it. */
import type { APIRoute } from 'astro';
import logoSvg from '../assets/brand/logo.svg?raw';

export const GET: APIRoute = () => new Response(logoSvg, { headers: { 'content-type': 'image/svg+xml' } });
