/**
 * Federation through the mailbox with the real CLI and the real `cst mailbox serve` process
 * (README "Federation", "Through the mailbox"): the regional office types the province's mailbox
 * address, `cst sync now` on each side does the rest, `cst sync status` says what is left.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initMailboxFor, startMailboxProcess } from '../helpers/mailbox';
import { tempDir } from '../helpers/temp-dir';
import { addUsage, cst, pairedHubAndTown } from './cli-run';

async function ok(args: string[]): Promise<string> {
  const r = await cst(args);
  expect(r.code, `cst ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

describe('cst federation province-mailbox', () => {
  it('the province forwards through its mailbox at each sync, the region collects at its own', { timeout: 180_000 }, async () => {
    const { hub, town, files } = await pairedHubAndTown();
    const region = tempDir();
    await ok(['init', '--role', 'hub', '--id', 'REG-MARCHE', '--name', 'Ufficio regionale Marche', '--operator', 'Ufficio regionale', '--data-dir', region]);
    await ok(['identity', 'export', '--out', join(files, 'regione.cstid'), '--data-dir', region]);
    const fp = /Impronta: ([0-9 ]+)/.exec(await ok(['federation', 'regional-import', join(files, 'regione.cstid'), '--data-dir', hub]))![1]!;
    await ok(['federation', 'regional-confirm', '--fingerprint', fp, '--data-dir', hub]);
    await ok(['identity', 'export', '--out', join(files, 'CST-PU.cstid'), '--data-dir', hub]);
    const pfp = /Impronta: ([0-9 ]+)/.exec(await ok(['federation', 'province-import', join(files, 'CST-PU.cstid'), '--data-dir', region]))![1]!;
    await ok(['federation', 'province-confirm', 'CST-PU', '--fingerprint', pfp, '--data-dir', region]);

    const mailbox = await startMailboxProcess({ dataDir: await initMailboxFor({ dataDir: hub }) });
    for (const d of [hub, town]) await ok(['sync', 'config', '--mailbox', mailbox.url, '--data-dir', d]);
    const bad = await cst(['federation', 'province-mailbox', 'CST-PU', '--url', 'ftp://casella', '--data-dir', region]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/indirizzo/i);
    expect(await ok(['federation', 'province-mailbox', 'CST-PU', '--url', mailbox.url, '--data-dir', region])).toMatch(
      /^Ufficio provinciale CST Pesaro-Urbino \(CST-PU\): casella postale http:\/\/127\.0\.0\.1:\d+\. La sincronizzazione vi raccoglierà ciò che inoltra\.$/m,
    );

    // The announcement reaches the member, whose next bundle is for both hubs; the province forwards it.
    for (const d of [hub, town, hub, town]) await ok(['sync', 'now', '--data-dir', d]);
    await addUsage(town, 70, [3, 4]);
    for (const d of [town, hub]) await ok(['sync', 'now', '--data-dir', d]);
    expect(await ok(['sync', 'status', '--data-dir', hub])).toMatch(/^Pacchetti dei soci da inoltrare all'ufficio regionale REG-MARCHE: 0$/m);

    await ok(['sync', 'now', '--data-dir', region]);
    expect(await ok(['sync', 'status', '--data-dir', region])).toMatch(
      /^Ufficio provinciale CST Pesaro-Urbino \(CST-PU\), casella http:\/\/127\.0\.0\.1:\d+: ultima raccolta \S+: ricevuti [1-9]\d*, applicati [1-9]\d*, duplicati \d+, in attesa 0, rifiutati 0; nostri pacchetti inviati 1$/m,
    );
    expect(await ok(['federation', 'usage', '--year', '2026', '--data-dir', region])).toBe(
      'Regione (2026): 2 registrazioni (PEC 4 in media al mese)\n  CST Pesaro-Urbino (CST-PU): 2 registrazioni (PEC 4 in media al mese)\n    Urbino (041067): 2 registrazioni (PEC 4 in media al mese)\n',
    );
    // The region's own bundle waits in the province's inbox: the province takes it and sends it down to the member.
    for (const d of [hub, town]) await ok(['sync', 'now', '--data-dir', d]);
    expect(await ok(['sync', 'status', '--data-dir', hub])).toMatch(/^Pacchetti dell'ufficio regionale REG-MARCHE da inoltrare ai soci: 0$/m);
    const history = await ok(['bundle', 'history', '--data-dir', town]);
    expect(history).toMatch(/^ {2}\S+\tapplied\t.*REG-MARCHE.*\t/m);
    await mailbox.stop();
  });
});
