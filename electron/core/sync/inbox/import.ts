/**
 * Importing received bundle files: archive (before any check), verify (steps 1–10, in the
 * worker), apply (steps 11–12, here on the writer connection), record the outcome, then apply
 * whatever was waiting for this one (loop until nothing more applies).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleErrorCode } from '../../../../shared/api/errors';
import type { BundleImportResult } from '../../../../shared/domain/bundles';
import type { Role } from '../../../../shared/domain/ids';
import type { RecordKind } from '../../../../shared/records/registry';
import { FORMAT_LIMITS, type BundleLimits } from '../../format/bundle/limits';
import { AppError } from '../../platform/errors';
import { copyPrivate, makePrivateDir } from '../../platform/fs/private-files';
import { appliedMessage, duplicateMessage, fileTooLargeMessage, pendingMessage, refusalMessage } from '../../format/bundle/messages';
import type { VerifyInput, VerifyReport } from '../../format/bundle/verify';
import type { AppContext } from '../../platform/context';
import { loadInstallationKeys } from '../identity/keys';
import { requireInstallation } from '../../platform/installation/installation-store';
import { findPeer, type PeerRecord } from '../peers/peers-store';
import { federatedHubIds, senderSnapshot } from '../peers/vouched-senders';
import type { BundleVerifier } from '../../format/worker/verifier';
import { applyBundle, fileEventSource, recordFork, type ApplyResult, type EventSource } from './apply';
import type { Manifest } from '../../format/bundle/manifest';
import type { PreRead } from '../../format/bundle/pre-read';
import { ChannelReader, createChannelBuffer, FRAME_END, FRAME_LINES, LineFrameReader } from '../../format/bundle/line-channel';
import { ArchiveLimitError, archiveFile, archivedPath, inboxTempDir, sweepInboxTemp } from './archive';
import { finishReception, finishWaitingReceptions, insertReception, waitingFiles, type ReceptionUpdate } from './inbox-store';
import type { Projector } from '../../platform/records/projector';

export type BundleSource = { path: string; name?: string } | { name: string; bytes: Buffer };

export interface ImportOptions {
  verifier: BundleVerifier;
  limits?: BundleLimits;
  kinds?: (kind: string) => RecordKind | undefined;
  /** Replaces the context's projectors (tests of one projector). */
  projectors?: readonly Projector[];
  onProgress?: (done: number, total: number, file: string) => void;
  /** The import's own folder under inbox/tmp (set by importBundles, removed when it ends). */
  tempDir?: string;
}

/**
 * The projectors a sender's records go through: none for another hub's own stream that reached
 * us through federation (stored read-only, never projected into our own tables:
 * docs/federation.md, "Records"), the features' ones otherwise.
 */
export function projectorsFor(ctx: AppContext, sender: { kind: Role; id: string }): readonly Projector[] {
  return sender.kind === 'hub' && federatedHubIds(ctx.db).has(sender.id) ? [] : ctx.records.projectors;
}

/** The snapshot the worker needs: who we are, our age identity, the confirmed senders' keys. */
export function verifyInputFor(ctx: AppContext, path: string, limits?: BundleLimits, ownTempDir?: string): VerifyInput {
  const us = requireInstallation(ctx.db);
  const keys = loadInstallationKeys(ctx.dataDir);
  const tempDir = ownTempDir ?? inboxTempDir(ctx.dataDir);
  makePrivateDir(tempDir);
  return {
    path,
    us: { kind: us.role, id: us.id },
    ageIdentities: [keys.ageIdentity],
    ...senderSnapshot(ctx.db),
    tempDir,
    ...(limits ? { limits } : {}),
    extract: true,
  };
}

/**
 * Files are taken in the order given. While file i is applied (synchronously, on this thread),
 * the worker already verifies file i+1: the two cores work at once, and each file is still
 * archived before its checks and applied in its own transaction.
 */
export async function importBundles(ctx: AppContext, sources: BundleSource[], given: ImportOptions): Promise<BundleImportResult[]> {
  requireInstallation(ctx.db);
  sweepInboxTemp(ctx.dataDir, Date.now());
  // Decrypted bundles and extracted events are personal data in clear: they live in this
  // import's own folder, removed as soon as the import ends, applied, refused or failed.
  if (given.tempDir) return importInto(ctx, sources, given);
  const options = { ...given, tempDir: join(inboxTempDir(ctx.dataDir), `import-${randomUUID()}`) };
  const started: Promise<unknown>[] = [];
  try {
    return await importInto(ctx, sources, options, started);
  } finally {
    // A verification started ahead may still be writing there: wait for it first.
    await Promise.allSettled(started);
    rmSync(options.tempDir, { recursive: true, force: true });
  }
}

async function importInto(ctx: AppContext, sources: BundleSource[], options: ImportOptions, started: Promise<unknown>[] = []): Promise<BundleImportResult[]> {
  const results: BundleImportResult[] = [];
  const prepared: (Prepared | null)[] = [];
  const prepare = (i: number) => {
    const source = sources[i] as BundleSource;
    const p = prepareOne(ctx, source, nameOf(source), options);
    if (p.ok && p.report) started.push(p.report);
    prepared[i] = p;
  };
  // A streaming verifier already overlaps verifying and applying within each file; verifying
  // the next file at the same time would let the worker block on its channel (deadlock).
  const ahead = options.verifier.streams ? 0 : 1;
  if (sources.length > 0) prepare(0);
  for (const [i, source] of sources.entries()) {
    if (i + ahead < sources.length && !prepared[i + ahead]) prepare(i + ahead);
    const p = prepared[i] as Prepared;
    prepared[i] = null;
    results.push(await finishOne(ctx, p, nameOf(source), options));
    options.onProgress?.(i + 1, sources.length, nameOf(source));
  }
  return results;
}

function nameOf(source: BundleSource): string {
  return source.name ?? ('path' in source ? source.path : 'pacchetto');
}

type Prepared =
  | { ok: false; result: BundleImportResult }
  | { ok: true; sha256: string; receptionNo: number; report: Promise<VerifyReport> | null };

function prepareOne(ctx: AppContext, source: BundleSource, name: string, options: ImportOptions): Prepared {
  let archived;
  try {
    archived = archiveFile(ctx.dataDir, 'bytes' in source ? { bytes: source.bytes } : { path: source.path }, (options.limits ?? FORMAT_LIMITS).fileBytes);
  } catch (err) {
    // The data folder's fault (a full disk): no file of this import can be archived.
    if (err instanceof AppError) throw err;
    if (err instanceof ArchiveLimitError) return { ok: false, result: tooBig(name, err.maxBytes) };
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return {
      ok: false,
      result: {
        file: name,
        sha256: null,
        outcome: 'refused',
        code: 'E_FORMAT',
        sender: null,
        range: null,
        message: `Il file ${name} non può essere letto (${code}): verificare che esista e che la chiavetta sia inserita, poi riprovare.`,
        detail: String((err as Error)?.message ?? err),
        eventsApplied: 0,
        warnings: [],
        alsoApplied: [],
      },
    };
  }
  const receptionNo = insertReception(ctx.db, { sha256: archived.sha256, name, at: ctx.clock.now(), size: archived.size });
  // Verified ahead only without streaming (a streamed verification starts when it is applied).
  const report = options.verifier.streams ? null : options.verifier.verify(verifyInputFor(ctx, archived.path, options.limits, options.tempDir));
  report?.catch(() => {}); // awaited in finishOne; avoids an unhandled rejection meanwhile
  return { ok: true, sha256: archived.sha256, receptionNo, report };
}

/** Step 1's E_LIMIT, decided while archiving: the file was not kept. */
function tooBig(name: string, maxBytes: number): BundleImportResult {
  const maxMb = Math.floor(maxBytes / (1024 * 1024));
  return {
    file: name,
    sha256: null,
    outcome: 'refused',
    code: 'E_LIMIT',
    sender: null,
    range: null,
    ...fileTooLargeMessage(name, maxMb, maxBytes),
    detail: `passo 1: file longer than ${maxBytes} bytes (copy stopped at the limit)`,
    eventsApplied: 0,
    warnings: [],
    alsoApplied: [],
  };
}

async function finishOne(ctx: AppContext, p: Prepared, name: string, options: ImportOptions): Promise<BundleImportResult> {
  if (!p.ok) return p.result;
  const result = await processArchived(ctx, p.sha256, name, options, (u) => finishReception(ctx.db, p.receptionNo, u), p.report ?? undefined);
  if (result.sender && (result.outcome === 'applied' || result.outcome === 'duplicate')) {
    result.alsoApplied = await retryWaiting(ctx, result.sender, ['pending'], options);
  }
  return result;
}

/**
 * Applies the files kept for a sender (after its identity is confirmed: 'kept' and 'pending'),
 * or its pending files (after a bundle filled a gap), in order of first_seq, until a whole
 * round applies nothing more.
 */
export async function retryWaiting(
  ctx: AppContext,
  sender: { kind: Role; id: string },
  outcomes: ('pending' | 'kept')[],
  options: ImportOptions,
): Promise<BundleImportResult[]> {
  const done: BundleImportResult[] = [];
  const tried = new Set<string>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const w of waitingFiles(ctx.db, sender, outcomes)) {
      const key = `${w.sha256}:${findPeer(ctx.db, sender.kind, sender.id)?.appliedSeq ?? 0}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const r = await processArchived(ctx, w.sha256, w.name, options, (u) => finishWaitingReceptions(ctx.db, w.sha256, u));
      if (r.outcome !== 'pending' && r.outcome !== 'kept') {
        done.push(r);
        if (r.outcome === 'applied') progress = true;
      }
    }
  }
  return done;
}

/** A VerifyReport read from the channel's end frame. */
function endReport(bytes: Buffer): VerifyReport {
  const value = JSON.parse(bytes.toString('utf8')) as VerifyReport | { internalError: string };
  if ('internalError' in value) throw new Error(`bundle verification failed in the worker: ${value.internalError}`);
  return value;
}

/** The worker's channel as the writer's event source (see format/bundle/line-channel.ts). */
class ChannelSource implements EventSource {
  report: VerifyReport | null = null;
  private readonly frames = new LineFrameReader();

  constructor(private readonly reader: ChannelReader) {}

  forEach(fn: (line: Buffer, hash: Buffer | null, pre: PreRead | null) => void): void {
    while (!this.reader.ended) {
      const f = this.reader.next();
      if (f.type === FRAME_LINES) this.frames.forEach(f.bytes, fn);
      else if (f.type === FRAME_END) this.report = endReport(f.bytes);
    }
  }

  settle(): boolean {
    while (!this.reader.ended) {
      const f = this.reader.next();
      if (f.type === FRAME_END) this.report = endReport(f.bytes);
    }
    return this.report?.ok === true;
  }
}

/**
 * Steps 1–12 for one archived file. With a streaming verifier (the worker), the lines are
 * applied while the worker is still verifying, in one synchronous transaction that commits only
 * if the worker's final report says ok; otherwise the report comes first and the lines from a
 * temp file.
 */
async function verifyAndApply(
  ctx: AppContext,
  sha256: string,
  options: ImportOptions,
  started?: Promise<VerifyReport>,
): Promise<{ report: VerifyReport; applied: ApplyResult | null }> {
  const us = requireInstallation(ctx.db);
  const applyInput = (m: Manifest, source: EventSource) => ({
    peer: findPeer(ctx.db, m.sender.kind, m.sender.id) as PeerRecord,
    manifest: m,
    // Forwarded by a provincial hub (docs/federation.md): its ack is of that hub's stream, not ours.
    relayed: m.recipient.kind !== us.role || m.recipient.id !== us.id,
    source,
    fileSha256: sha256,
    at: ctx.clock.now(),
    ...(options.kinds ? { kinds: options.kinds } : {}),
    projectors: options.projectors ?? projectorsFor(ctx, m.sender),
  });
  const input = verifyInputFor(ctx, archivedPath(ctx.dataDir, sha256), options.limits, options.tempDir);
  if (started || !options.verifier.streams) {
    const report = await (started ?? options.verifier.verify(input));
    if (!report.ok || !report.manifest) return { report, applied: null };
    storeAttachments(ctx, report);
    return { report, applied: applyBundle(ctx.db, applyInput(report.manifest, fileEventSource(report.eventsPath, report.hashesPath))) };
  }
  const sab = createChannelBuffer();
  const reader = new ChannelReader(sab);
  options.verifier.verify({ ...input, channel: sab }).catch(() => {}); // the end frame carries the report
  const head = reader.next();
  if (head.type === FRAME_END) return { report: endReport(head.bytes), applied: null };
  const h = JSON.parse(head.bytes.toString('utf8')) as { early: boolean; manifest: Manifest | null };
  const source = new ChannelSource(reader);
  if (!h.early || !h.manifest) {
    source.settle();
    return { report: source.report as VerifyReport, applied: null };
  }
  let applied: ApplyResult;
  try {
    applied = applyBundle(ctx.db, applyInput(h.manifest, source));
  } catch (err) {
    // Unblock the worker (it waits for free slots) before giving up on this file.
    try {
      source.settle();
    } catch {
      // the worker is gone or stalled: the caller closes it
    }
    throw err;
  }
  source.settle();
  const report = source.report as VerifyReport;
  if (applied.outcome === 'unverified' || !report.ok) return { report, applied: null };
  storeAttachments(ctx, report);
  return { report, applied };
}

async function processArchived(
  ctx: AppContext,
  sha256: string,
  name: string,
  options: ImportOptions,
  finish: (u: ReceptionUpdate) => void,
  started?: Promise<VerifyReport>,
): Promise<BundleImportResult> {
  const { report, applied } = await verifyAndApply(ctx, sha256, options, started);
  try {
    const m = report.manifest;
    const range = m ? { first: m.events.first_seq, last: m.events.last_seq } : null;
    const base = { file: name, sha256, sender: report.sender, range, warnings: [] as string[], alsoApplied: [] as BundleImportResult[] };
    let result: BundleImportResult;
    if (!applied) {
      const code = report.code as BundleErrorCode;
      const us = requireInstallation(ctx.db);
      const recipient = report.manifest?.recipient ?? null;
      result = {
        ...base,
        outcome: code === 'E_UNKNOWN_SENDER' ? 'kept' : 'refused',
        code,
        ...refusalMessage(code, { sender: report.sender, recipient, us: { kind: us.role, id: us.id }, appVersion: report.appVersion }),
        detail: `passo ${report.failedStep}: ${report.detail}`,
        eventsApplied: 0,
      };
    } else {
      result = { ...base, ...describeApply(applied, report, range) };
      if (applied.outcome === 'refused' && applied.code === 'E_FORK') recordFork(ctx.db, applied);
    }
    finish({
      outcome: result.outcome,
      code: result.code,
      message: result.message,
      detail: result.detail,
      sender: result.sender,
      firstSeq: range?.first ?? null,
      lastSeq: range?.last ?? null,
      bundleId: m?.bundle_id ?? null,
      eventsApplied: result.eventsApplied,
      at: ctx.clock.now(),
    });
    ctx.log.info('bundle imported', { file: name, sha256, outcome: result.outcome, code: result.code });
    return result;
  } finally {
    if (report.workDir) rmSync(report.workDir, { recursive: true, force: true });
  }
}

function describeApply(
  a: ApplyResult,
  report: VerifyReport,
  range: { first: number; last: number } | null,
): Pick<BundleImportResult, 'outcome' | 'code' | 'message' | 'key' | 'params' | 'detail' | 'eventsApplied' | 'warnings'> {
  const sender = report.sender;
  switch (a.outcome) {
    case 'applied':
      return { outcome: 'applied', code: null, ...appliedMessage({ sender, range, applied: a.applied }), detail: null, eventsApplied: a.applied, warnings: a.warnings };
    case 'duplicate':
      return { outcome: 'duplicate', code: null, ...duplicateMessage({ sender, range }), detail: null, eventsApplied: 0, warnings: a.warnings };
    case 'pending':
      return {
        outcome: 'pending',
        code: null,
        ...pendingMessage({ sender, range, missing: a.missing }),
        detail: `missing events ${a.missing.first}–${a.missing.last}`,
        eventsApplied: 0,
        warnings: [],
      };
    case 'unverified':
      throw new Error('unverified apply result reached describeApply');
    case 'refused':
      if (a.code === 'E_FORK') {
        return { outcome: 'refused', code: 'E_FORK', ...refusalMessage('E_FORK', { sender, seq: a.seq }), detail: `passo 11: ${a.detail}`, eventsApplied: 0, warnings: [] };
      }
      return {
        outcome: 'refused',
        code: a.code,
        ...refusalMessage(a.code, { sender, line: a.line, kind: a.kind, ...(a.field ? { field: a.field } : {}), ...(a.what ? { what: a.what } : {}) }),
        detail: `passo 12: ${a.detail}`,
        eventsApplied: 0,
        warnings: [],
      };
  }
}

/** Verified attachments go to the content-addressed store (<data dir>/attachments/<sha256>). */
export function storeAttachments(ctx: AppContext, report: VerifyReport): void {
  if (report.attachments.length === 0) return;
  const dir = join(ctx.dataDir, 'attachments');
  makePrivateDir(dir);
  for (const a of report.attachments) {
    const target = join(dir, a.sha256);
    if (existsSync(target)) continue;
    // Private, and whole or absent: a crash leaves only the `.tmp`, swept at the next start.
    const tmp = join(dir, `.${a.sha256}.tmp`);
    copyPrivate(a.path, tmp);
    renameSync(tmp, target);
  }
}
