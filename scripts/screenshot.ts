/** Takes screenshots of pages for people to look at: tsx scripts/screenshot.ts URL OUT.png [width] */
import { launchChromium } from '../tests/support/browser.ts';

const [url, out, width = '1280', wait = '1500'] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.on('console', (m) => console.log(`[console.${m.type()}]`, m.text()));
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto(url, { waitUntil: 'load' });
await page.waitForTimeout(Number(wait));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
