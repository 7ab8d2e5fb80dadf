import type { Agreement, Catalogue } from '../catalogue/derive.ts';
import { countryName } from '../countries.ts';
import type { Dictionary } from '../i18n/en.ts';
import { licences } from '../licences.ts';
import { absoluteUrl, routes } from '../routes.ts';

/** A schema.org JSON-LD object. */
export type JsonLd = Record<string, unknown>;

const context = 'https://schema.org';

/** The site as a `WebSite`, with the search page as its `SearchAction`. */
export function websiteJsonLd(site: { name: string; description: string; url: string; searchUrl: string }): JsonLd {
  return {
    '@context': context,
    '@type': 'WebSite',
    name: site.name,
    description: site.description,
    url: site.url,
    license: licences.data.url,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.searchUrl}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** A list page or an index page (a country, an agency, a topic) as a `CollectionPage`. */
export function collectionJsonLd(page: {
  name: string;
  description: string;
  url: string;
  siteUrl: string;
  items: readonly { readonly name: string; readonly url: string }[];
}): JsonLd {
  return {
    '@context': context,
    '@type': 'CollectionPage',
    name: page.name,
    description: page.description,
    url: page.url,
    isPartOf: { '@type': 'WebSite', url: page.siteUrl },
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: page.items.length,
      itemListElement: page.items.map((item, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        name: item.name,
        url: item.url,
      })),
    },
  };
}

/**
 * An agreement page. The page is a `WebPage` (dated by when the entry changed); its main entity
 * is the instrument as a `CreativeWork`: most agreements here are not binding, so schema.org's
 * `Legislation` would claim more than the sources do. The parties' countries are its
 * `spatialCoverage` (`Country`), the agencies that signed are its `creator`s
 * (`GovernmentOrganization`), and the sources are its `citation`s.
 */
export function agreementJsonLd(
  agreement: Agreement,
  catalogue: Pick<Catalogue, 'agencyById' | 'topicById'>,
  page: { url: string; siteUrl: string; updated: string; t: Dictionary },
): JsonLd {
  const { data } = agreement;
  return {
    '@context': context,
    '@type': 'WebPage',
    url: page.url,
    name: data.title,
    description: data.summary,
    dateModified: page.updated,
    license: licences.data.url,
    isPartOf: { '@type': 'WebSite', url: page.siteUrl },
    mainEntity: {
      '@type': 'CreativeWork',
      name: data.title,
      ...(data.shortTitle || data.aliases.length > 0
        ? { alternateName: [...(data.shortTitle ? [data.shortTitle] : []), ...data.aliases] }
        : {}),
      genre: page.t.kind[data.kind],
      abstract: data.summary,
      dateCreated: data.signed.iso,
      ...(data.expires ? { expires: data.expires.iso } : {}),
      spatialCoverage: agreement.countries.map((code) => ({ '@type': 'Country', name: countryName(code) })),
      creator: agreement.agencyIds.flatMap((id) => {
        const agency = catalogue.agencyById.get(id);
        if (!agency) return [];
        return [
          {
            '@type': 'GovernmentOrganization',
            name: agency.data.name,
            ...(agency.data.acronym ? { alternateName: agency.data.acronym } : {}),
            ...(agency.data.website ? { url: agency.data.website } : {}),
            areaServed: { '@type': 'Country', name: countryName(agency.data.country) },
          },
        ];
      }),
      about: data.topics.flatMap((id) => {
        const topic = catalogue.topicById.get(id);
        return topic ? [{ '@type': 'DefinedTerm', name: topic.data.name }] : [];
      }),
      citation: data.sources.map((source) => ({
        '@type': 'CreativeWork',
        name: source.title,
        url: source.url,
        publisher: { '@type': 'Organization', name: source.publisher },
        ...(source.published ? { datePublished: source.published.iso } : {}),
        inLanguage: source.language,
      })),
    },
  };
}

/**
 * Serialises JSON-LD for a `<script type="application/ld+json">` element. `<` is escaped so no
 * text in the data can close the element early.
 */
export function serialiseJsonLd(value: JsonLd): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/** A `CollectionPage` from site paths, resolved against the site's address. */
export function collectionPage(page: {
  name: string;
  description: string;
  path: string;
  items: readonly { readonly name: string; readonly path: string }[];
}): JsonLd {
  return collectionJsonLd({
    name: page.name,
    description: page.description,
    url: absoluteUrl(page.path),
    siteUrl: absoluteUrl(routes.home()),
    items: page.items.map((item) => ({ name: item.name, url: absoluteUrl(item.path) })),
  });
}

/** The open-data page as a schema.org `Dataset`, with each download as a `DataDownload`. */
export function datasetJsonLd(dataset: {
  name: string;
  description: string;
  url: string;
  siteUrl: string;
  downloads: readonly { readonly url: string; readonly format: string }[];
}): JsonLd {
  return {
    '@context': context,
    '@type': 'Dataset',
    name: dataset.name,
    description: dataset.description,
    url: dataset.url,
    license: licences.data.url,
    creator: { '@type': 'Organization', name: licences.data.attribution, url: dataset.siteUrl },
    isAccessibleForFree: true,
    distribution: dataset.downloads.map((download) => ({
      '@type': 'DataDownload',
      contentUrl: download.url,
      encodingFormat: download.format,
    })),
  };
}
