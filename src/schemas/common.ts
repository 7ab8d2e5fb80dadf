import { z } from 'zod';
import { allPartyCodes, isPartyCode } from '../countries.ts';

/** Lower-case words joined by hyphens: the form of every entry id and file name. */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A reference to another entry by its id (its file name without extension). */
export const idSchema = z
  .string()
  .regex(idPattern, 'must be lower-case letters, digits and single hyphens (for example "digital-agency")');

/** An ISO 3166-1 alpha-2 country code, or an organisation's code (`EU`, `ASEAN`, ...). */
export const countryCodeSchema = z
  .string()
  .refine(isPartyCode, {
    error: (issue) =>
      `"${String(issue.input)}" is neither an ISO 3166-1 alpha-2 country code nor a known organisation code (use upper case, for example "JP" or "GB"; "EU", "ASEAN", "OECD" for organisations)`,
  })
  .meta({
    description:
      'ISO 3166-1 alpha-2 country code; or the code of an international organisation or group that is a party, such as "EU", "ASEAN" or "OECD".',
    guidance: 'In upper case, for example "JP".',
    examples: ['JP', 'GB', 'SG', 'BE', 'EU', 'ASEAN'],
  });

/** Every accepted country code, for editor completion. */
export const countryCodes = allPartyCodes();

/**
 * Why a web address cannot be cited or linked, or undefined when it is a well-formed https
 * address with a domain name. The one rule for every address an entry gives (its sources, an
 * agency's website): the content check and the build apply it through `urlSchema`, and the links
 * gate applies it to every external link of the built pages, so an `http:` source is reported by
 * the earliest tool, with its file, line and field, never first by the gate on a built page.
 */
export function webAddressProblem(href: string): string | undefined {
  if (/\s/.test(href)) return 'contains white space';
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'is not a well-formed URL';
  }
  if (url.protocol !== 'https:') return `uses ${url.protocol} rather than https:`;
  if (!url.hostname.includes('.')) return 'has no domain name';
  return undefined;
}

/** True for an address `webAddressProblem` accepts. */
export const isHttpsUrl = (url: string): boolean => webAddressProblem(url) === undefined;

/** An absolute https web address, as `webAddressProblem` accepts it. */
export const urlSchema = z
  .url({ error: 'must be a full https:// address' })
  .refine(isHttpsUrl, {
    // Only for a well-formed URL, so a malformed one gets one message, not two.
    when: (payload) => payload.issues.length === 0,
    error: (issue) => {
      const problem = typeof issue.input === 'string' ? webAddressProblem(issue.input) : undefined;
      return problem?.startsWith('uses http:')
        ? 'must be an https:// address: http:// is refused, since it can be altered on the way; most publishers serve the same page over https://, or cite an archived copy at https://web.archive.org/'
        : `must be a full https:// address: it ${problem ?? 'is not one'}`;
    },
  })
  .describe('A full web address starting with https://.');

/** The ids of the entry's sources that state a fact: a list, even for one source. */
export const sourceIdsSchema = z
  .array(z.string().regex(idPattern, 'must be the id of one of the entry\'s sources, such as "moc-text"'), {
    error: 'must be a list of source ids, such as [moc-text]',
  })
  .min(1, 'name at least one source, such as [moc-text]')
  .meta({
    description: 'Ids of the sources (see `sources[].id`) that state this fact.',
    guidance: 'For example [moc-text].',
  });

/** The form of a BCP 47 language tag such as `en`, `ja` or `pt-BR`. */
export const languagePattern = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A BCP 47 language tag such as `en` or `ja`. */
export const languageSchema = z
  .string()
  .regex(languagePattern, 'must be a BCP 47 language tag such as "en" or "ja"')
  .meta({ description: 'The document’s language as a BCP 47 tag.', guidance: 'For example "en" or "ja".' });

/** Prose in one line or a short paragraph; never empty. */
export const textSchema = z.string().trim().min(1, 'must not be empty');
