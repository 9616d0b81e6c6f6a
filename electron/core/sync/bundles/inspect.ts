/** `bundle.inspect`: every verification step of a file, nothing archived, nothing applied. */
import { closeSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { makePrivateDir } from '../../platform/fs/private-files';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { BundleInspection } from '../../../../shared/domain/bundles';
import { IdentityFileError, readIdentityFile, readIdentityFileBytes } from '../../format/container/identity-file';
import type { AppContext } from '../../platform/context';
import { keyIdHex, parseMinisignPublicKey } from '../../format/crypto/minisign';
import { appError } from '../../platform/errors';
import { loadInstallationKeys } from '../identity/keys';
import { readInstallation } from '../../platform/installation/installation-store';
import { inboxTempDir } from '../inbox/archive';
import { senderSnapshot } from '../peers/vouched-senders';
import type { BundleVerifier } from '../../format/worker/verifier';
import { refusalMessage } from '../../format/bundle/messages';
import type { SenderKey } from '../../format/bundle/verify';

/** The bundle to inspect: a path (the CLI) or its bytes (the window: a file chosen or dropped). */
export type InspectSource = { path: string } | { name: string; bytes: Buffer };
/** The sender's identity file (.cstid), likewise. */
export type IdentitySource = { path: string } | { bytes: Buffer };

/**
 * Bytes are written to a private temporary file for the verifier (which reads a file, streamed),
 * removed as soon as the inspection ends.
 */
export async function inspectBundle(ctx: AppContext, source: InspectSource, identity: IdentitySource | undefined, verifier: BundleVerifier): Promise<BundleInspection> {
  if ('path' in source) return inspectFile(ctx, source.path, source.path, identity, verifier);
  const dir = inboxTempDir(ctx.dataDir);
  makePrivateDir(dir);
  const path = join(dir, `inspect-${randomBytes(8).toString('hex')}.cstb`);
  writeFileSync(path, source.bytes, { mode: 0o600, flag: 'wx' });
  try {
    return await inspectFile(ctx, path, source.name, identity, verifier);
  } finally {
    rmSync(path, { force: true });
  }
}

async function inspectFile(ctx: AppContext, path: string, shownAs: string, identity: IdentitySource | undefined, verifier: BundleVerifier): Promise<BundleInspection> {
  let size: number;
  let sha256: string;
  try {
    size = statSync(path).size;
    sha256 = hashFile(path);
  } catch (err) {
    throw appError('inspect.unreadable', { path: shownAs, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
  const us = readInstallation(ctx.db);
  // The senders and relays the import would use: on a regional hub a forwarded file verifies as
  // it would be imported (addressed to a province, its sender vouched for by that province).
  const known = us ? senderSnapshot(ctx.db) : { senders: [], relays: [] };
  let senders: SenderKey[] = known.senders;
  if (identity) {
    try {
      const id = readIdentityFile('path' in identity ? readIdentityFileBytes(identity.path) : identity.bytes);
      senders = [{ kind: id.kind, id: id.id, keyId: keyIdHex(parseMinisignPublicKey(id.signing_key).keyId), signingKey: id.signing_key }];
    } catch (err) {
      if (err instanceof IdentityFileError) throw appError(err.key, {}, { params: { detail: err.detail } });
      throw 'path' in identity ? appError('inspect.identityUnreadableAt', { path: identity.path }) : appError('inspect.identityUnreadable');
    }
  }
  let ageIdentities: string[] = [];
  if (us) {
    try {
      ageIdentities = [loadInstallationKeys(ctx.dataDir).ageIdentity];
    } catch {
      ageIdentities = [];
    }
  }
  const tempDir = inboxTempDir(ctx.dataDir);
  makePrivateDir(tempDir);
  const report = await verifier.verify({ path, us: us ? { kind: us.role, id: us.id } : null, ageIdentities, senders, ...(known.relays.length ? { relays: known.relays } : {}), tempDir, extract: false });
  const m = report.manifest;
  const refusal = report.ok ? null : refusalMessage(report.code ?? 'E_FORMAT', { sender: report.sender, recipient: m?.recipient ?? null, appVersion: report.appVersion });
  return {
    file: shownAs,
    sha256,
    size,
    encrypted: report.encrypted,
    ok: report.ok,
    code: report.code,
    message: refusal
      ? refusal.message
      : `Il pacchetto supera i controlli 1–10 (firma, impronte, catena). Importandolo si applicherebbero gli eventi ${m?.events.first_seq}–${m?.events.last_seq}.`,
    ...(refusal ? { key: refusal.key, params: refusal.params } : {}),
    steps: report.steps,
    manifest: m
      ? {
          bundleId: m.bundle_id,
          createdAt: m.created_at,
          sender: m.sender,
          recipient: m.recipient,
          keyId: m.key_id,
          events: { count: m.events.count, firstSeq: m.events.first_seq, lastSeq: m.events.last_seq, bytes: m.events.bytes },
          files: m.files.length,
          ack: m.ack,
          app: m.app,
        }
      : null,
    kinds: report.kinds,
  };
}

/** SHA-256 of a file of any size, streamed (the archive's name for it). */
function hashFile(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) h.update(buf.subarray(0, n));
    return h.digest('hex');
  } finally {
    closeSync(fd);
  }
}
