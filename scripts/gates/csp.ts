/**
 * Gate: every built page carries the site's content security policy, and nothing in the markup
 * relies on what the policy forbids: no inline script or style the policy has not hashed, no
 * `style=""` attribute, no inline event handler, no script or style from another origin.
 *
 *   node scripts/gates/csp.ts [--dist dist]
 *
 * The browser half of this gate (pages and a search load with no violation) is
 * tests/gates/csp.test.ts.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { cspDirectives, scriptSources, styleSources } from '../../src/content-security-policy.ts';
import { builtPages, defaultOutDir } from '../lib/built-site.ts';
import { parsePolicy } from './checks.ts';
import { finish } from './report.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: defaultOutDir() } } });
const started = performance.now();

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const pages = await builtPages(values.dist);
const problems: string[] = [];
for (const page of pages) {
  const report = (problem: string) => problems.push(`${page.url}: ${problem}`);
  const metas = page.document.querySelectorAll('meta[http-equiv="content-security-policy"]');
  if (metas.length !== 1) {
    report(`has ${metas.length} content security policies, not one`);
    continue;
  }
  const policy = metas[0]?.getAttribute('content') ?? '';
  const directives = parsePolicy(policy);
  // Every directive of the site's policy, word for word.
  for (const directive of cspDirectives) {
    const [name = '', ...sources] = directive.split(' ');
    if (directives.get(name)?.join(' ') !== sources.join(' ')) report(`policy lacks "${directive}"`);
  }
  const scripts = directives.get('script-src') ?? [];
  const styles = directives.get('style-src') ?? [];
  for (const [name, list] of [
    ['script-src', scripts],
    ['style-src', styles],
  ] as const) {
    if (list[0] !== "'self'") report(`${name} does not start with 'self'`);
    for (const source of list) {
      if (source === "'unsafe-inline'" || source === "'unsafe-eval'" || source === '*' || /^https?:/.test(source)) {
        report(`${name} allows ${source}`);
      }
    }
  }
  for (const source of scriptSources) if (!scripts.includes(source)) report(`script-src lacks ${source}`);
  for (const source of styleSources) if (!styles.includes(source)) report(`style-src lacks ${source}`);

  for (const script of page.document.querySelectorAll('script')) {
    const src = script.getAttribute('src');
    const type = script.getAttribute('type') ?? '';
    if (src) {
      if (/^(https?:)?\/\//.test(src)) report(`loads a script from another origin: ${src}`);
      continue;
    }
    // Data blocks (JSON-LD and the like) are not run, so the policy does not apply to them.
    if (type === 'application/ld+json' || type === 'application/json') continue;
    if (!scripts.includes(sha256(script.rawText))) report(`has an inline script the policy does not hash`);
  }
  for (const style of page.document.querySelectorAll('style')) {
    if (!styles.includes(sha256(style.rawText))) report('has an inline style element the policy does not hash');
  }
  for (const element of page.document.querySelectorAll('[style]')) {
    report(
      `has a style attribute on <${element.tagName.toLowerCase()}>: style="${element.getAttribute('style') ?? ''}"`,
    );
  }
  for (const element of page.document.querySelectorAll('*')) {
    const handler = Object.keys(element.attributes).find((name) => /^on[a-z]+$/i.test(name));
    if (handler) report(`has an inline event handler ${handler} on <${element.tagName.toLowerCase()}>`);
  }
  for (const link of page.document.querySelectorAll('link[rel="stylesheet"]')) {
    const href = link.getAttribute('href') ?? '';
    if (/^(https?:)?\/\//.test(href)) report(`loads a stylesheet from another origin: ${href}`);
  }
}

for (const problem of problems) console.log(problem);
finish('Content security policy', { checked: `${pages.length} pages`, problems: problems.length }, started);
