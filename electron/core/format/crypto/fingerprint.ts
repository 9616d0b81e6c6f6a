import { createHash } from 'node:crypto';

/**
 * The fingerprint read over the phone to confirm an identity (docs/bundle-format.md "Keys"):
 * SHA-256 of `signing_key` ‖ 0x0A ‖ `age_recipient` (the exact strings of identity.json),
 * bytes 0–29 cut into six 5-byte big-endian integers, each mod 100000 as 5 digits.
 * Both sides must compute it from the same strings, so no normalisation happens here.
 */
export function fingerprint(signingKey: string, ageRecipient: string): string {
  const digest = createHash('sha256').update(`${signingKey}\n${ageRecipient}`, 'utf8').digest();
  const groups: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    // 40-bit chunk: readUIntBE handles up to 6 bytes exactly within double precision.
    const chunk = digest.readUIntBE(i * 5, 5);
    groups.push(String(chunk % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}
