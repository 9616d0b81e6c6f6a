/**
 * `bundle.export` with `inline: true` (the browser shell's download, Electron's save dialog):
 * the bytes come back in the answer, written and checked the usual safe way, nothing left in
 * the data folder; and a destination folder that does not exist yet is created.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportInline } from '../../electron/core/sync/bundles/export-inline';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

async function introduce(a: TestBackend, b: TestBackend): Promise<void> {
  const file = await a.must('identity.export', {});
  const peer = await b.must('identity.import', { contentBase64: file.contentBase64 });
  await b.must('identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
}

async function pair() {
  const hub = openTestBackend({ start: '2026-11-26T08:00:00.000Z' });
  await hub.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' });
  const town = openTestBackend({ start: '2026-11-20T08:00:00.000Z' });
  await town.must('setup.municipality', { istat: '041067', operator: 'Anna Rossi' });
  await introduce(town, hub);
  await introduce(hub, town);
  return { hub, town };
}

describe('bundle.export inline', () => {
  it('returns the encrypted file as bytes that the hub imports; no temp file stays behind', async () => {
    const { hub, town } = await pair();
    await town.must('usage.record', { service: 'PEC', date: '2026-02-10', quantity: '5' });
    const [r] = await town.must('bundle.export', { inline: true });
    expect(r!.path).toBe('');
    expect(r!.fileName).toMatch(/^cst-041067-per-CST-PU-1-\d+\.cstb$/);
    const bytes = Buffer.from(r!.contentBase64!, 'base64');
    expect(bytes.length).toBe(r!.bytes);
    expect(bytes.subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    const [imported] = await hub.must('bundle.import', { files: [{ name: r!.fileName, contentBase64: r!.contentBase64! }] });
    expect(imported).toMatchObject({ outcome: 'applied', sha256: r!.sha256, range: r!.range });
    expect(readdirSync(join(town.dataDir, 'outbox-tmp'))).toEqual([]);
    // The export is in the history like any other.
    expect((await town.must('bundle.history', {})).exports[0]).toMatchObject({ bundleId: r!.bundleId, fileName: r!.fileName });
  }, 60_000);

  it('the hub gets one file per member with --all-members', async () => {
    const { hub, town } = await pair();
    const files = await hub.must('bundle.export', { inline: true, allMembers: true });
    expect(files.map((f) => f.recipient.id)).toEqual(['041067']);
    const [res] = await town.must('bundle.import', { files: [{ name: files[0]!.fileName, contentBase64: files[0]!.contentBase64! }] });
    expect(res!.outcome).toBe('applied');
  }, 60_000);

  it('beyond the size cap: a clear error with code and params, nothing left behind', async () => {
    const { town } = await pair();
    const err = await exportInline(town.backend.ctx, {}, 10).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_LIMIT', extra: { params: { maxMb: 1 } } });
    expect((err as Error).message).toMatch(/in una cartella/);
    expect(readdirSync(join(town.dataDir, 'outbox-tmp'))).toEqual([]);
  }, 60_000);

  it('one destination only: out, dir or inline', async () => {
    const { town } = await pair();
    const r = await town.call('bundle.export', { inline: true, dir: tempDir() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('E_VALIDATION');
  });

  it('a folder that does not exist yet is created; one that cannot be created is refused in words', async () => {
    const { town } = await pair();
    const dir = join(tempDir(), 'chiavetta', 'invii 2026');
    const [r] = await town.must('bundle.export', { dir });
    expect(existsSync(join(dir, r!.fileName))).toBe(true);
    const out = join(tempDir(), 'nuova', 'urbino.cstb');
    await town.must('bundle.export', { out, all: true });
    expect(existsSync(out)).toBe(true);
    const blocker = join(tempDir(), 'un-file');
    writeFileSync(blocker, 'x');
    const bad = await town.call('bundle.export', { dir: join(blocker, 'sotto') });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toMatchObject({ code: 'E_IO', field: 'dir', params: { folder: join(blocker, 'sotto'), reason: 'ENOTDIR' } });
      expect(bad.error.message).toMatch(/non si può creare/);
    }
  }, 60_000);
});
