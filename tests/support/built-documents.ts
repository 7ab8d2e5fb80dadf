import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { BuiltPage } from '../../scripts/lib/built-site.ts';

/**
 * An XML document of the built site, parsed; items, sitemap entries and their links are always
 * arrays. Attributes are left out unless asked for, and then keep their names (`hreflang`).
 */
export async function readXml(
  distDir: string,
  file: string,
  options: { attributes?: boolean } = {},
): Promise<Record<string, unknown>> {
  const xml = await readFile(path.join(distDir, file), 'utf8');
  // The parser alone is lenient, so well-formedness is checked first. XMLValidator is marked
  // deprecated in favour of a separate package that is not a dependency; it still works.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${file} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    isArray: (name) => ['item', 'url', 'sitemap', 'xhtml:link'].includes(name),
    ignoreAttributes: !options.attributes,
    attributeNamePrefix: '',
  });
  return parser.parse(xml) as Record<string, unknown>;
}

/** The site paths of the items of an RSS feed, in feed order. */
export async function feedPaths(distDir: string, file: string): Promise<string[]> {
  const feed = (await readXml(distDir, file)) as { rss: { channel: { item?: { link: string }[] } } };
  return (feed.rss.channel.item ?? []).map((item) => new URL(item.link).pathname);
}

/** The site paths the sitemap lists, across every sitemap the index names. */
export async function sitemapPaths(distDir: string): Promise<string[]> {
  const index = (await readXml(distDir, 'sitemap-index.xml')) as {
    sitemapindex: { sitemap: { loc: string }[] };
  };
  const paths: string[] = [];
  for (const { loc } of index.sitemapindex.sitemap) {
    const sitemap = (await readXml(distDir, new URL(loc).pathname)) as { urlset: { url: { loc: string }[] } };
    paths.push(...sitemap.urlset.url.map((url) => new URL(url.loc).pathname));
  }
  return paths;
}

/** The hreflang alternates the sitemap gives each site path it lists, as `lang path` strings. */
export async function sitemapAlternates(distDir: string): Promise<Map<string, string[]>> {
  const index = (await readXml(distDir, 'sitemap-index.xml')) as {
    sitemapindex: { sitemap: { loc: string }[] };
  };
  const alternates = new Map<string, string[]>();
  for (const { loc } of index.sitemapindex.sitemap) {
    const sitemap = (await readXml(distDir, new URL(loc).pathname, { attributes: true })) as {
      urlset: { url: { loc: string; 'xhtml:link'?: { hreflang: string; href: string }[] }[] };
    };
    for (const url of sitemap.urlset.url) {
      const links = url['xhtml:link'] ?? [];
      alternates.set(
        new URL(url.loc).pathname,
        links.map((link) => `${link.hreflang} ${new URL(link.href).pathname}`),
      );
    }
  }
  return alternates;
}

/** The target of a redirect page (its meta refresh), or undefined for an ordinary page. */
export function redirectTarget(page: BuiltPage): string | undefined {
  const refresh = page.document.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content');
  return refresh ? /url=(.+)$/i.exec(refresh)?.[1]?.trim() : undefined;
}

/** Whether search engines are asked to leave the page out. */
export function isNoindex(page: BuiltPage): boolean {
  return page.document.querySelector('meta[name="robots"]')?.getAttribute('content')?.includes('noindex') ?? false;
}
