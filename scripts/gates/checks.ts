/** Pure checks the gates share, kept apart from the scripts so they can be unit-tested. */

import { webAddressProblem } from '../../src/schemas/common.ts';

/**
 * Why an external address is not acceptable, or undefined when it is: a `mailto:` link, or an
 * address the content's own rule accepts (`webAddressProblem`), so the gate and the content check
 * cannot disagree.
 */
export function externalProblem(href: string): string | undefined {
  if (/^mailto:/i.test(href) && !/\s/.test(href)) return undefined;
  return webAddressProblem(href);
}

/** Splits a policy into directive name → source list. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}
