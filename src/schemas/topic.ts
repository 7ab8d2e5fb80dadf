import { z } from 'zod';
import { textSchema } from './common.ts';

/** A subject of cooperation, `content/topics/<id>.yaml`. */
export const topicSchema = z
  .strictObject({
    name: textSchema.describe('The topic name, for example "Digital identity".'),
    description: textSchema.describe('What belongs under this topic.'),
  })
  .describe('A topic of cooperation.');

export type TopicData = z.output<typeof topicSchema>;
