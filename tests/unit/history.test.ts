import { describe, expect, it } from 'vitest';
import { parseGitLog } from '../../src/catalogue/history.ts';

describe('reading when entries last changed', () => {
  it('takes the newest commit of each file from git log output', () => {
    const output = [
      '\x1e2026-11-20',
      '',
      'content/agreements/a-2022.mdx',
      'content/agreements/b-2023.mdx',
      '\x1e2026-10-01',
      '',
      'content/agreements/a-2022.mdx',
      'content/agreements/c-2021.mdx',
      '',
    ].join('\n');
    expect(parseGitLog(output)).toEqual(
      new Map([
        ['content/agreements/a-2022.mdx', '2026-11-20'],
        ['content/agreements/b-2023.mdx', '2026-11-20'],
        ['content/agreements/c-2021.mdx', '2026-10-01'],
      ]),
    );
  });

  it('gives nothing for empty output, as from an archive without history', () => {
    expect(parseGitLog('').size).toBe(0);
  });
});
