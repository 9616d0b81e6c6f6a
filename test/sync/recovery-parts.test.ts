/**
 * The recovery copy split into several files (each under the format's 50 MiB per attachment;
 * here a few hundred bytes), read back in order. (That every kind a municipality writes can be
 * rebuilt is checked with the composition root: test/core/modules.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRecovery } from '../../electron/core/sync/recovery/recovery-export';
import { tempDir } from '../helpers/temp-dir';
import { townToHub } from './hub-helpers';
import { localRecords, restoreBackup, syncedTownWithBackup } from './recovery-helpers';

describe('recovery copy', () => {
  it('a copy in several files is read back in order', async () => {
    const { hub, town, backup } = await syncedTownWithBackup();
    for (let d = 3; d <= 12; d += 1) await town.must('usage.record', { service: 'PEC', date: `2026-11-${String(d).padStart(2, '0')}`, quantity: String(d) });
    await townToHub(town, hub);
    const before = await localRecords(town);
    const restored = restoreBackup(town, backup, '2026-11-27T08:00:00.000Z');

    const out = join(tempDir(), 'recupero.cstb');
    const exp = await exportRecovery(hub.backend.ctx, { for: '041067', out, plain: true, chunkBytes: 700 });
    expect(exp.copiedEvents).toBe(11);
    const manifest = JSON.parse(execFileSync('unzip', ['-p', out, 'manifest.json'], { encoding: 'utf8' })) as { files: { name: string }[] };
    const names = manifest.files.map((f) => f.name).filter((n) => n.startsWith('recupero-'));
    expect(names.length).toBeGreaterThan(2);
    expect(names[0]).toMatch(/^recupero-041067-1-\d+\.ndjson$/);
    expect(names[names.length - 1]).toMatch(/^recupero-041067-\d+-11\.ndjson$/);

    const applied = await restored.must('recovery.apply', { path: out });
    expect(applied.recovered).toEqual({ first: 2, last: 11 });
    expect(await localRecords(restored)).toEqual(before);
    expect(await restored.must('log.verify', {})).toMatchObject({ ok: true, events: 11 });
  });
});
