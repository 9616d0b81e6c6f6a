/**
 * The limits of docs/bundle-format.md "Reading a bundle". A reader MAY lower them, never raise
 * them without a setting; tests lower them to provoke E_LIMIT with small files.
 */
export interface BundleLimits {
  fileBytes: number;
  totalInflatedBytes: number;
  lineBytes: number;
  events: number;
  attachments: number;
  attachmentBytes: number;
}

const MiB = 1024 * 1024;

export const FORMAT_LIMITS: BundleLimits = {
  fileBytes: 256 * MiB,
  totalInflatedBytes: 1024 * MiB,
  lineBytes: 1_048_576,
  events: 5_000_000,
  attachments: 1000,
  attachmentBytes: 50 * MiB,
};

/** Our own bounds on the small entries (the format names none; far above any real one). */
export const MANIFEST_MAX_BYTES = 4 * MiB;
export const SIGNATURE_MAX_BYTES = 64 * 1024;

export const MANIFEST_ENTRY = 'manifest.json';
export const EVENTS_ENTRY = 'events.ndjson';
export const SIGNATURE_ENTRY = 'manifest.json.minisig';
export const ATTACHMENT_NAME = /^files\/[0-9a-f]{64}$/;

export function isBundleEntryName(name: string): boolean {
  return name === MANIFEST_ENTRY || name === EVENTS_ENTRY || name === SIGNATURE_ENTRY || ATTACHMENT_NAME.test(name);
}

export function bundleTrustedComment(senderId: string, recipientId: string, firstSeq: number, lastSeq: number): string {
  return `cst-bundle v1 sender=${senderId} recipient=${recipientId} first=${firstSeq} last=${lastSeq}`;
}
