import { defineCollection } from 'astro:content';
import { contentLoader } from './catalogue/content-loader.ts';
import { contentRoot } from './content-root.ts';
import { agencySchema, agreementSchema, personSchema, topicSchema } from './schemas/index.ts';

// Every collection comes through `contentLoader`, which lists, reads and checks the content
// folder as `npm run check` does before anything stores, compiles or renders an entry (issue 9).
// References are plain ids checked by `checkCatalogue`, not `reference()`: Astro only logs a
// missing reference, and the same schemas must run outside Astro in `npm run check`.
const agreements = defineCollection({ loader: contentLoader(contentRoot, 'agreements'), schema: agreementSchema });
const agencies = defineCollection({ loader: contentLoader(contentRoot, 'agencies'), schema: agencySchema });
const topics = defineCollection({ loader: contentLoader(contentRoot, 'topics'), schema: topicSchema });
const people = defineCollection({ loader: contentLoader(contentRoot, 'people'), schema: personSchema });

export const collections = { agreements, agencies, topics, people };
