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

const usage = `Usage: npm run screenshot -- [options] [path ...]

Screenshots each path of the built site (the home page if none is given), 390 and 1280 pixels wide.

  --dist DIR          the built site (default: dist)
  --out DIR           where the PNG files go (default: screenshots)
  --max-height N      only the top N pixels of each page
  --help              this text`;

/** The command line, or its usage and an exit when it names an option there is not. */
function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        dist: { type: 'string', default: 'dist' },
        out: { type: 'string', default: 'screenshots' },
        'max-height': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}

const { positionals, values } = readArgs();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const maxHeight = values['max-height'] === undefined ? undefined : Number(values['max-height']);
if (maxHeight !== undefined && !(Number.isInteger(maxHeight) && maxHeight > 0)) {
  console.error(`--max-height is "${values['max-height']}": it takes a whole number of pixels above 0.\n\n${usage}`);
  process.exit(2);
}
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
      // The page is already idle, so waiting for the network again could return before they start:
      // wait until every image has loaded (or failed) instead.
      await page.evaluate(() => {
        for (const image of document.querySelectorAll('img[loading="lazy"]')) image.setAttribute('loading', 'eager');
      });
      await page.waitForFunction(() => [...document.images].every((image) => image.complete));
      const name = pathname.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
      const file = `${values.out}/${name}-${viewport.name}.png`;
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
