/** `cst bundle forks` and `cst bundle resolve-fork` as an operator runs them (real files; the CLI in process). */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { addUsage, cst, pairedHubAndTown } from './cli-run';

describe('cst bundle forks / resolve-fork', () => {
  it('lists the fork, refuses a decision without a reason, accepts the new version and shows it in the history', async () => {
    const { hub, town, files } = await pairedHubAndTown();

    await addUsage(town, 11, [1, 2, 3]);
    const backup = tempDir();
    cpSync(town, backup, { recursive: true });
    await addUsage(town, 12, [4, 5]);
    expect((await cst(['bundle', 'export', '--out', join(files, 'a.cstb'), '--data-dir', town])).code).toBe(0);
    expect((await cst(['bundle', 'import', join(files, 'a.cstb'), '--data-dir', hub])).code).toBe(0);
    // The backup restored: two different events after the third.
    await addUsage(backup, 13, [14, 15]);
    expect((await cst(['bundle', 'export', '--out', join(files, 'b.cstb'), '--data-dir', backup])).code).toBe(0);
    const refused = await cst(['bundle', 'import', join(files, 'b.cstb'), '--data-dir', hub]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/E_FORK/);

    const listed = await cst(['bundle', 'forks', '--data-dir', hub]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/#1\t041067 .*dall'evento 4/);
    expect(listed.stdout).toMatch(/resolve-fork 1 --keep\|--accept/);
    const forks = JSON.parse((await cst(['bundle', 'forks', '--json', '--data-dir', hub])).stdout).value;
    expect(forks).toHaveLength(1);
    expect(forks[0]).toMatchObject({ forkNo: 1, seq: 4, canAccept: true, resolution: null });

    expect((await cst(['bundle', 'resolve-fork', '1', '--accept', '--data-dir', hub])).code).toBe(2);
    expect((await cst(['bundle', 'resolve-fork', '1', '--accept', '--keep', '--note', 'x', '--data-dir', hub])).code).toBe(2);
    const done = await cst(['bundle', 'resolve-fork', '1', '--accept', '--note', 'Ripristino dal backup confermato al telefono', '--data-dir', hub]);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/accettata la versione ricevuta \(2 eventi sostituiti, 2 applicati\)/);
    const after = JSON.parse((await cst(['bundle', 'forks', '--json', '--data-dir', hub])).stdout).value;
    expect(after[0].resolution).toMatchObject({ decision: 'accept', by: 'Luca Bianchi', note: 'Ripristino dal backup confermato al telefono' });
    const again = await cst(['bundle', 'resolve-fork', '1', '--keep', '--note', 'x', '--data-dir', hub]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/già stata decisa/);
  }, 120_000);
});
