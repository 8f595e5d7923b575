import { startStaticServer } from './scripts/lib/static-server';
import { launchChromium } from './scripts/lib/chromium';
const [path, width, scheme, action] = process.argv.slice(2);
const server = await startStaticServer('dist', { base: '/' });
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme as 'light' | 'dark', javaScriptEnabled: !action?.includes('nojs'), reducedMotion: 'reduce' });
const page = await context.newPage();
await page.goto(server.url + path, { waitUntil: 'networkidle' });
if (action?.includes('open')) await page.locator('details.toc summary').click();
const sel = action?.match(/sel=(.+)$/)?.[1];
if (sel) await page.locator(sel).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
if (action?.includes('toc')) await page.locator('details.toc').evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 150));
if (action?.includes('focus')) { await page.locator('.heading-anchor').first().focus(); }
await page.waitForTimeout(500);
const out = `test-results/nav-${path.replace(/[^a-z0-9]+/gi, '_')}-${width}-${scheme}-${(action ?? '').replace(/[^a-z0-9]+/gi, '_')}.png`;
await page.screenshot({ path: out });
console.log(out);
await browser.close(); await server.close();
