import { createHash } from 'node:crypto';
import { checkerVersion } from './check-cache.ts';

/**
 * A digest of everything a stored body depends on besides its file: the checker and renderer
 * (`checkerVersion` covers src/checker/, src/markdown/ and the packages). Astro empties its store
 * when its configuration changes, but not when this code does: the loader keys each entry by its
 * file and this version together.
 */
export async function rendererVersion(): Promise<string> {
  return createHash('sha256')
    .update('rendered bodies\0')
    .update(await checkerVersion())
    .digest('base64url');
}
