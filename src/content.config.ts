import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentRoot } from './content-root.ts';
import { agencySchema, agreementSchema, personSchema, topicSchema } from './schemas/index.ts';

// References are plain ids checked by `checkCatalogue`, not `reference()`: Astro only logs a
// missing reference, and the same schemas must run outside Astro in `npm run check`.
const agreements = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentRoot}/agreements` }),
  schema: agreementSchema,
});
const agencies = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentRoot}/agencies` }),
  schema: agencySchema,
});
const topics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentRoot}/topics` }),
  schema: topicSchema,
});
const people = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentRoot}/people` }),
  schema: personSchema,
});

export const collections = { agreements, agencies, topics, people };
