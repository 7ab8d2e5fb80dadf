import { z } from 'zod';
import { textSchema } from './common.ts';

/** A subject of cooperation, `content/topics/<id>.yaml`. */
export const topicSchema = z
  .strictObject({
    name: textSchema.meta({ description: 'The topic name.', guidance: 'For example "Digital identity".' }),
    nameJa: textSchema.optional().meta({
      description: 'The topic name in Japanese, as the Japanese edition shows it.',
      guidance: 'For example "デジタルID". Topics are the catalogue’s own vocabulary, so it needs no source.',
    }),
    description: textSchema.describe('What belongs under it.'),
  })
  .describe('A topic of cooperation.');

export type TopicData = z.output<typeof topicSchema>;
