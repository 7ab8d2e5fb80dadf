/**
 * Keys that contributors put at the top of an agreement although they belong inside each party.
 * The closest field name would mislead here ("signed_by" is closest to "signed").
 */
const partyFields: ReadonlyMap<string, string> = new Map([
  ['signedby', 'parties[].signatories'],
  ['signatory', 'parties[].signatories'],
  ['signatories', 'parties[].signatories'],
  ['signer', 'parties[].signatories'],
  ['signers', 'parties[].signatories'],
  ['agency', 'parties[].agencies'],
  ['agencies', 'parties[].agencies'],
  ['country', 'parties[].country'],
  ['countries', 'parties[].country'],
]);

/** Where a key found at the top of an agreement belongs, when it is one that belongs to each party. */
export function partyFieldFor(key: string): string | undefined {
  return partyFields.get(key.toLowerCase().replace(/[^a-z]/g, ''));
}
