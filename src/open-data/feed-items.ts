import type { RSSFeedItem } from '@astrojs/rss';
import type { Agreement } from '../catalogue/derive.ts';
import { countryNameInText } from '../countries.ts';
import { fill, type Strings } from '../i18n/index.ts';
import { routes } from '../routes.ts';
import { earliestDay, parsePartialDate } from '../schemas/date.ts';
import { updatedDate } from './records.ts';

/** The first day a date of any precision stands for, at midnight UTC: RSS needs a full date. */
function firstDay(iso: string): Date {
  const date = parsePartialDate(iso);
  return new Date(`${date ? earliestDay(date) : iso}T00:00:00Z`);
}

/** One feed item with the date it is sorted by. */
interface DatedItem extends RSSFeedItem {
  readonly updated: string;
  readonly id: string;
}

/**
 * How many items a feed carries. Readers poll feeds for what is new; a feed of every agreement of
 * a large country would grow with the catalogue (megabytes at 10,000 entries).
 */
export const feedItemLimit = 50;

/**
 * The items of a feed of agreements: one per agreement, dated by when its entry last changed
 * (see `updatedDate`), most recent first, then by id so the order is stable; at most `limit`.
 */
export function feedItems(
  agreements: readonly Agreement[],
  context: {
    readonly strings: Strings;
    readonly absolute: (path: string) => string;
    readonly lastChanged: (filePath: string) => string | undefined;
    readonly topicName: (id: string) => string;
    readonly limit?: number;
  },
): RSSFeedItem[] {
  const { strings } = context;
  const items: DatedItem[] = agreements.map((agreement) => {
    const { data } = agreement;
    const updated = updatedDate(agreement, context.lastChanged(agreement.filePath));
    return {
      id: agreement.id,
      updated,
      title: data.title,
      link: context.absolute(routes.agreement(agreement.id)),
      pubDate: firstDay(updated),
      description: fill(strings.t.feed.item, {
        date: strings.date(data.signed),
        parties: strings.list(agreement.countries.map((code) => countryNameInText(code))),
        summary: data.summary,
      }),
      categories: data.topics.map(context.topicName),
    };
  });
  return items
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id))
    .slice(0, context.limit ?? feedItemLimit)
    .map(({ id: _id, updated: _updated, ...item }) => item);
}
