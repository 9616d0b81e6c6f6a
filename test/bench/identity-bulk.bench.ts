import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../electron/core/app/backend';
import { insertMembers } from '../../electron/core/app/setup/members-store';
import { writeZip } from '../../electron/core/format/container/zip-writer';
import { fixedClock, sequentialIds } from '../../electron/core/platform/defaults';
import { listProvinces, municipalitiesOfProvince } from '../../electron/core/platform/reference/municipalities';
import { confirmationCsv, memberIdentity } from '../helpers/member-identities';
import { report } from './bench-util';

/**
 * Issue 12: every municipality of Italy (7,896) enrolled on one hub at once. Their identity
 * files are made by the app's key code (fresh Ed25519 and X25519 keys, signed), put in one ZIP,
 * imported through the API as the window sends them (base64), then confirmed from one CSV list.
 * CST_BENCH_MEMBERS limits the count (default: all).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'cst-bench-identity-bulk-'));
const backend = openBackend({ dataDir, appVersion: 'bench', clock: fixedClock('2026-11-26T08:00:00.000Z'), ids: sequentialIds(1), log: { info() {}, warn() {}, error() {} }, autoBackupDelayMs: false });
async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(method as never, input as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

try {
  await call('setup.hub', { id: 'CST-IT', name: 'CST Italia', operator: 'Bench' });
  const all = listProvinces().flatMap((p) => municipalitiesOfProvince(p.code));
  const members = all.slice(0, Number(process.env.CST_BENCH_MEMBERS ?? all.length));
  insertMembers(backend.ctx.db, members, '2026-11-26T08:00:00.000Z');

  let t0 = performance.now();
  const ids = members.map((m) => memberIdentity(m));
  report('identity-bulk.generate-keys', performance.now() - t0, 'ms', { members: ids.length });

  const zip = writeZip(ids.map((id) => ({ name: `identita/${id.fileName}`, data: id.bytes })));
  report('identity-bulk.zip-size', zip.length / (1024 * 1024), 'MiB', { members: ids.length });

  const cpu0 = process.cpuUsage();
  t0 = performance.now();
  const imported = await call<{ counts: Record<string, number> }>('identity.importMany', { files: [{ name: 'italia.zip', contentBase64: zip.toString('base64') }] });
  const importMs = performance.now() - t0;
  const cpu1 = process.cpuUsage(cpu0);
  if (imported.counts.imported !== ids.length) throw new Error(`imported ${JSON.stringify(imported.counts)}`);
  report('identity-bulk.import-many', importMs, 'ms', { members: ids.length, cpuMs: Math.round((cpu1.user + cpu1.system) / 1000), perFileMs: Math.round((importMs / ids.length) * 1000) / 1000 });

  const csv = confirmationCsv(ids.map((id) => [id.istat, id.fingerprint]));
  const cpu2 = process.cpuUsage();
  t0 = performance.now();
  const confirmed = await call<{ counts: Record<string, number> }>('identity.confirmMany', { name: 'impronte.csv', contentBase64: csv.toString('base64') });
  const confirmMs = performance.now() - t0;
  const cpu3 = process.cpuUsage(cpu2);
  if (confirmed.counts.confirmed !== ids.length) throw new Error(`confirmed ${JSON.stringify(confirmed.counts)}`);
  report('identity-bulk.confirm-many', confirmMs, 'ms', { members: ids.length, csvKiB: Math.round(csv.length / 1024), cpuMs: Math.round((cpu3.user + cpu3.system) / 1000) });

  // The same ZIP again: every file verified, nothing to store.
  t0 = performance.now();
  const again = await call<{ counts: Record<string, number> }>('identity.importMany', { files: [{ name: 'italia.zip', contentBase64: zip.toString('base64') }] });
  if (again.counts.unchanged !== ids.length) throw new Error(`again ${JSON.stringify(again.counts)}`);
  report('identity-bulk.import-many-again', performance.now() - t0, 'ms', { members: ids.length });
  report('identity-bulk.rss', process.memoryUsage().rss / (1024 * 1024), 'MiB');
} finally {
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
