/**
 * Screenshots pages of the built site on a narrow and a wide viewport, for looking at what a
 * change did. Writes PNG files to screenshots/ (not committed).
 *
 *   npm run screenshot -- /agreements/ /countries/jp/
 *   npm run screenshot -- --max-height 1500 /agreements/   # only the top of long pages
 */
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/browser.ts';
import { serveStatic } from './lib/serve.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'screenshots' },
    'max-height': { type: 'string' },
  },
});
const paths = positionals.length > 0 ? positionals : ['/'];
const viewports = [
  { name: 'narrow', width: 390, height: 844 },
  { name: 'wide', width: 1280, height: 900 },
];

await mkdir(values.out, { recursive: true });
const server = await serveStatic(values.dist);
const browser = await launchChromium();
try {
  for (const viewport of viewports) {
    const page = await browser.newPage({ viewport });
    for (const pathname of paths) {
      await page.goto(`${server.url}${pathname}`, { waitUntil: 'networkidle' });
      // Flags load lazily, when scrolled near; a full-page picture scrolls nowhere, so load them all.
      await page.evaluate(() => {
        for (const image of document.querySelectorAll('img[loading="lazy"]')) image.setAttribute('loading', 'eager');
      });
      await page.waitForLoadState('networkidle');
      const name = pathname.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
      const file = `${values.out}/${name}-${viewport.name}.png`;
      const maxHeight = values['max-height'] ? Number(values['max-height']) : undefined;
      await page.screenshot({
        path: file,
        fullPage: true,
        ...(maxHeight ? { clip: { x: 0, y: 0, width: viewport.width, height: maxHeight } } : {}),
      });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
