/**
 * Writing bundles from our outbox (docs/bundle-format.md "Bundle"), to a file on a possibly slow
 * and removable medium: the ZIP is built in the data directory, checked with our own reader,
 * then encrypted (or copied) to a temporary file beside the target, flushed, renamed, and read
 * back and compared before success is reported.
 *
 * Memory stays bounded whatever the range: events are paged out of SQLite (never one string,
 * never an iterator held open across an await, which would block the connection).
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../platform/fs/private-files';
import { basename, dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { BundleExportResult } from '../../../../shared/domain/bundles';
import { createZipFileWriter } from '../../format/container/zip-file-writer';
import type { AppContext } from '../../platform/context';
import { createAgeEncryptStream } from '../../format/crypto/age';
import { signMinisign } from '../../format/crypto/minisign';
import { appError, AppError } from '../../platform/errors';
import { loadInstallationKeys } from '../identity/keys';
import { requireInstallation, type InstallationRecord } from '../../platform/installation/installation-store';
import { GENESIS_HASH } from '../../format/bundle/chain';
import { outboxHead } from '../outbox/outbox';
import type { PeerRecord } from '../peers/peers-store';
import { bundleTrustedComment, EVENTS_ENTRY, MANIFEST_ENTRY, SIGNATURE_ENTRY } from '../../format/bundle/limits';
import { manifestBytes, type Manifest, type ManifestFile } from '../../format/bundle/manifest';
import { verifyBundle } from '../../format/bundle/verify';
import { rangeBundleName, townBundleNames } from './bundle-file-names';
import { exchangePeers, federatedHubIds } from '../peers/vouched-senders';
import { extraRecipients } from '../peers/extra-recipients';

export interface ExportRequest {
  /** Exact target file (one recipient). */
  out?: string;
  /** Target folder: one file per recipient, named by us. */
  dir?: string;
  /** The recipient's id (hub: a member; municipality: its hub, optional). */
  for?: string;
  /** Hub: one bundle per confirmed member into `dir`. */
  allMembers?: boolean;
  /** Every event from seq 1, not only what the recipient has not acknowledged. */
  all?: boolean;
  /** Not encrypted (tests and audits). */
  plain?: boolean;
  /**
   * More attachments (`files/<sha256>`), read from these paths: the recovery copy of a member's
   * own stream and its proposals' files (recovery/recovery-export.ts). Internal, not in the API.
   */
  extraFiles?: ExtraFile[];
  /** The ack to send instead of the peer's applied position read here (the recovery copy's snapshot). */
  ack?: { seq: number; hash: string };
}

export interface ExtraFile extends ManifestFile {
  path: string;
}

const PAGE = 5000;
const ATTACHMENT_KINDS = ['proposal', 'tc_meeting'];

export async function exportBundles(ctx: AppContext, req: ExportRequest): Promise<BundleExportResult[]> {
  const us = requireInstallation(ctx.db);
  if (!!req.out === !!req.dir) throw appError('export.outOrDir', {}, { field: 'out' });
  const recipients = chooseRecipients(ctx, us, req);
  if (req.out && recipients.length !== 1) throw appError('export.manyNeedDir', {}, { field: 'out' });
  const results: BundleExportResult[] = [];
  const names = townBundleNames(us, recipients, ctx.clock.now());
  for (const [i, peer] of recipients.entries()) {
    results.push(await exportOne(ctx, us, peer, req, names.get(peer.id)));
    ctx.emit('task.progress', { taskId: 'bundle.export', label: `${peer.name} (${peer.id})`, done: i + 1, total: recipients.length });
  }
  return results;
}

function chooseRecipients(ctx: AppContext, us: InstallationRecord, req: ExportRequest): PeerRecord[] {
  const other = us.role === 'hub' ? 'municipality' : 'hub';
  const usable = (p: PeerRecord) => p.status === 'confirmed' || req.plain === true;
  if (req.allMembers) {
    if (us.role !== 'hub') throw appError('export.allMembersHubOnly', {}, { field: 'allMembers' });
    if (!req.dir) throw appError('export.allMembersNeedDir', {}, { field: 'dir' });
    const members = exchangePeers(ctx.db).filter((p) => p.kind === 'municipality' && p.status === 'confirmed');
    if (members.length === 0) throw appError('export.noConfirmedMember');
    return members;
  }
  let peer: PeerRecord | null;
  if (req.for) {
    const id = req.for.trim();
    // A hub also exchanges its own stream with its federation hubs (docs/federation.md, "Flows").
    const federated = us.role === 'hub' ? federatedHubIds(ctx.db) : new Set<string>();
    peer = exchangePeers(ctx.db).find((p) => p.id === id && (p.kind === other || (p.kind === 'hub' && federated.has(p.id)))) ?? null;
    if (!peer) throw appError('export.noIdentityFor', { id: req.for }, { field: 'for' });
  } else {
    if (us.role === 'hub') throw appError('export.hubNeedsRecipient', {}, { field: 'for' });
    const hubs = exchangePeers(ctx.db).filter((p) => p.kind === 'hub');
    peer = hubs.find((p) => p.status === 'confirmed') ?? hubs[0] ?? null;
    if (!peer) throw appError('export.noHubIdentity');
  }
  if (!usable(peer)) {
    throw appError('export.notConfirmed', { name: peer.name, id: peer.id }, { field: 'for' });
  }
  return [peer];
}

async function* outboxLines(db: Database.Database, from: number, to: number): AsyncIterable<Buffer> {
  const page = db.prepare('SELECT line FROM outbox WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?').pluck();
  const nl = Buffer.from('\n');
  for (let seq = from; seq <= to; seq += PAGE) {
    const lines = page.all(seq, to, PAGE) as Buffer[];
    const parts: Buffer[] = [];
    for (const l of lines) parts.push(l, nl);
    yield Buffer.concat(parts);
  }
}

function outboxHashAt(db: Database.Database, seq: number): Buffer {
  if (seq === 0) return GENESIS_HASH;
  return db.prepare('SELECT hash FROM outbox WHERE seq = ?').pluck().get(seq) as Buffer;
}

function attachmentsOf(db: Database.Database, from: number, to: number): ManifestFile[] {
  const marks = ATTACHMENT_KINDS.map(() => '?').join(', ');
  const rows = db
    .prepare(`SELECT line FROM outbox WHERE seq >= ? AND seq <= ? AND op = 'put' AND kind IN (${marks}) ORDER BY seq`)
    .pluck()
    .all(from, to, ...ATTACHMENT_KINDS) as Buffer[];
  const files = new Map<string, ManifestFile>();
  for (const line of rows) {
    const data = (JSON.parse(line.toString('utf8')) as { data?: { attachments?: ManifestFile[] } }).data;
    for (const a of data?.attachments ?? []) {
      if (!files.has(a.sha256)) files.set(a.sha256, { sha256: a.sha256, bytes: a.bytes, name: a.name, type: a.type });
    }
  }
  return [...files.values()];
}

async function exportOne(ctx: AppContext, us: InstallationRecord, peer: PeerRecord, req: ExportRequest, townName: string | undefined): Promise<BundleExportResult> {
  const keys = loadInstallationKeys(ctx.dataDir);
  const head = outboxHead(ctx.db);
  // Federation: the regional hub above our hub, or the members below a province, get the very
  // file too, from where each of them stands (a plain bundle is for a test or a person: no one).
  const extra = req.plain ? null : extraRecipients(ctx.db, us.role, peer);
  const from = req.all ? 1 : Math.min((peer.ackedSeq ?? 0) + 1, head.seq + 1, extra?.from ?? Infinity);
  const last = head.seq;
  const count = last - from + 1;
  const prevHash = outboxHashAt(ctx.db, from - 1);
  const lastHash = count > 0 ? head.hash : prevHash;

  const files = attachmentsOf(ctx.db, from, last);
  const paths = new Map(files.map((f) => [f.sha256, join(ctx.dataDir, 'attachments', f.sha256)]));
  for (const f of files) {
    if (!existsSync(paths.get(f.sha256) as string)) throw appError('export.attachmentMissing', { name: f.name, sha256: f.sha256 });
  }
  for (const f of req.extraFiles ?? []) {
    if (paths.has(f.sha256)) continue;
    files.push({ sha256: f.sha256, bytes: f.bytes, name: f.name, type: f.type });
    paths.set(f.sha256, f.path);
  }
  // The plaintext ZIP, in the data directory.
  const work = join(ctx.dataDir, 'outbox-tmp');
  makePrivateDir(work);
  const bundleId = ctx.ids.uuid();
  const zipPath = join(work, `${bundleId}.zip`);
  const target = req.out ? resolve(req.out) : join(resolve(req.dir as string), townName ?? rangeBundleName(us, peer, from, last));
  const encrypted = !req.plain;
  try {
    const zip = await createZipFileWriter(zipPath);
    let manifest: Manifest;
    try {
      // events.ndjson first, hashed as it streams out of the outbox (one pass), then the
      // manifest that names its digest: readers go by the central directory, not entry order.
      const digest = createHash('sha256');
      let bytes = 0;
      async function* hashed(): AsyncIterable<Buffer> {
        for await (const chunk of outboxLines(ctx.db, from, last)) {
          digest.update(chunk);
          bytes += chunk.length;
          yield chunk;
        }
      }
      await zip.addEntry(EVENTS_ENTRY, hashed());
      manifest = {
        format: 'cst-bundle',
        version: 1,
        schema: 1,
        bundle_id: bundleId,
        created_at: ctx.clock.now(),
        sender: { kind: us.role, id: us.id },
        recipient: { kind: peer.kind, id: peer.id },
        key_id: keys.keyId,
        events: {
          sha256: digest.digest('hex'),
          bytes,
          count,
          first_seq: from,
          last_seq: last,
          prev_hash: prevHash.toString('hex'),
          last_hash: lastHash.toString('hex'),
        },
        files,
        ack: req.ack ?? (peer.appliedSeq === 0 && peer.lastReceivedAt === null ? null : { seq: peer.appliedSeq, hash: peer.appliedHash.toString('hex') }),
        app: { name: 'cst-desk', version: ctx.appVersion },
      };
      const mBytes = manifestBytes(manifest);
      const signature = signMinisign(mBytes, keys.signing, bundleTrustedComment(us.id, peer.id, from, last));
      await zip.addEntry(MANIFEST_ENTRY, mBytes);
      await zip.addEntry(SIGNATURE_ENTRY, Buffer.from(signature, 'utf8'));
      for (const f of files) await zip.addEntry(`files/${f.sha256}`, createReadStream(paths.get(f.sha256) as string));
      await zip.finish();
    } catch (err) {
      await zip.abort();
      throw err;
    }
    // Check what we wrote with our own reader before it leaves (a bug here must never travel):
    // container, manifest, signature and digests; the lines are the outbox's own bytes.
    const check = await verifyBundle({
      path: zipPath,
      us: { kind: peer.kind, id: peer.id },
      ageIdentities: [],
      senders: [{ kind: us.role, id: us.id, keyId: keys.keyId, signingKey: keys.signingKey }],
      tempDir: work,
      skipLines: true,
    });
    if (!check.ok) throw new Error(`exported bundle fails our own reader: ${check.code} ${check.detail}`);
    const written = await writeToTarget(zipPath, target, encrypted ? [peer.ageRecipient, ...(extra?.ageRecipients ?? [])] : null);
    extra?.covered(last);
    ctx.db
      .prepare(
        `INSERT INTO bundle_exports (bundle_id, created_at, recipient_kind, recipient_id, first_seq, last_seq, events, bytes, file_name, path, encrypted, file_sha256, acknowledged, last_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(manifest.bundle_id, manifest.created_at, peer.kind, peer.id, from, last, count, written.size, basename(target), target, encrypted ? 1 : 0, written.sha256, peer.ackedSeq !== null && peer.ackedSeq >= last ? 1 : 0, last > 0 ? lastHash : null);
    ctx.log.info('bundle exported', { recipient: peer.id, first: from, last, bytes: written.size });
    return {
      path: target,
      fileName: basename(target),
      recipient: { kind: peer.kind, id: peer.id },
      recipientName: peer.name,
      range: { first: from, last },
      events: count,
      bytes: written.size,
      encrypted,
      sha256: written.sha256,
      bundleId: manifest.bundle_id,
    };
  } finally {
    rmSync(zipPath, { force: true });
  }
}

/**
 * Streams the ZIP (encrypted or not) to `<target dir>/.<name>.tmp`, flushes it, renames it over
 * the target, flushes the folder, then reads the target back and compares its SHA-256 with what
 * was written: a stick pulled out, a full disk or a bad sector fails here, not at the hub.
 */
async function writeToTarget(zipPath: string, target: string, recipients: string[] | null): Promise<{ size: number; sha256: string }> {
  const dir = dirname(target);
  if (!existsSync(dir)) throw appError('export.dirMissing', { dir });
  const tmp = join(dir, `.${basename(target)}.tmp`);
  const hash = createHash('sha256');
  let size = 0;
  let fd: number;
  try {
    fd = openSync(tmp, 'w', PRIVATE_FILE_MODE);
  } catch (err) {
    throw ioError(target, err);
  }
  try {
    const source = createReadStream(zipPath, { highWaterMark: 1 << 20 });
    const stream = recipients ? source.pipe(createAgeEncryptStream(recipients)) : source;
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      hash.update(b);
      size += b.length;
      let off = 0;
      while (off < b.length) off += writeSync(fd, b, off, b.length - off);
    }
    fsyncSync(fd);
    closeSync(fd);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    throw ioError(target, err);
  }
  try {
    renameSync(tmp, target);
    if (process.platform !== 'win32') {
      const d = openSync(dir, 'r');
      try {
        fsyncSync(d);
      } finally {
        closeSync(d);
      }
    }
  } catch (err) {
    rmSync(tmp, { force: true });
    throw ioError(target, err);
  }
  const expected = hash.digest('hex');
  const back = readBackSha256(target);
  if (back.size !== size || back.sha256 !== expected || statSync(target).size !== size) {
    throw appError('export.writtenMismatch', { target });
  }
  return { size, sha256: expected };
}

function readBackSha256(path: string): { size: number; sha256: string } {
  const fd = openSync(path, 'r');
  try {
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(1 << 20);
    let size = 0;
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) {
      h.update(buf.subarray(0, n));
      size += n;
    }
    return { size, sha256: h.digest('hex') };
  } finally {
    closeSync(fd);
  }
}

function ioError(target: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException).code ?? String(err);
  return appError('export.cannotWrite', { target, reason: code });
}
