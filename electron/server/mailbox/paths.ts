/**
 * The only names a path may carry (docs/sync.md "Parties and addresses"): a recipient is `hub`,
 * `regional` (the regional hub the roster names, docs/federation.md) or six digits, a bundle is 64 lower-case hex digits. Checked before any lookup, so `..`,
 * `%2e%2e`, upper-case hex or a slash smuggled into an id is a 404 and never a file name.
 */
export const SHA256_ID = /^[0-9a-f]{64}$/;
export const RECIPIENT_ID = /^(hub|regional|[0-9]{6})$/;

export function isBundleId(s: unknown): s is string {
  return typeof s === 'string' && SHA256_ID.test(s);
}

export function isRecipientId(s: unknown): s is string {
  return typeof s === 'string' && RECIPIENT_ID.test(s);
}

/** `bytes <first>-<last>/<total>` (RFC 9110 §14.4), all integers, first ≤ last < total. */
export function parseContentRange(field: string | undefined): { first: number; last: number; total: number } | null {
  const m = /^bytes ([0-9]{1,15})-([0-9]{1,15})\/([0-9]{1,15})$/.exec(field ?? '');
  if (!m) return null;
  const [first, last, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return first <= last && last < total ? { first, last, total } : null;
}

/** `bytes=<n>-`: the only range a client of ours asks for (the rest of a file). */
export function parseRangeStart(field: string | undefined): number | null | 'unsupported' {
  if (field === undefined) return null;
  const m = /^bytes=([0-9]{1,15})-$/.exec(field.trim());
  return m ? Number(m[1]) : 'unsupported';
}
