/** `cst sync config`, `cst sync now`, `cst sync status` over a shared folder, in process. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { addUsage, cst, pairedHubAndTown } from './cli-run';

async function json(args: string[]) {
  const r = await cst([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).value;
}

describe('cst sync', () => {
  it('config, now and status: the town’s usage reaches the hub and the hub’s acknowledgement comes back', async () => {
    const { hub, town } = await pairedHubAndTown();
    const folder = tempDir();
    expect((await cst(['sync', 'now', '--data-dir', town])).stderr).toMatch(/non è configurata/);
    for (const dir of [hub, town]) {
      const r = await cst(['sync', 'config', '--folder', folder, '--data-dir', dir]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/tramite: cartella condivisa/);
    }
    await addUsage(town, 50, [3, 4, 5]);

    const now = await cst(['sync', 'now', '--data-dir', town]);
    expect(now.code, now.stderr).toBe(0);
    expect(now.stdout).toMatch(/Sincronizzazione riuscita\. Pacchetti inviati: 1, ricevuti: 0, applicati: 0\./);
    expect((await cst(['sync', 'now', '--data-dir', hub])).stdout).toMatch(/ricevuti: 1, applicati: 1/);
    expect((await cst(['sync', 'now', '--data-dir', town])).stdout).toMatch(/ricevuti: 1, applicati: 1/);

    const status = await json(['sync', 'status', '--data-dir', town]);
    // The position with the hub, as before, and the agent's part under `network`.
    expect(status).toMatchObject({ role: 'municipality', ackedByHub: status.ourLastSeq, waiting: 0 });
    expect(status.network).toMatchObject({ state: 'idle', folder, mailbox: null, eventsToSend: 0, bundlesToSend: 0, lastError: null });
    expect(status.network.lastSuccessAt).toEqual(expect.any(String));
    const text = await cst(['sync', 'status', '--data-dir', town]);
    expect(text.stdout).toMatch(/Sincronizzazione in rete: in ordine/);
    expect(text.stdout).toMatch(/Ultima sincronizzazione riuscita: 2026/);

    // The folder gone (a network share not mounted): exit 1 with the reason, and the status says it.
    const gone = join(folder, 'non-montata');
    await cst(['sync', 'config', '--folder', gone, '--data-dir', town]);
    const failed = await cst(['sync', 'now', '--data-dir', town]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/La cartella condivisa .*non-montata non è raggiungibile: nuovo tentativo alle \d\d:\d\d/);
    const offline = await json(['sync', 'status', '--data-dir', town]);
    expect(offline.network).toMatchObject({ state: 'offline', lastError: { key: 'syncAgent.folderOffline' } });
    expect(offline.network.nextAttemptAt).toEqual(expect.any(String));
    const en = await cst(['sync', 'status', '--data-dir', town, '--lang', 'en']);
    expect(en.stdout).toMatch(/The shared folder .* cannot be reached/);

    // Removing both: sync is off.
    const off = await json(['sync', 'config', '--folder', '', '--mailbox', '', '--data-dir', town]);
    expect(off).toMatchObject({ state: 'off', folder: null, mailbox: null, lastError: null });
    const typed = await json(['sync', 'config', '--mailbox', 'https://mailbox.cst-pu.it/', '--data-dir', town]);
    expect(typed).toMatchObject({ mailbox: 'https://mailbox.cst-pu.it', mailboxFromHub: false });
    expect((await cst(['sync', 'config', '--mailbox', 'ftp://x', '--data-dir', town])).code).toBe(1);
  }, 90_000);
});
