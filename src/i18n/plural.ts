/**
 * Plural forms keyed by `Intl.PluralRules` categories; `other` is required. English needs `one`
 * and `other`; Japanese has one form (`{count}件`), so only `other`.
 */
export type PluralForms = { readonly other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** Marks a dictionary value as plural forms, so each locale may give the categories it has. */
export const plural = (forms: PluralForms): PluralForms => forms;
