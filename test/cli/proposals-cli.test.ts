/**
 * `cst proposals` (issue 13): the same state as the screens, from the same function, on both
 * roles: a hub and Urbino in real data folders, the proposal travelling in real bundles.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/core/app/backend';
import { fixedClock, sequentialIds } from '../../electron/core/platform/defaults';
import { cst, pairedHubAndTown } from './cli-run';

/** Urbino's referent, in the app: a proposal submitted, then withdrawn when `withdraw`. */
async function townProposal(dataDir: string, withdraw: boolean): Promise<string> {
  const b = openBackend({ dataDir, appVersion: '0.0.0-test', clock: fixedClock('2026-11-27T09:00:00.000Z'), ids: sequentialIds(7), log: { info() {}, warn() {}, error() {} }, autoBackupDelayMs: false });
  try {
    const p = await b.dispatch('proposals.create', { title: 'Sportello telematico', problem: 'Carta.', solution: 'Online.' });
    if (!p.ok) throw new Error(p.error.message);
    const { id } = p.value as { id: string };
    await b.dispatch('proposals.submit', { id });
    if (withdraw) await b.dispatch('proposals.withdraw', { id });
    return id;
  } finally {
    b.close();
  }
}

describe('cst proposals', () => {
  it('says a withdrawn proposal is withdrawn on the hub and on the municipality, with the date, and filters by state', async () => {
    const { hub, town, files } = await pairedHubAndTown();
    const id = await townProposal(town, true);
    const bundle = join(files, 'urbino.cstb');
    expect((await cst(['bundle', 'export', '--out', bundle, '--data-dir', town])).code).toBe(0);
    expect((await cst(['bundle', 'import', bundle, '--data-dir', hub])).code).toBe(0);

    const onHub = await cst(['proposals', '--data-dir', hub]);
    expect(onHub.stderr).toBe('');
    expect(onHub.stdout).toBe(`ritirata dal comune il 2026-11-27\tUrbino\tSportello telematico\t${id}\n`);
    const onTown = await cst(['proposals', '--data-dir', town]);
    expect(onTown.stdout).toBe(`ritirata dal comune il 2026-11-27\tSportello telematico\t${id}\n`);

    const json = JSON.parse((await cst(['proposals', '--json', '--data-dir', hub])).stdout);
    expect(json.value).toMatchObject([{ id, member: 'Urbino', stage: 'withdrawn', withdrawnOn: '2026-11-27', steps: [{ to: 'received' }, { to: 'withdrawn' }] }]);
    expect((await cst(['proposals', '--status', 'received', '--data-dir', hub])).stdout).toBe('Nessuna proposta nello stato «ricevuta».\n');
    const bad = await cst(['proposals', '--status', 'ritirata', '--data-dir', hub]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--status vuole uno di: draft, sent, received/);
  });
});
