/**
 * Gate: pages stay light. Reports, per page type, the heaviest page's HTML, CSS, JavaScript,
 * fonts and images in KiB raw, gzip and brotli, and fails when
 * - an agreement page weighs 50 KiB or more gzip-compressed, its CSS included;
 * - any page's HTML weighs more than 100 KiB raw, the mark of a page that lists a whole collection
 *   and so grows with the catalogue;
 * - any page other than /search/ loads JavaScript beyond the one shortcut script.
 *
 *   node scripts/gates/page-weight.ts [--dist dist]
 *
 * The shortcut script (src/client/shortcut.ts, the `/` key) is bundled under a hashed name, so
 * it is recognised by where it is used rather than by name: it is the one external script that
 * every page of the site loads, because only Base.astro includes it. A script added to one page
 * is not on every page; a second script added to Base.astro makes two scripts on every page;
 * either fails. It must also stay under 1 KiB compressed, so the allowance cannot grow into an
 * application.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { onePerType, pageType } from '../lib/page-types.ts';
import { builtPages, type BuiltPage, defaultOutDir } from '../lib/built-site.ts';
import { finish, kib } from './report.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: defaultOutDir() } } });
const started = performance.now();

/** Budgets in bytes, gzip-compressed (what most static hosts serve). */
const agreementBudget = 50 * 1024;
const shortcutBudget = 1024;
/** Raw bytes of any page's HTML. */
const htmlBudget = 100 * 1024;
/** The page types that may load JavaScript of their own: the search page, in every edition. */
const typesWithScripts = new Set(['search', 'ja:search']);

type Kind = 'html' | 'css' | 'js' | 'fonts' | 'images';
const kinds: readonly Kind[] = ['html', 'css', 'js', 'fonts', 'images'];

interface Size {
  readonly raw: number;
  readonly gzip: number;
  /** Measured only when read: only the heaviest page of each type is reported in brotli, and
   * compressing all 1,246 pages of the bilingual site at brotli's best setting took 40 s. */
  readonly brotli: number;
}

const sizeCache = new Map<string, Size>();
/** A file's size raw and compressed, measured once. */
function sizeOf(file: string): Size {
  let size = sizeCache.get(file);
  if (!size) {
    const bytes = readFileSync(file);
    let brotli: number | undefined;
    size = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      get brotli() {
        return (brotli ??= brotliCompressSync(readFileSync(file)).length);
      },
    };
    sizeCache.set(file, size);
  }
  return size;
}

const fileOf = (url: string, from: string): string =>
  path.join(values.dist, decodeURIComponent(new URL(url, `http://site.invalid${from}`).pathname));
const internal = (url: string): boolean => !/^(https?:)?\/\/|^data:/.test(url);

/** Modules a script imports statically, which the browser fetches along with it. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|[;}\s])import\s*(?:[^'"`()]*?from\s*)?["'`]([^"'`]+)["'`]/g)].map((match) =>
    path.join(path.dirname(file), match[1] ?? ''),
  );
}

/** Fonts and images a stylesheet refers to. */
function cssAssets(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
    .map((match) => match[1] ?? '')
    .filter(internal)
    .map((url) => (url.startsWith('/') ? path.join(values.dist, url) : path.join(path.dirname(file), url)));
}

/** Every file a page needs, by kind, including the page itself. */
function filesOf(page: BuiltPage): Record<Kind, Set<string>> {
  const files: Record<Kind, Set<string>> = {
    html: new Set([page.file]),
    css: new Set(),
    js: new Set(),
    fonts: new Set(),
    images: new Set(),
  };
  const addAsset = (file: string) => (/\.(woff2?|ttf|otf)$/.test(file) ? files.fonts : files.images).add(file);
  for (const link of page.document.querySelectorAll('link[rel="stylesheet"]')) {
    const href = link.getAttribute('href') ?? '';
    if (!internal(href)) continue;
    const css = fileOf(href, page.url);
    files.css.add(css);
    cssAssets(css).forEach(addAsset);
  }
  const pending = page.document
    .querySelectorAll('script[src]')
    .map((script) => script.getAttribute('src') ?? '')
    .filter(internal)
    .map((src) => fileOf(src, page.url));
  for (let script = pending.pop(); script; script = pending.pop()) {
    if (files.js.has(script)) continue;
    files.js.add(script);
    pending.push(...staticImports(script));
  }
  for (const image of page.document.querySelectorAll('img[src], link[rel~="icon"]')) {
    const src = image.getAttribute('src') ?? image.getAttribute('href') ?? '';
    if (internal(src)) addAsset(fileOf(src, page.url));
  }
  // An inline SVG's shapes from a file (the world map's), counted once however many it uses.
  for (const use of page.document.querySelectorAll('use[href], image[href]')) {
    const href = use.getAttribute('href') ?? '';
    if (internal(href)) addAsset(fileOf(href, page.url));
  }
  return files;
}

/** Sums the sizes of a set of files. */
function total(files: Iterable<string>): Size {
  const list = [...files];
  let raw = 0;
  let gzip = 0;
  for (const file of list) {
    const size = sizeOf(file);
    raw += size.raw;
    gzip += size.gzip;
  }
  return {
    raw,
    gzip,
    get brotli() {
      return list.reduce((sum, file) => sum + sizeOf(file).brotli, 0);
    },
  };
}

const pages = await builtPages(values.dist);
const problems: string[] = [];

// The shortcut script: the external scripts common to every page.
const scriptsOf = (page: BuiltPage) =>
  new Set(
    page.document.querySelectorAll('script[src]').map((script) => fileOf(script.getAttribute('src') ?? '', page.url)),
  );
// A page at a renamed entry's old address only forwards to the new one (MovedEntry.astro) and
// loads no script at all, so it does not count towards "every page".
const forwards = (page: BuiltPage) => page.document.querySelector('meta[http-equiv="refresh"]') !== null;
const everywhere = pages
  .filter((page) => !forwards(page))
  .map(scriptsOf)
  .reduce((common, scripts) => new Set([...common].filter((file) => scripts.has(file))));
if (everywhere.size !== 1) {
  problems.push(
    `every page should load exactly one shared script (the / shortcut), but they share ${everywhere.size}: ${[...everywhere].join(', ')}`,
  );
}
for (const shortcut of everywhere) {
  const size = sizeOf(shortcut);
  if (size.gzip > shortcutBudget) {
    problems.push(
      `the shortcut script ${path.basename(shortcut)} is ${kib(size.gzip)} KiB compressed, over ${kib(shortcutBudget)} KiB`,
    );
  }
}

const weights = new Map<string, Record<Kind, Size> & { page: string; total: Size }>();
for (const page of pages) {
  const files = filesOf(page);
  const sizes = Object.fromEntries(kinds.map((kind) => [kind, total(files[kind])])) as Record<Kind, Size>;
  const pageTotal = total(kinds.flatMap((kind) => [...files[kind]]));
  const type = pageType(page.url);
  const heaviest = weights.get(type);
  if (!heaviest || pageTotal.gzip > heaviest.total.gzip)
    weights.set(type, { ...sizes, page: page.url, total: pageTotal });

  if (!typesWithScripts.has(type)) {
    const extra = [...files.js].filter((file) => !everywhere.has(file) || everywhere.size !== 1);
    for (const file of extra) problems.push(`${page.url} loads the script ${path.relative(values.dist, file)}`);
    const inline = page.document
      .querySelectorAll('script:not([src])')
      .filter((script) => !/json/.test(script.getAttribute('type') ?? ''));
    if (inline.length > 0) problems.push(`${page.url} has ${inline.length} inline script(s)`);
  }
  if (sizes.html.raw > htmlBudget) {
    problems.push(
      `${page.url} is ${kib(sizes.html.raw)} KiB of HTML, over the ${kib(htmlBudget)} KiB budget of any page`,
    );
  }
  if (type === 'agreements/*') {
    const withCss = sizes.html.gzip + sizes.css.gzip;
    if (withCss >= agreementBudget) {
      problems.push(
        `${page.url} weighs ${kib(withCss)} KiB compressed with its CSS, over the ${kib(agreementBudget)} KiB budget`,
      );
    }
  }
}

const cell = (size: Size) => `${kib(size.raw)}/${kib(size.gzip)}/${kib(size.brotli)}`;
const rows = [...onePerType([...weights.values()].map((weight) => weight.page)).keys()].map((type) => {
  const weight = weights.get(type);
  return weight ? [type, weight.page, ...kinds.map((kind) => cell(weight[kind])), cell(weight.total)] : [type];
});
const header = ['type', 'heaviest page', ...kinds, 'total'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
const line = (cells: readonly string[]) => cells.map((text, column) => text.padEnd(widths[column] ?? 0)).join('  ');
console.log('KiB raw/gzip/brotli, heaviest page of each type:\n');
console.log(`${line(header)}\n${widths.map((width) => '─'.repeat(width)).join('  ')}`);
for (const row of rows) console.log(line(row));
if (problems.length > 0) console.log('');
for (const problem of problems) console.log(problem);

const agreementsHeaviest = weights.get('agreements/*');
finish(
  'Page weight',
  {
    checked: `${pages.length} pages`,
    problems: problems.length,
    note: agreementsHeaviest
      ? `heaviest agreement page ${kib(agreementsHeaviest.html.gzip + agreementsHeaviest.css.gzip)} KiB gzip with CSS`
      : undefined,
  },
  started,
);
