/**
 * Real identity files (.cstid) of municipalities, made by the app's own code (fresh Ed25519 and
 * X25519 keys, the signed ZIP of docs/bundle-format.md), as many as a test or a bench needs,
 * without setting up an installation for each.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIdentityFile } from '../../electron/core/format/container/identity-file';
import { generateAgeIdentity } from '../../electron/core/format/crypto/age';
import { fingerprint } from '../../electron/core/format/crypto/fingerprint';
import { generateSigningKeyPair, minisignPublicKeyString } from '../../electron/core/format/crypto/minisign';

export interface MemberIdentity {
  istat: string;
  name: string;
  /** As `identity export` names it. */
  fileName: string;
  bytes: Buffer;
  fingerprint: string;
}

export function memberIdentity(m: { istat: string; name: string }, createdAt = '2026-11-26T08:00:00.000Z'): MemberIdentity {
  const signing = generateSigningKeyPair();
  const age = generateAgeIdentity();
  const signingKey = minisignPublicKeyString(signing.publicKey, signing.keyId);
  const bytes = buildIdentityFile(
    { format: 'cst-identity', version: 1, kind: 'municipality', id: m.istat, name: m.name, signing_key: signingKey, age_recipient: age.recipient, created_at: createdAt },
    signing,
  );
  return { istat: m.istat, name: m.name, fileName: `identita-${m.istat}.cstid`, bytes, fingerprint: fingerprint(signingKey, age.recipient) };
}

/** The files written into `dir` (created), each under its own name or the one given. */
export function writeIdentities(dir: string, files: readonly { fileName: string; bytes: Buffer }[]): string {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.fileName), f.bytes);
  return dir;
}

/**
 * A ZIP of the folder `name` inside `parent`, made by Info-ZIP as an operator makes one
 * (`zip -r`): with the folder's own entry, and, written to a pipe, data descriptors.
 */
export function zipFolder(parent: string, name: string): Buffer {
  const r = spawnSync('zip', ['-q', '-r', '-', name], { cwd: parent, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`zip failed: ${r.stderr.toString()}`);
  return r.stdout;
}

/** The list of fingerprints as the office receives it from Excel on Italian Windows: BOM, `;`, CRLF, a header. */
export function confirmationCsv(rows: readonly (readonly string[])[], header = ['Codice ISTAT', 'Impronta']): Buffer {
  const text = [header, ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
