import { z } from 'zod';
import { allPartyCodes, isPartyCode } from '../countries.ts';

/** Lower-case words joined by hyphens: the form of every entry id and file name. */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A reference to another entry by its id (its file name without extension). */
export const idSchema = z
  .string()
  .regex(idPattern, 'must be lower-case letters, digits and single hyphens (for example "digital-agency")');

/** An ISO 3166-1 alpha-2 country code, or `EU` for the European Union. */
export const countryCodeSchema = z
  .string()
  .refine(isPartyCode, {
    error: (issue) =>
      `"${String(issue.input)}" is not an ISO 3166-1 alpha-2 country code (use upper case, for example "JP" or "GB"; "EU" for the European Union)`,
  })
  .describe('ISO 3166-1 alpha-2 country code in upper case, for example "JP"; "EU" for the European Union.')
  .meta({ examples: ['JP', 'GB', 'SG', 'BE', 'EU'] });

/** Every accepted country code, for editor completion. */
export const countryCodes = allPartyCodes();

/** An absolute web address; only http and https are accepted for citations. */
export const urlSchema = z
  .url({ protocol: /^https?$/, error: 'must be a full http:// or https:// address' })
  .describe('A full web address starting with https:// (or http://).');

/** The form of a BCP 47 language tag such as `en`, `ja` or `pt-BR`. */
export const languagePattern = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A BCP 47 language tag such as `en` or `ja`. */
export const languageSchema = z
  .string()
  .regex(languagePattern, 'must be a BCP 47 language tag such as "en" or "ja"')
  .describe('The language of the source as a BCP 47 tag, for example "en" or "ja".');

/** Prose in one line or a short paragraph; never empty. */
export const textSchema = z.string().trim().min(1, 'must not be empty');
