import { describe, expect, it } from 'vitest';
import { externalProblem, parsePolicy } from '../../scripts/gates/checks.ts';

describe('external address form', () => {
  it('accepts a well-formed https address', () => {
    expect(externalProblem('https://www.digital.go.jp/en/news/2022-12-05')).toBeUndefined();
  });

  it('refuses plain http, white space and addresses that do not parse', () => {
    expect(externalProblem('http://example.org/')).toMatch(/http:/);
    expect(externalProblem('https://example.org/a b')).toMatch(/white space/);
    expect(externalProblem('https://')).toMatch(/well-formed/);
  });

  it('refuses a host without a domain name', () => {
    expect(externalProblem('https://intranet/page')).toMatch(/domain/);
  });
});

describe('content security policy parsing', () => {
  it('reads each directive with its sources', () => {
    const policy = parsePolicy("default-src 'self';img-src 'self' data: https:; script-src 'self' 'sha256-x';");
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'https:']);
    expect(policy.get('script-src')).toEqual(["'self'", "'sha256-x'"]);
    expect(policy.size).toBe(3);
  });
});
