/** The addresses a contributed entry may link to or show an image from. */

/** What a link may point to, as messages say it. */
export const allowedLinks = 'https: or mailto: URLs, paths on this site starting with /, #fragments or relative paths';

/** What an image may come from, as messages say it. */
export const allowedImages =
  'https: URLs, or paths on this site starting with / (image files go in public/), with no ?query';

/**
 * What a link or URL looks like once a browser has read it: it drops tabs and line breaks
 * anywhere and spaces and control characters at both ends ("java\tscript:").
 */
function normalisedUrl(url: string): string {
  // eslint-disable-next-line no-control-regex -- browsers strip exactly these C0 characters and spaces
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** True for a path or URL that a browser could read as another host or a scheme in disguise. */
function isAmbiguous(url: string): boolean {
  // `/\host` and `\\host` are protocol-relative in browsers, which read `\` as `/`; control
  // characters and percent-encoded ones have no place in an address written by hand.
  return (
    url.includes('\\') ||
    // eslint-disable-next-line no-control-regex -- the point is to find control characters
    /[\u0000-\u001f\u007f]/.test(url) ||
    url.startsWith('//') ||
    /%(?:0[0-9a-f]|1[0-9a-f]|5c)/i.test(url)
  );
}

function isHttpsUrl(url: string): boolean {
  if (!/^https:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

/**
 * True for what an entry may link to: `https:` and `mailto:` URLs, paths on this site
 * (`/agreements/...`), `#fragments`, and relative paths (`../other-entry/`), which the build
 * never imports and which keep working when the site is built for a sub-folder. `http:`,
 * `javascript:`, `data:` and every other scheme, and protocol-relative `//host` or `/\host`,
 * are refused.
 */
export function isAllowedLink(url: string): boolean {
  const normalised = normalisedUrl(url);
  if (normalised === '' || isAmbiguous(normalised)) return false;
  if (/^mailto:[^/]/i.test(normalised)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(normalised)?.[1];
  if (scheme !== undefined) return scheme.toLowerCase() === 'https' && isHttpsUrl(normalised);
  // Without a scheme, a colon before the first slash would read as one in some browsers.
  return !/^[^/?#]*:/.test(normalised);
}

/**
 * True for what an entry may show as an image: an `https:` URL, or a file of `public/` by its
 * path on the site (`/images/signing.jpg`). A relative path is refused: Astro turns a relative
 * image into a JavaScript import, so `./x.mjs` would run and `?raw` would read any file. A site
 * path takes no `?query` for the same reason.
 */
export function isAllowedImage(url: string): boolean {
  const normalised = normalisedUrl(url);
  if (normalised === '' || isAmbiguous(normalised)) return false;
  if (isHttpsUrl(normalised)) return true;
  return /^\/[^/?#]/.test(normalised) && !/[?#]/.test(normalised);
}
