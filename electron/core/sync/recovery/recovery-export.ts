/**
 * Hub: the recovery bundle for a member restored from an old backup (docs/design.md "Restores").
 *
 * It is an ordinary hub bundle to that member (encrypted to it, signed, readable by any
 * implementation of docs/bundle-format.md) carrying:
 * - the hub's whole stream from event 1, so that it applies wherever the restored member's copy
 *   of the hub's stream stands (its backup is older for our stream too: a bundle from what the
 *   member last acknowledged would wait as `pending` for events it lost);
 * - attachments: the member's own event lines exactly as the hub stored them (inbox_events,
 *   1..applied), in files `recupero-<istat>-<first>-<last>.ndjson` of at most ~48 MiB each
 *   (the format's limit for one attachment is 50 MiB), and every proposal attachment those
 *   events name that the hub holds;
 * - as `ack`, the hub's h(applied) of the member's stream, taken in the same synchronous read
 *   as the copy: signed with the manifest, it is what authenticates the copy.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { RECOVERY_FILE_TYPE, recoveryFileName, type RecoveryExportResult } from '../../../../shared/domain/recovery';
import type { AttachmentRef } from '../../../../shared/records/proposals';
import { ATTACHMENTS_DIR } from '../attachments/attachment-store';
import { exportBundles, type ExtraFile } from '../bundles/export';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { eventKey } from '../inbox/apply';
import { requireInstallation } from '../../platform/installation/installation-store';
import { findPeer, type PeerRecord } from '../peers/peers-store';

/** One copy file stays under the format's 50 MiB per attachment, with room to spare. */
export const RECOVERY_CHUNK_BYTES = 48 * 1024 * 1024;
const PAGE = 5000;

export interface RecoveryCopy {
  files: ExtraFile[];
  events: number;
  ack: { seq: number; hash: string };
}

class ChunkWriter {
  readonly files: ExtraFile[] = [];
  private fd: number | null = null;
  private path = '';
  private first = 0;
  private last = 0;
  private bytes = 0;
  private hash = createHash('sha256');

  constructor(
    private readonly dir: string,
    private readonly istat: string,
    private readonly limit: number,
  ) {}

  add(seq: number, line: Buffer): void {
    const size = line.length + 1;
    if (this.fd !== null && this.bytes + size > this.limit) this.close();
    if (this.fd === null) {
      this.first = seq;
      this.bytes = 0;
      this.hash = createHash('sha256');
      this.path = join(this.dir, `copy-${seq}.ndjson`);
      this.fd = openSync(this.path, 'w', 0o600);
    }
    const bytes = Buffer.concat([line, Buffer.from('\n')]);
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    this.hash.update(bytes);
    this.bytes += bytes.length;
    this.last = seq;
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    this.files.push({ sha256: this.hash.digest('hex'), bytes: this.bytes, name: recoveryFileName(this.istat, this.first, this.last), type: RECOVERY_FILE_TYPE, path: this.path });
  }
}

/**
 * Writes the member's stream as applied here (1..applied) into copy files in `dir`, and lists
 * the attachments those events name that the hub holds. Synchronous on purpose: the lines and
 * the ack come from one consistent state of the database (nothing else runs on this connection
 * meanwhile), so the ack is exactly the copy's last hash.
 */
export function writeRecoveryCopy(db: Database.Database, dataDir: string, peer: PeerRecord, dir: string, chunkBytes = RECOVERY_CHUNK_BYTES): RecoveryCopy {
  const applied = peer.appliedSeq;
  const writer = new ChunkWriter(dir, peer.id, chunkBytes);
  const attachments = new Map<string, ExtraFile>();
  const page = db.prepare('SELECT seq, line FROM inbox_events WHERE key >= ? AND key <= ? ORDER BY key LIMIT ?');
  let expected = 1;
  try {
    while (expected <= applied) {
      const rows = page.all(eventKey(peer.peerNo, expected), eventKey(peer.peerNo, applied), PAGE) as { seq: number; line: Buffer }[];
      for (const r of rows) {
        if (r.seq !== expected) throw new Error(`inbox_events of ${peer.id}: event ${expected} missing (found ${r.seq})`);
        writer.add(r.seq, r.line);
        collectAttachments(r.line, dataDir, attachments);
        expected += 1;
      }
      if (rows.length === 0) throw new Error(`inbox_events of ${peer.id}: event ${expected} missing`);
    }
  } finally {
    writer.close();
  }
  return { files: [...writer.files, ...attachments.values()], events: applied, ack: { seq: applied, hash: peer.appliedHash.toString('hex') } };
}

const PROPOSAL_PUT = Buffer.from('"kind":"proposal","op":"put"');

function collectAttachments(line: Buffer, dataDir: string, into: Map<string, ExtraFile>): void {
  if (line.indexOf(PROPOSAL_PUT) < 0) return;
  const data = (JSON.parse(line.toString('utf8')) as { data?: { attachments?: AttachmentRef[] } }).data;
  for (const a of data?.attachments ?? []) {
    if (into.has(a.sha256)) continue;
    const path = join(dataDir, ATTACHMENTS_DIR, a.sha256);
    // Only what the hub holds: a file it never received cannot be given back (the member's
    // proposal then lists it as missing, and the clerk attaches it again).
    if (existsSync(path)) into.set(a.sha256, { sha256: a.sha256, bytes: a.bytes, name: a.name, type: a.type, path });
  }
}

export interface RecoveryExportRequest {
  for: string;
  out?: string;
  plain?: boolean;
  /** Tests: smaller copy files. */
  chunkBytes?: number;
}

export async function exportRecovery(ctx: AppContext, req: RecoveryExportRequest): Promise<RecoveryExportResult> {
  const us = requireInstallation(ctx.db);
  if (us.role !== 'hub') {
    throw appError('recovery.hubOnly', {}, { field: 'for' });
  }
  const peer = findPeer(ctx.db, 'municipality', req.for);
  if (!peer) throw appError('recovery.noIdentity', { member: req.for }, { field: 'for' });
  if (peer.status !== 'confirmed' && !req.plain) {
    throw appError('recovery.notConfirmed', { name: peer.name, member: peer.id }, { field: 'for' });
  }
  if (peer.appliedSeq === 0) {
    throw appError('recovery.nothingReceived', { name: peer.name, member: peer.id }, { field: 'for' });
  }
  const work = join(ctx.dataDir, 'outbox-tmp', `recovery-${ctx.ids.uuid()}`);
  mkdirSync(work, { recursive: true, mode: 0o700 });
  try {
    const copy = writeRecoveryCopy(ctx.db, ctx.dataDir, peer, work, req.chunkBytes);
    const fileName = `cst-${us.id}-recupero-${peer.id}.cstb`;
    const target = req.out ?? join(work, fileName);
    const [r] = await exportBundles(ctx, { out: target, for: peer.id, all: true, plain: req.plain === true, extraFiles: copy.files, ack: copy.ack });
    if (!r) throw new Error('recovery export wrote no bundle');
    ctx.log.info('recovery bundle exported', { member: peer.id, events: copy.events, bytes: r.bytes });
    const result: RecoveryExportResult = { fileName: req.out ? r.fileName : fileName, path: req.out ? r.path : '', member: peer.id, copiedEvents: copy.events, bytes: r.bytes, sha256: r.sha256 };
    if (!req.out) {
      const bytes = readFileSync(r.path);
      if (createHash('sha256').update(bytes).digest('hex') !== r.sha256) {
        throw appError('recovery.rereadMismatch');
      }
      result.contentBase64 = bytes.toString('base64');
    }
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
