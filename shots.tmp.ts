import { startStaticServer } from './scripts/lib/static-server.ts';
import { launchChromium } from './scripts/lib/chromium.ts';
const server = await startStaticServer('node_modules/.tmp-tests/main/dist');
const browser = await launchChromium();
for (const scheme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(server.url + 'posts/top-crypto-narratives-2024/', { waitUntil: 'networkidle' });
    await page.locator('figure.vote-chart').scrollIntoViewIfNeeded();
    await page.waitForSelector('vote-chart[data-ready]');
    await page.locator('.vote-chart__embed summary').click();
    await page.locator('button[data-play]').click();
    await page.waitForFunction(() => document.querySelector('button[data-play]')?.textContent === 'Stop');
    await page.waitForTimeout(300);
    await page.locator('figure.vote-chart').screenshot({ path: `/tmp/shots/figure-${scheme}-${width}.png` });
    await page.locator('button[data-play]').click();
    const embed = await context.newPage();
    await embed.goto(server.url + 'embed/moon-awards-2024-narratives/', { waitUntil: 'networkidle' });
    await embed.waitForSelector('vote-chart[data-ready]');
    await embed.locator('.vote-chart__data summary').click();
    await embed.waitForTimeout(300);
    await embed.screenshot({ path: `/tmp/shots/embed-${scheme}-${width}.png`, fullPage: true });
    await context.close();
  }
}
await browser.close();
await server.close();
