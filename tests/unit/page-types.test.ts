import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { onePerType, pageType, representativePages, templateType } from '../../scripts/lib/page-types.ts';

describe('page types', () => {
  it('tells lists, entries, the home page and plain files apart', () => {
    expect(pageType('/')).toBe('home');
    expect(pageType('/agreements/')).toBe('agreements');
    expect(pageType('/agreements/alpha-beta-2020/')).toBe('agreements/*');
    expect(pageType('/404.html')).toBe('404');
  });

  it('picks the first page of each type in URL order', () => {
    const samples = onePerType(['/countries/jp/', '/countries/', '/countries/be/', '/']);
    expect(Object.fromEntries(samples)).toEqual({
      home: '/',
      countries: '/countries/',
      'countries/*': '/countries/be/',
    });
  });
});

describe('representative pages', () => {
  const page = (url: string, body: string) => ({ url, document: parse(`<html><body>${body}</body></html>`) });

  it('gives editions their own page types, made by the same templates', () => {
    expect(pageType('/ja/')).toBe('ja:home');
    expect(pageType('/ja/agreements/')).toBe('ja:agreements');
    expect(pageType('/ja/agreements/alpha-beta-2020/')).toBe('ja:agreements/*');
    expect(templateType('/ja/agreements/alpha-beta-2020/')).toBe('agreements/*');
    expect(templateType('/ja/')).toBe('home');
  });

  it('lets a page of the default edition stand for the same component states in another edition', () => {
    const pages = [
      page('/ja/agreements/a/', '<dl class="facts"></dl>'),
      page('/agreements/a/', '<dl class="facts"></dl>'),
      page('/ja/countries/jp/', '<svg role="img"></svg><p class="only-in-japanese"></p>'),
      page('/countries/jp/', '<svg role="img"></svg>'),
    ];
    expect(representativePages(pages)).toEqual(['/agreements/a/', '/ja/countries/jp/']);
  });

  it('checks each language mark once in the whole site, not once per page type', () => {
    const html = (lang: string, body: string) => `<html lang="${lang}"><body>${body}</body></html>`;
    const pages = [
      { url: '/agreements/a/', document: parse(html('en', '<dl class="facts"></dl><a lang="fr" href="#">x</a>')) },
      { url: '/ja/agreements/a/', document: parse(html('ja', '<dl class="facts"></dl><span lang="en">A</span>')) },
      { url: '/ja/topics/t/', document: parse(html('ja', '<h1><span lang="en">T</span></h1>')) },
      { url: '/topics/t/', document: parse(html('en', '<h1>T</h1>')) },
    ];
    expect(representativePages(pages)).toEqual(['/agreements/a/', '/ja/agreements/a/', '/topics/t/']);
  });

  it('keeps one page of each type when pages of a type differ only in text', () => {
    const pages = [
      page('/agreements/b/', '<dl class="facts"><dt>Signed</dt></dl>'),
      page('/agreements/a/', '<dl class="facts"><dt>Signed on</dt></dl>'),
      page('/countries/jp/', '<svg role="img" aria-label="Map"></svg>'),
    ];
    expect(representativePages(pages)).toEqual(['/agreements/a/', '/countries/jp/']);
  });

  it('adds a page for each component state that no chosen page of its type shows', () => {
    const pages = [
      page('/agreements/a/', '<dl class="facts"></dl>'),
      page('/agreements/b/', '<dl class="facts"></dl><section class="family" aria-labelledby="f"></section>'),
      page('/agreements/c/', '<dl class="facts"></dl><aside class="callout caution"></aside>'),
      page('/agreements/d/', '<dl class="facts"></dl><section class="family"></section>'),
    ];
    expect(representativePages(pages)).toEqual(['/agreements/b/', '/agreements/c/']);
  });
});
