/**
 * Issue 11, items 10 and 8: a received file is measured while it is archived (a file over the
 * limit, or /dev/zero, stops at the limit and leaves nothing), and a full disk — while
 * archiving, while writing the database — says "il disco è pieno" (E_DISK_FULL, the folder in
 * params) instead of blaming the file or answering "Errore interno imprevisto".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleImportResult } from '../../shared/domain/bundles';
import { FORMAT_LIMITS } from '../../electron/core/format/bundle/limits';
import { openTestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from './hub-helpers';

const archive = (dataDir: string) => {
  const dir = join(dataDir, 'inbox', 'archive');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('the limit is checked while archiving', () => {
  it('a file over the limit stops there: refused with E_LIMIT and params, nothing kept', async () => {
    const hub = await openHub();
    const big = join(tempDir(), 'enorme.cstb');
    writeFileSync(big, Buffer.alloc(3 * 1024 * 1024 + 1, 7));
    const limits = { ...FORMAT_LIMITS, fileBytes: 3 * 1024 * 1024 };
    const { importBundles } = await import('../../electron/core/sync/inbox/import');
    const { inlineVerifier } = await import('../../electron/core/format/worker/verifier');
    const [r] = await importBundles(hub.backend.ctx, [{ path: big }], { verifier: inlineVerifier, limits });
    expect(r).toMatchObject({ outcome: 'refused', code: 'E_LIMIT', sha256: null, params: { maxMb: 3, maxBytes: 3 * 1024 * 1024 } });
    expect(r!.message).toMatch(/è più grande di 3 MB, il massimo per un pacchetto: non è stato né conservato né letto/);
    expect(archive(hub.dataDir)).toEqual([]);
  });

  it('/dev/zero is not copied to the end of the disk', async () => {
    const hub = await openHub();
    const started = Date.now();
    const [r] = (await hub.must('bundle.import', { files: [{ path: '/dev/zero' }] })) as BundleImportResult[];
    expect(r).toMatchObject({ outcome: 'refused', code: 'E_LIMIT', params: { maxMb: FORMAT_LIMITS.fileBytes / 1024 / 1024 } });
    expect(archive(hub.dataDir)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

/** A 2 MB tmpfs for the test's body (root only); skipped, saying why, where mounting is not allowed. */
async function withSmallDisk(t: { skip(note?: string): void }, body: (mnt: string) => Promise<void>): Promise<void> {
  const mnt = tempDir();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt], { encoding: 'utf8' });
  if (r.status !== 0) {
    t.skip(`a small tmpfs cannot be mounted here (needs root): ${r.stderr.trim()}`);
    return;
  }
  try {
    await body(mnt);
  } finally {
    spawnSync('umount', ['-l', mnt]);
  }
}

/** Fills the disk up to `leave` bytes free. */
function fill(mnt: string, leave: number): void {
  const free = Number(spawnSync('df', ['-B1', '--output=avail', mnt], { encoding: 'utf8' }).stdout.trim().split('\n').pop());
  if (free > leave) writeFileSync(join(mnt, 'riempitivo'), Buffer.alloc(free - leave));
}

describe('a full disk', () => {
  it('while writing the database: E_DISK_FULL naming the data folder, nothing written, no internal error', async (t) => {
    await withSmallDisk(t, async (mnt) => {
      const dataDir = join(mnt, 'dati');
      const errors: string[] = [];
      const town = openTestBackend({ dataDir });
      town.backend.ctx.log = { info() {}, warn() {}, error: (m) => errors.push(m) };
      await town.must('setup.municipality', { istat: '041067', operator: 'Maria Rossi' });
      fill(mnt, 0);
      let refused: { code: string; message: string; params?: Record<string, unknown> } | null = null;
      const note = 'n'.repeat(1900);
      for (let i = 0; i < 2000 && !refused; i++) {
        const r = await town.call('usage.record', { service: 'PEC', date: '2026-10-01', quantity: String(i + 1), note });
        if (!r.ok) refused = r.error;
      }
      expect(refused).toMatchObject({ code: 'E_DISK_FULL', params: { folder: dataDir } });
      expect(refused!.message).toMatch(/^Il disco è pieno: .*liberare spazio sul disco/);
      expect(errors.filter((m) => m === 'handler failed')).toEqual([]);
    });
  }, 120_000);

  it('while archiving a received file: the disk is named, not the file', async (t) => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await town.must('usage.record', { service: 'PEC', date: '2026-10-01', quantity: '3' });
    const [exp] = await town.must('bundle.export', { dir: tempDir() });
    await withSmallDisk(t, async (mnt) => {
      // The hub's data folder stays where it is; its archive folder is on the full disk.
      const { symlinkSync, mkdirSync } = await import('node:fs');
      mkdirSync(join(hub.dataDir, 'inbox'), { recursive: true });
      symlinkSync(mnt, join(hub.dataDir, 'inbox', 'archive'));
      fill(mnt, 0);
      const r = await hub.call('bundle.import', { files: [{ path: exp!.path }] });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toMatchObject({ code: 'E_DISK_FULL', key: 'disk.fullArchive', params: { folder: join(hub.dataDir, 'inbox', 'archive') } });
      expect(r.error.message).toMatch(/^Il disco è pieno: .*Il file ricevuto non è stato archiviato e nulla è stato applicato/);
      expect(r.error.message).not.toContain(exp!.path);
      expect(readdirSync(mnt).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });
  }, 120_000);
});
