/** The hub's CLI commands, in process (runCli with captured output). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { tempDir } from '../helpers/temp-dir';

async function cst(dataDir: string, ...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--data-dir', dataDir], { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out, err };
}

describe('cst sync status, members update, hub members, hub usage', () => {
  it('works on a hub and refuses hub commands on a municipality', async () => {
    const hub = tempDir();
    expect((await cst(hub, 'init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'PU')).code).toBe(0);
    const upd = await cst(hub, 'members', 'update', '041067', '--population', '14100', '--year', '2026', '--json');
    expect(upd.code).toBe(0);
    expect(JSON.parse(upd.out.join('\n')).value).toMatchObject({ istat: '041067', population: 14_100, populationYear: 2026 });
    expect((await cst(hub, 'members', 'update', '041067', '--population', 'many')).code).toBe(2);
    const members = await cst(hub, 'hub', 'members', '--stale-days', '10');
    expect(members.code).toBe(0);
    expect(members.out.some((l) => l.startsWith('041067\tUrbino\tnone\tseq 0'))).toBe(true);
    expect((await cst(hub, 'hub', 'usage', '--json')).code).toBe(0);
    const status = await cst(hub, 'sync', 'status', '--json');
    expect(JSON.parse(status.out.join('\n')).value).toMatchObject({ role: 'hub', hub: null, ourLastSeq: expect.any(Number) });

    const town = tempDir();
    expect((await cst(town, 'init', '--role', 'municipality', '--istat', '041067')).code).toBe(0);
    const s = await cst(town, 'sync', 'status');
    expect(s.code).toBe(0);
    expect(s.out[0]).toMatch(/identità non ancora importata/);
    const refused = await cst(town, 'hub', 'members');
    expect(refused.code).toBe(1);
    expect(refused.err.join(' ')).toMatch(/comune/);
  });
});
