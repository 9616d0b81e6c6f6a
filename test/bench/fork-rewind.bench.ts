import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../electron/core/app/backend';
import { fixedClock } from '../../electron/core/platform/defaults';
import { rewindPeerStream } from '../../electron/core/sync/forks/rewind-stream';
import { ChainHasher } from '../../electron/core/format/bundle/chain-hash';
import { eventKey } from '../../electron/core/sync/inbox/apply';
import { RECORD_REGISTRY } from '../../electron/core/app/modules';

const PROJECTORS = RECORD_REGISTRY.projectors;
import { GENESIS_HASH } from '../../electron/core/format/bundle/chain';
import { findPeer, setPeerApplied } from '../../electron/core/sync/peers/peers-store';
import { usageLine } from '../sync/bundle-gen';
import { report } from './bench-util';

/**
 * Accepting a fork (bundle.resolveFork accept): the rewind of a member's stream on the hub, in
 * the transaction that then applies the new version. CST_BENCH_FORK_EVENTS (default 200,000)
 * usage events of one member are applied (projections kept by the usage projector), then the
 * stream is rewound to the middle (half the events removed, their totals subtracted; the
 * projectors with reset replay the first half). Wall and CPU time per stored event.
 */
const EVENTS = Number(process.env.CST_BENCH_FORK_EVENTS ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'cst-bench-fork-'));
const quiet = { info() {}, warn() {}, error() {} };
const hub = openBackend({ autoBackupDelayMs: false, dataDir: dir, appVersion: 'bench', log: quiet, clock: fixedClock('2026-11-26T08:00:00.000Z') });
try {
  const r = await hub.dispatch('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Bench' });
  if (!r.ok) throw new Error(r.error.message);
  const db = hub.ctx.db;
  db.prepare(
    `INSERT INTO peers (kind, id, name, signing_key, key_id, age_recipient, fingerprint, identity_created_at, status, imported_at)
     VALUES ('municipality', '041067', 'Urbino', 'x', 'x', 'x', 'x', '2026-01-01T00:00:00.000Z', 'confirmed', '2026-01-01T00:00:00.000Z')`,
  ).run();
  const peer = findPeer(db, 'municipality', '041067')!;
  // The stream as the apply leaves it: lines, chain hashes, records, the usage totals.
  const hasher = new ChainHasher(GENESIS_HASH);
  let hash: Buffer = GENESIS_HASH;
  db.transaction(() => {
    const ins = db.prepare('INSERT INTO inbox_events (key, line, hash) VALUES (?, ?, ?)');
    const rec = db.prepare("INSERT INTO received_records (id, owner, peer_no, kind, last_seq, deleted) VALUES (?, '041067', ?, 'usage', ?, 0)");
    const session = PROJECTORS.find((p) => p.kind === 'usage')!.open(db);
    for (let seq = 1; seq <= EVENTS; seq++) {
      const text = usageLine(seq, 0);
      const line = Buffer.from(text);
      hasher.push(line);
      hash = hasher.current();
      ins.run(eventKey(peer.peerNo, seq), line, hash);
      const ev = JSON.parse(text) as { id: string; data: Record<string, unknown> };
      rec.run(ev.id, peer.peerNo, seq);
      session.project({ owner: '041067', kind: 'usage', id: ev.id, op: 'put', seq, data: ev.data, previous: null });
    }
    session.close();
    setPeerApplied(db, peer.peerNo, EVENTS, hash, '2026-11-26T08:00:00.000Z');
  })();
  const from = Math.floor(EVENTS / 2) + 1;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let removed = 0;
  try {
    db.transaction(() => {
      removed = rewindPeerStream(db, findPeer(db, 'municipality', '041067')!, from, PROJECTORS, '2026-11-26T09:00:00.000Z').eventsRemoved;
      throw new Error('rollback'); // measured, not kept
    })();
  } catch (err) {
    if ((err as Error).message !== 'rollback') throw err;
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  report('fork.rewind.wall', wall, 'ms', { events: EVENTS, removed });
  report('fork.rewind.cpu_per_event', ((cpu.user + cpu.system) / EVENTS), 'µs', { events: EVENTS, removed });
} finally {
  hub.close();
  rmSync(dir, { recursive: true, force: true });
}
