import { defineCollection } from 'astro:content';
import { contentLoader } from './checker/content-loader.ts';
import { collections as layout, type CollectionName } from './collections.ts';
import { contentRoot } from './content-root.ts';

// Every collection comes through `contentLoader`, which lists, reads and checks the content
// folder as `npm run check` does before anything stores, compiles or renders an entry (issue 9).
// References are plain ids checked by `checkCatalogue`, not `reference()`: Astro only logs a
// missing reference, and the same schemas must run outside Astro in `npm run check`.
export const collections = {
  agreements: defineCollection({ loader: contentLoader(contentRoot, 'agreements'), schema: layout.agreements.schema }),
  agencies: defineCollection({ loader: contentLoader(contentRoot, 'agencies'), schema: layout.agencies.schema }),
  topics: defineCollection({ loader: contentLoader(contentRoot, 'topics'), schema: layout.topics.schema }),
  people: defineCollection({ loader: contentLoader(contentRoot, 'people'), schema: layout.people.schema }),
} satisfies Record<CollectionName, unknown>;
