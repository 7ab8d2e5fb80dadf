/** Pure checks the gates share, kept apart from the scripts so they can be unit-tested. */

/** Why an external address is not acceptable, or undefined when it is a well-formed https URL. */
export function externalProblem(href: string): string | undefined {
  if (/\s/.test(href)) return 'contains white space';
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'is not a well-formed URL';
  }
  if (url.protocol === 'mailto:') return undefined;
  if (url.protocol !== 'https:') return `uses ${url.protocol} rather than https:`;
  if (!url.hostname.includes('.')) return 'has no domain name';
  return undefined;
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
