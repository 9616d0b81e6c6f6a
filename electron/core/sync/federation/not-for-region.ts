/**
 * Which received member files the regional hub can open (docs/federation.md, "Through the
 * mailbox"). A member that has applied the `regional_hub` record encrypts every bundle to its hub
 * and to the regional hub: two X25519 stanzas in the age header (one line `-> X25519 …` per
 * recipient before `---`). A file sent before that, encrypted to our hub alone, has one: the
 * regional hub would refuse it (E_DECRYPT), so it is not forwarded, by folder or mailbox, and it
 * is recorded once (`federation_forwarded.not_for_region`) so no round looks at it again.
 *
 * Only the header is read (a few hundred bytes); a file that is not age (a plain ZIP: readable by
 * anyone) or whose header does not parse is left to the regional hub's import to judge.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { parseAgeHeader } from '../../format/crypto/age-header';

/** Enough for the header of a file encrypted to a few dozen recipients (~200 bytes each). */
const HEADER_READ_BYTES = 16 * 1024;

/** True when the file is age-encrypted to exactly one X25519 recipient (our hub alone). */
export function encryptedToOneRecipient(path: string): boolean {
  const buf = Buffer.alloc(HEADER_READ_BYTES);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  try {
    const header = parseAgeHeader(buf.subarray(0, n));
    return header !== null && header.stanzas.filter((s) => s.type === 'X25519').length === 1;
  } catch {
    return false; // not age, or a damaged header: the regional hub's import says what it is
  }
}

/** Records member files the regional hub cannot open: never forwarded, never looked at again. */
export function recordNotForRegion(db: Database.Database, files: readonly string[], at: string): void {
  if (files.length === 0) return;
  const mark = db.prepare('INSERT INTO federation_forwarded (file_sha256, forwarded_at, not_for_region) VALUES (?, ?, 1) ON CONFLICT (file_sha256) DO UPDATE SET not_for_region = 1');
  db.transaction(() => {
    for (const sha of files) mark.run(sha, at);
  })();
}

/** How many member files were recorded as not for the region. */
export function countNotForRegion(db: Database.Database): number {
  return db.prepare('SELECT COUNT(*) FROM federation_forwarded WHERE not_for_region = 1').pluck().get() as number;
}
