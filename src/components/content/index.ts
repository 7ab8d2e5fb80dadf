import Callout from './Callout.astro';
import Cite from './Cite.astro';
import Figure from './Figure.astro';
import Quote from './Quote.astro';

/**
 * The components an entry's MDX body may use, passed to `<Content components>`. Their names and
 * attributes must match `allowedComponents` in src/markdown/safe-mdx.ts, which a unit test checks.
 */
export const contentComponents = { Quote, Callout, Figure, Cite } as const;
