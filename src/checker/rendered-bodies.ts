import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { numberSources, referenceNodes } from '../catalogue/references.ts';
import { useStrings } from '../i18n/index.ts';
import { defaultLocale, locales, type Locale } from '../i18n/locales.ts';
import { bodyHtml, bodyTree } from '../markdown/render.ts';
import type { AgreementData } from '../schemas/index.ts';
import { checkerVersion } from './check-cache.ts';

/** An agreement's body as HTML in every edition, as the content loader stores it. */
export type BodyEditions = Readonly<Record<Locale, string>>;

/**
 * Renders a checked body once into every edition: the editions differ only in what `<Cite>` and a
 * `<Callout>` without a title say, in the page's language.
 */
export function renderEditions(
  tree: Root,
  file: { readonly filePath: string; readonly contentRoot: string; readonly data: AgreementData },
): BodyEditions {
  const hast = bodyTree(tree, file);
  const numbered = numberSources(file.data.sources);
  const html = (locale: Locale): string => {
    const { t } = useStrings(locale);
    return bodyHtml(hast, {
      // An unknown id is left out rather than thrown: the integrity check, which runs after every
      // file is read, reports it by name and refuses the entry.
      cite: (ids) =>
        referenceNodes(
          ids.filter((id) => numbered.has(id)),
          numbered,
          t,
        ),
      calloutLabel: (kind) => t.content.callout[kind],
    });
  };
  return Object.fromEntries(locales.map((locale) => [locale, html(locale)])) as Record<Locale, string>;
}

/** The stored form of a body: the default edition as Astro's rendered HTML, the others beside it. */
export function storedRendering(editions: BodyEditions): {
  html: string;
  metadata: { editions: Partial<BodyEditions> };
} {
  const others = locales.filter((locale) => locale !== defaultLocale).map((locale) => [locale, editions[locale]]);
  return { html: editions[defaultLocale], metadata: { editions: Object.fromEntries(others) } };
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A digest of everything a stored body depends on besides its file: the checker and renderer
 * (`checkerVersion` covers src/checker/, src/markdown/ and the packages), the references' markup
 * and the strings the editions use. Astro empties its store when its configuration changes, but
 * not when this code does: the loader keys each entry by its file and this version together.
 */
export async function rendererVersion(): Promise<string> {
  const hash = createHash('sha256').update(await checkerVersion());
  for (const file of ['../catalogue/references.ts', '../i18n/index.ts'])
    hash.update(await readFile(path.join(here, file)));
  for (const locale of locales) {
    const { t } = useStrings(locale);
    hash.update(JSON.stringify([t.agreement.reference, t.content.callout]));
  }
  return hash.digest('base64url');
}
