import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { onePerType } from '../../scripts/lib/page-types.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { builtPages, defaultOutDir } from '../../scripts/lib/built-site.ts';

// The gates check the real built site (`npm run build`, or ACCORD_OUT_DIR).
const distDir = defaultOutDir();
let browser: Browser;
let server: StaticServer;
let page: Page;
let samples: Map<string, string>;

beforeAll(async () => {
  samples = onePerType((await builtPages(distDir)).map((built) => built.url));
  server = await serveStatic(distDir);
  browser = await launchChromium();
});

beforeEach(async () => {
  await page?.close();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the focused element is, where it sits, and how its focus shows. */
interface Focused {
  readonly description: string;
  /** Inside an SVG map or network, where positions follow geography, not reading order. */
  readonly inGraphic: boolean;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly outline: string;
  readonly boxShadow: string;
}

function focused(): Promise<Focused | undefined> {
  return page.evaluate(() => {
    const element = document.activeElement;
    // Links inside the SVG map and networks are SVG elements, not HTML ones.
    if (!(element instanceof HTMLElement || element instanceof SVGElement) || element === document.body)
      return undefined;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      description:
        `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${element.getAttribute('href') ?? element.getAttribute('name') ?? ''}`.trim(),
      inGraphic: element.closest('svg') !== null,
      top: box.top + window.scrollY,
      bottom: box.bottom + window.scrollY,
      left: box.left + window.scrollX,
      outline: style.outlineStyle === 'none' ? '' : `${style.outlineWidth} ${style.outlineStyle}`,
      boxShadow: style.boxShadow === 'none' ? '' : style.boxShadow,
    };
  });
}

/** The focusable elements of the page in document order, as Tab should visit them. */
function focusableInDocumentOrder(): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement | SVGElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]',
      ),
    ]
      .filter(
        (element) =>
          element.tabIndex >= 0 &&
          !(element instanceof HTMLElement && element.hidden) &&
          element.getClientRects().length > 0,
      )
      .filter(
        (element) =>
          !(element instanceof HTMLButtonElement || element instanceof HTMLInputElement) || !element.disabled,
      )
      .map((element) =>
        `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${element.getAttribute('href') ?? element.getAttribute('name') ?? ''}`.trim(),
      ),
  );
}

/** Presses Tab `count` times and returns what each press focused. */
async function tabThrough(count: number): Promise<Focused[]> {
  const visited: Focused[] = [];
  for (let press = 0; press < count; press += 1) {
    await page.keyboard.press('Tab');
    const now = await focused();
    if (now) visited.push(now);
  }
  return visited;
}

describe('keyboard use', () => {
  it('reaches the skip link first, and the skip link moves focus to the main content', async () => {
    await page.goto(`${server.url}/about/`);
    await page.keyboard.press('Tab');
    expect((await focused())?.description).toBe('a #main');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('shows a visible focus indicator on links, inputs and buttons', async () => {
    await page.goto(`${server.url}/about/`);
    const visited = await tabThrough(12);
    expect(visited.length).toBe(12);
    for (const element of visited) {
      expect(element.outline || element.boxShadow, `${element.description} shows no focus`).not.toBe('');
    }
    expect(visited.map((element) => element.description.split(' ')[0])).toEqual(
      expect.arrayContaining(['a', 'input#site-search', 'button']),
    );
  });

  it.each(['home', 'agreements', 'agreements/*', 'countries/*', 'search'])(
    'moves through the %s page in document and reading order',
    async (type) => {
      await page.goto(`${server.url}${samples.get(type) ?? '/missing/'}`, { waitUntil: 'networkidle' });
      if (type === 'search') await page.locator('#search-facets input').first().waitFor();
      const expected = await focusableInDocumentOrder();
      const visited = await tabThrough(Math.min(25, expected.length));
      expect(visited.map((element) => element.description)).toEqual(expected.slice(0, visited.length));
      // Reading order: each stop is below the previous one or on its right, never up and back.
      // The skip link is left out: it sits over the header while focused.
      for (const [index, element] of visited.entries()) {
        const previous = visited[index - 1];
        if (index < 2 || !previous || element.inGraphic || previous.inGraphic) continue;
        const below = element.top >= previous.bottom - 2;
        const right = element.left > previous.left && element.top < previous.bottom;
        expect(below || right, `${element.description} comes after ${previous.description}`).toBe(true);
      }
    },
  );

  it('runs a search with the keyboard alone: type, Enter, Tab to a filter, Space', async () => {
    await page.goto(`${server.url}/about/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('digital');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=digital/);
    const status = page.locator('#search-status').filter({ hasText: /result/ });
    await status.waitFor();
    await page.locator('#search-facets input').first().waitFor();
    const before = await page.locator('#search-status').innerText();

    let reached = '';
    for (let press = 0; press < 60 && !reached.startsWith('input '); press += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const element = document.activeElement;
        return element instanceof HTMLInputElement && element.type === 'checkbox'
          ? `input ${element.name}=${element.value}`
          : '';
      });
    }
    expect(reached).toMatch(/^input /);
    const [name = '', value = ''] = reached.slice('input '.length).split('=');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await page.waitForURL((url) => url.searchParams.getAll(name).includes(value));
    await expect.poll(() => page.locator('#search-status').innerText()).not.toBe(before);
  });

  it('leaves the / key alone while the reader types in a field', async () => {
    await page.goto(`${server.url}/search/`);
    await page.locator('#search-input').focus();
    await page.keyboard.type('a/b');
    expect(await page.locator('#search-input').inputValue()).toBe('a/b');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  });
});
