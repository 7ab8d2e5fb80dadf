import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchSegments } from '../../src/i18n/segments.ts';
import { openSearchSite, type SearchSite } from '../support/search-site.ts';

// A tiny Japanese site indexed as the real one is (each page's language from <html lang>), with
// the same markup the entity and agreement pages carry for their Japanese names.
let site: SearchSite;

const html = (title: string, body: string, names: readonly string[] = []) => {
  const segments = searchSegments(names);
  const extra = segments
    ? `<span hidden data-pagefind-index-attrs="data-segments" data-segments="${segments}"></span>`
    : '';
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p>${extra}</main></body></html>`;
};

beforeAll(async () => {
  site = await openSearchSite(
    {
      // The control: the compound in the text alone, as on a page without the extra search words.
      '/ja/plain/': html('デジタル庁のガバメントクラウド', '日英の協力覚書に署名しました。'),
      '/ja/segmented/': html('ガバメントクラウド', 'デジタル庁が整備する基盤。', ['ガバメントクラウド', 'デジタル庁']),
      '/ja/agency/': html('デジタル庁', '日本の行政機関。', ['デジタル庁']),
    },
    html('検索', '検索の試験'),
  );
});

afterAll(async () => {
  await site?.close();
});

describe('Japanese search', () => {
  it('misses a katakana compound typed whole on a page without its search words (the control)', async () => {
    expect(await site.search('ガバメントクラウド')).not.toContain('/ja/plain/');
  });

  it('finds a katakana compound typed whole on a page that carries its search words', async () => {
    expect(await site.search('ガバメントクラウド')).toContain('/ja/segmented/');
  });

  it('finds a name in kanji, and a part of a compound', async () => {
    expect(await site.search('デジタル庁')).toEqual(expect.arrayContaining(['/ja/agency/', '/ja/segmented/']));
    expect(await site.search('クラウド')).toEqual(expect.arrayContaining(['/ja/plain/', '/ja/segmented/']));
  });
});
