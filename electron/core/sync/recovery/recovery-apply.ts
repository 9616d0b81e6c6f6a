/**
 * Municipality: applying the hub's recovery bundle after a restore from an old backup
 * (docs/design.md "Restores"; docs/bundle-format.md `ack`).
 *
 * 1. The file is imported like any hub bundle (inbox/import.ts: archived, verified, applied; its
 *    ack is what tells us we lost events, if the clerk imports it first).
 * 2. The archived file is verified again (the same verifier, signature included) to read the
 *    manifest, the signed ack and the extracted copy files.
 * 3. ONE transaction: the copy's lines must chain from h(0) to exactly the ack's hash at the
 *    ack's seq (else the copy is not the one the hub signed: refused); lines 1..our head must be
 *    byte-identical to our outbox (else it is a fork, not a loss: refused); the missing lines
 *    head+1..ack.seq are appended to our outbox with their exact bytes and hashes, each of our
 *    records they change is rebuilt (recovery/restore-records.ts), and the events_lost problem
 *    is closed. Any refusal rolls back everything: nothing changes.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RecoveryApplyResult, RecoveryStatus } from '../../../../shared/domain/recovery';
import { findRecordKind } from '../../../../shared/records/kinds';
import { ATTACHMENTS_DIR } from '../attachments/attachment-store';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { archivedPath } from '../inbox/archive';
import { refusalMessage } from '../../format/bundle/messages';
import { importBundles, verifyInputFor, type BundleSource, type ImportOptions } from '../inbox/import';
import { requireInstallation } from '../../platform/installation/installation-store';
import { chainHash, GENESIS_HASH } from '../../format/bundle/chain';
import { outboxHead } from '../outbox/outbox';
import { clearEventsLost, eventsLostPeer, findPeer } from '../peers/peers-store';
import { stmt } from '../../platform/store/statements';
import { copyParts, forEachCopyLine, notACopy, type CopyPart } from './recovery-copy-reader';
import type { RecoveredEvent, RestoreFn } from '../../platform/records/recovered-event';
import { countText } from '../../../../shared/format/plural';

export function recoveryStatus(ctx: AppContext): RecoveryStatus {
  const head = outboxHead(ctx.db).seq;
  const lost = eventsLostPeer(ctx.db);
  if (!lost) {
    const hub = ctx.db.prepare("SELECT id, name, acked_seq FROM peers WHERE kind = 'hub' ORDER BY status = 'confirmed' DESC, peer_no LIMIT 1").get() as
      | { id: string; name: string; acked_seq: number | null }
      | undefined;
    return { needed: false, hub: hub ? { id: hub.id, name: hub.name } : null, ourLastSeq: head, hubAckedSeq: hub?.acked_seq ?? null, missing: 0 };
  }
  const acked = lost.ackedSeq ?? head + 1;
  return { needed: true, hub: { id: lost.id, name: lost.name }, ourLastSeq: head, hubAckedSeq: acked, missing: Math.max(acked - head, 0) };
}

export async function applyRecovery(ctx: AppContext, source: BundleSource, options: ImportOptions): Promise<RecoveryApplyResult> {
  const us = requireInstallation(ctx.db);
  if (us.role !== 'municipality') {
    throw appError('recovery.notForHub');
  }
  const [imported] = await importBundles(ctx, [source], options);
  if (!imported) throw new Error('import returned no result');
  if ((imported.outcome !== 'applied' && imported.outcome !== 'duplicate') || !imported.sha256) {
    // The import's own sentence (refused, kept, waiting), by its catalogue key: said in the reader's language.
    throw appError((imported.key ?? 'bundle.format') as 'bundle.limit', (imported.params ?? {}) as never, { params: { outcome: imported.outcome, ...(imported.detail ? { detail: imported.detail } : {}) } });
  }
  // The same verifier as the import (in the worker: off the main thread), this time to read the signed manifest and the extracted copy.
  const report = await options.verifier.verify(verifyInputFor(ctx, archivedPath(ctx.dataDir, imported.sha256), options.limits));
  let copyShas: string[] = [];
  try {
    if (!report.ok || !report.manifest) {
      const refusal = refusalMessage(report.code ?? 'E_FORMAT', { sender: report.sender, appVersion: report.appVersion });
      throw appError(refusal.key as 'bundle.limit', refusal.params as never, { params: { detail: report.detail ?? '' } });
    }
    const m = report.manifest;
    if (m.sender.kind !== 'hub') throw notACopy('the sender is not a hub');
    if (!m.ack) throw notACopy('the bundle carries no ack');
    const parts = copyParts(m, report.attachments, us.id, m.ack.seq);
    copyShas = parts.map((p) => p.sha256);
    const applied = ctx.db.transaction(() => applyCopy(ctx, parts, { seq: m.ack!.seq, hash: m.ack!.hash }, m.sender.id))();
    const status = recoveryStatus(ctx);
    const message = applied.recovered
      ? `${recoveredText(applied.recovered)} dalla copia del consorzio: i dati di questa installazione sono di nuovo completi e si possono registrare nuovi dati.`
      : 'Nessun evento da recuperare: questa installazione ha già tutti i propri dati che il consorzio ha ricevuto.';
    ctx.log.info('recovery applied', { recovered: applied.recovered, records: applied.records });
    return { import: imported, recovered: applied.recovered, records: applied.records, missingAttachments: applied.missingFiles.length, message: applied.missingFiles.length ? `${message} ${missingFilesSentence(applied.missingFiles.length)}` : message, status };
  } finally {
    if (report.workDir) rmSync(report.workDir, { recursive: true, force: true });
    // The import stored the copy files with the attachments (content-addressed); they are not
    // attachments of anything: removed once read (a copy's hash never equals a real document's).
    for (const sha of copyShas) rmSync(join(ctx.dataDir, ATTACHMENTS_DIR, sha), { force: true });
  }
}

function missingFilesSentence(n: number): string {
  return n === 1
    ? '1 allegato di una proposta non era presso il consorzio e non è stato recuperato: riallegarlo dalla proposta.'
    : `${countText(n, { one: 'allegato di proposta', other: 'allegati di proposte' })} non erano presso il consorzio e non sono stati recuperati: riallegarli dalle proposte.`;
}

/** "Recuperato 1 evento (il 41)", "Recuperati 12 eventi (dal 41 al 52)". */
function recoveredText(r: { first: number; last: number }): string {
  const n = r.last - r.first + 1;
  return n === 1 ? `Recuperato 1 evento (il ${r.first})` : `Recuperati ${countText(n, { one: 'evento', other: 'eventi' })} (dal ${r.first} al ${r.last})`;
}

interface Applied {
  recovered: { first: number; last: number } | null;
  records: Record<string, number>;
  missingFiles: string[];
}

/** Inside the recovery's transaction: check, append, rebuild; any throw rolls everything back. */
function applyCopy(ctx: AppContext, parts: CopyPart[], ack: { seq: number; hash: string }, hubId: string): Applied {
  const db = ctx.db;
  const head = outboxHead(db).seq;
  const lost = eventsLostPeer(db);
  if (lost?.ackedSeq && ack.seq < lost.ackedSeq) {
    throw appError('recovery.tooOld', { ackSeq: ack.seq, hubAckedSeq: lost.ackedSeq });
  }
  const ours = stmt(db, 'SELECT line FROM outbox WHERE seq = ?').pluck();
  const insert = stmt(db, 'INSERT INTO outbox (seq, at, kind, op, record_id, line, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const records: Record<string, number> = {};
  const missingFiles = new Set<string>();
  // Held in an object: the callback below moves them (a plain `let` would stay narrowed to its initial value).
  const state: { hash: Buffer; firstDifference: number | null } = { hash: GENESIS_HASH, firstDifference: null };
  // A line that is not what the hub signed must not reach a record: the chain is checked at the
  // end (the ack is the last hash), so damage is found only then, and everything rolls back.
  forEachCopyLine(parts, (seq, line) => {
    const hash = (state.hash = chainHash(state.hash, line));
    if (seq <= head) {
      if (state.firstDifference === null && !(ours.get(seq) as Buffer).equals(line)) state.firstDifference = seq;
      return;
    }
    if (state.firstDifference !== null) return;
    const ev = parseOwnEvent(seq, line, ctx.records.restorers);
    insert.run(seq, ev.at, ev.kind, ev.op, ev.id, line, hash);
    const missing = (ctx.records.restorers[ev.kind] as RestoreFn)(db, ctx.dataDir, ev as RecoveredEvent<never>);
    for (const sha of missing ?? []) missingFiles.add(sha);
    records[ev.kind] = (records[ev.kind] ?? 0) + 1;
  });
  const firstDifference = state.firstDifference;
  if (state.hash.toString('hex') !== ack.hash) {
    throw appError('recovery.copyMismatch', {}, { params: { ackSeq: ack.seq } });
  }
  if (firstDifference !== null) {
    throw appError('recovery.fork', { seq: firstDifference }, { params: { ourLastSeq: head, hubAckedSeq: ack.seq } });
  }
  const peer = findPeer(db, 'hub', hubId);
  if (peer) clearEventsLost(db, peer.peerNo, ack.seq, Buffer.from(ack.hash, 'hex'), ctx.clock.now());
  return { recovered: ack.seq > head ? { first: head + 1, last: ack.seq } : null, records, missingFiles: [...missingFiles] };
}

const ENVELOPE = ['seq', 'at', 'kind', 'op', 'id'];

/** One of our own event lines: the envelope exactly as the format says, a kind we write, valid data. */
function parseOwnEvent(seq: number, line: Buffer, restorers: Readonly<Record<string, RestoreFn>>): RecoveredEvent {
  let ev: Record<string, unknown>;
  try {
    ev = JSON.parse(line.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw notACopy(`event ${seq}: not JSON`);
  }
  const keys = Object.keys(ev);
  const put = ev.op === 'put';
  const expected = put ? [...ENVELOPE, 'data'] : ENVELOPE;
  if (keys.length !== expected.length || expected.some((k, i) => keys[i] !== k) || ev.seq !== seq || typeof ev.at !== 'string' || typeof ev.kind !== 'string' || typeof ev.id !== 'string' || (!put && ev.op !== 'delete')) {
    throw notACopy(`event ${seq}: envelope`);
  }
  const kind = findRecordKind(ev.kind);
  if (!kind || kind.owner !== 'municipality' || !restorers[ev.kind]) {
    throw appError('recovery.unknownKind', { kind: ev.kind }, { params: { seq } });
  }
  let data: unknown = null;
  if (put) {
    const parsed = kind.schema.safeParse(ev.data);
    if (!parsed.success) throw appError('recovery.badRecord', { seq, kind: ev.kind });
    data = parsed.data;
  }
  return { seq, at: ev.at, kind: ev.kind, op: put ? 'put' : 'delete', id: ev.id, data };
}
