/**
 * Issue 13, item 11: the hub's files for all its members are named by town, and in the window
 * they come as ONE ZIP (a bundle per member, stored as is, and LEGGIMI.txt town → file). The
 * ZIP is opened with Debian's `unzip`, and each extracted file is imported by its member as is.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { asciiFileWord, italianDay, townBundleNames } from '../../electron/core/sync/bundles/bundle-file-names';
import type { PeerRecord } from '../../electron/core/sync/peers/peers-store';
import type { InstallationRecord } from '../../electron/core/platform/installation/installation-store';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

async function introduce(a: TestBackend, b: TestBackend): Promise<void> {
  const file = await a.must('identity.export', {});
  const peer = await b.must('identity.import', { contentBase64: file.contentBase64 });
  await b.must('identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
}

/** A hub and two members; the hub's clock at 23:30 UTC, already the next day in Italy. */
async function consortium() {
  const hub = openTestBackend({ start: '2026-12-05T23:30:00.000Z' });
  await hub.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' });
  const towns: TestBackend[] = [];
  for (const istat of ['041067', '041057']) {
    const t = openTestBackend({ start: '2026-11-20T08:00:00.000Z' });
    await t.must('setup.municipality', { istat, operator: 'Anna Rossi' });
    await introduce(t, hub);
    await introduce(hub, t);
    towns.push(t);
  }
  return { hub, urbino: towns[0]!, vado: towns[1]! };
}

describe('files for every member, named by town', () => {
  it('cst bundle export --all-members writes Town-YYYY-MM-DD.cstb (Italian day), ASCII names', async () => {
    const { hub, vado } = await consortium();
    const dir = tempDir();
    const out = await hub.must('bundle.export', { dir, allMembers: true });
    expect(readdirSync(dir).sort()).toEqual(['Sant-Angelo-in-Vado-2026-12-06.cstb', 'Urbino-2026-12-06.cstb']);
    expect(out.map((o) => [o.recipientName, o.fileName]).sort()).toEqual([
      ["Sant'Angelo in Vado", 'Sant-Angelo-in-Vado-2026-12-06.cstb'],
      ['Urbino', 'Urbino-2026-12-06.cstb'],
    ]);
    const [res] = await vado.must('bundle.import', { files: [{ path: join(dir, 'Sant-Angelo-in-Vado-2026-12-06.cstb') }] });
    expect(res!.outcome).toBe('applied');
  }, 60_000);

  it('bundle.exportArchive: one ZIP that unzip opens; LEGGIMI.txt lists town → file; each file imports as is', async () => {
    const { hub, urbino, vado } = await consortium();
    const zip = await hub.must('bundle.exportArchive', { lang: 'it' });
    expect(zip.fileName).toBe('CST-PU-membri-2026-12-06.zip');
    const bytes = Buffer.from(zip.contentBase64, 'base64');
    expect(bytes.length).toBe(zip.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(zip.sha256);
    const work = tempDir();
    writeFileSync(join(work, zip.fileName), bytes);
    const list = spawnSync('unzip', ['-Z1', zip.fileName], { cwd: work, encoding: 'utf8' });
    expect(list.status).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual(['LEGGIMI.txt', 'Sant-Angelo-in-Vado-2026-12-06.cstb', 'Urbino-2026-12-06.cstb']);
    const out = join(work, 'estratti');
    expect(spawnSync('unzip', ['-q', zip.fileName, '-d', out], { cwd: work }).status).toBe(0);
    const readme = readFileSync(join(out, 'LEGGIMI.txt'), 'utf8');
    // A BOM and CRLF: Notepad on an old Windows PC shows the accents and the lines.
    expect(readme.startsWith('\uFEFFCST Pesaro-Urbino: pacchetti per i membri del 06/12/2026\r\n')).toBe(true);
    expect(readme).toContain("\r\nSant'Angelo in Vado (041057): Sant-Angelo-in-Vado-2026-12-06.cstb (");
    expect(readme).toContain('\r\nUrbino (041067): Urbino-2026-12-06.cstb (');
    for (const [town, name] of [[urbino, 'Urbino-2026-12-06.cstb'], [vado, 'Sant-Angelo-in-Vado-2026-12-06.cstb']] as const) {
      const file = readFileSync(join(out, name));
      const listed = zip.files.find((f) => f.fileName === name)!;
      expect(createHash('sha256').update(file).digest('hex')).toBe(listed.sha256);
      expect(file.subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
      const [res] = await town.must('bundle.import', { files: [{ path: join(out, name) }] });
      expect(res!.outcome).toBe('applied');
    }
    // Nothing of it stays in the hub's data folder; the exports are in the history.
    expect(readdirSync(join(hub.dataDir, 'outbox-tmp'))).toEqual([]);
    expect((await hub.must('bundle.history', {})).exports.map((e) => e.fileName).sort()).toEqual(['Sant-Angelo-in-Vado-2026-12-06.cstb', 'Urbino-2026-12-06.cstb']);
  }, 60_000);

  it('in English the list is README.txt, and a municipality cannot ask for it', async () => {
    const { hub, urbino } = await consortium();
    const zip = await hub.must('bundle.exportArchive', { lang: 'en' });
    expect(zip).toMatchObject({ fileName: 'CST-PU-members-2026-12-06.zip', readme: 'README.txt' });
    const refused = await urbino.call('bundle.exportArchive', {});
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/Solo il consorzio/);
  }, 60_000);

  it('names: accents and apostrophes become plain ASCII; twins get their ISTAT code; the day is Italy’s', () => {
    expect(asciiFileWord('Forlì')).toBe('Forli');
    expect(asciiFileWord("Sant'Angelo in Vado")).toBe('Sant-Angelo-in-Vado');
    expect(asciiFileWord('Mercatello sul Metauro')).toBe('Mercatello-sul-Metauro');
    expect(italianDay('2026-06-30T22:30:00.000Z')).toBe('2026-07-01');
    expect(italianDay('2026-12-06T22:59:00.000Z')).toBe('2026-12-06');
    const hub = { role: 'hub', id: 'CST-X' } as InstallationRecord;
    const peer = (id: string, name: string) => ({ kind: 'municipality', id, name }) as PeerRecord;
    const names = townBundleNames(hub, [peer('041045', 'Peglio'), peer('013183', 'Peglio'), peer('041067', 'Urbino')], '2026-12-06T10:00:00.000Z');
    expect([...names.values()]).toEqual(['Peglio-041045-2026-12-06.cstb', 'Peglio-013183-2026-12-06.cstb', 'Urbino-2026-12-06.cstb']);
  });
});
