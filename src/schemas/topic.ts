import { z } from 'zod';
import { textSchema } from './common.ts';

/** A subject of cooperation, `content/topics/<id>.yaml`. */
export const topicSchema = z
  .strictObject({
    name: textSchema.describe('The topic name, for example "Digital identity".'),
    nameJa: textSchema
      .optional()
      .describe(
        'The topic name in Japanese, for the Japanese edition, for example "デジタルID". Topics are the catalogue’s own vocabulary, so it needs no source.',
      ),
    description: textSchema.describe('What belongs under this topic.'),
  })
  .describe('A topic of cooperation.');

export type TopicData = z.output<typeof topicSchema>;
