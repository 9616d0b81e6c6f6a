/**
 * Issue 12, bulk enrolment: many identity files imported at once (a ZIP made with `zip -r`,
 * several files, a folder's files by path) and confirmed from a list of fingerprints (CSV).
 * Real identities made by the app's own key code, a real hub on a real SQLite file.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IdentityImportItem } from '../../shared/domain/identity-bulk';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { confirmationCsv, memberIdentity, writeIdentities, zipFolder, type MemberIdentity } from '../helpers/member-identities';
import { tempDir } from '../helpers/temp-dir';
import { introduce, openHub } from '../sync/hub-helpers';

const PU = [
  { istat: '041001', name: 'Acqualagna' },
  { istat: '041002', name: 'Apecchio' },
  { istat: '041005', name: "Belforte all'Isauro" },
  { istat: '041006', name: 'Borgo Pace' },
  { istat: '041007', name: 'Cagli' },
  { istat: '041008', name: 'Cantiano' },
];

const b64 = (bytes: Buffer) => bytes.toString('base64');
const byIstat = (items: IdentityImportItem[], istat: string) => items.filter((i) => i.member?.id === istat);

function peerStatus(hub: TestBackend, istat: string): { peer: string | undefined; member: string | undefined } {
  const db = hub.backend.ctx.db;
  return {
    peer: db.prepare("SELECT status FROM peers WHERE kind = 'municipality' AND id = ?").pluck().get(istat) as string | undefined,
    member: db.prepare('SELECT status FROM members WHERE istat = ?').pluck().get(istat) as string | undefined,
  };
}

/** A hub with the first four of PU imported from a ZIP made with `zip -r` (folders, data descriptors). */
async function hubWithImported(): Promise<{ hub: TestBackend; ids: MemberIdentity[] }> {
  const hub = await openHub();
  const ids = PU.map((m) => memberIdentity(m));
  const parent = tempDir();
  writeIdentities(join(parent, 'identita'), ids.slice(0, 4));
  const zip = zipFolder(parent, 'identita');
  const r = await hub.must('identity.importMany', { files: [{ name: 'soci.zip', contentBase64: b64(zip) }] });
  expect(r.counts).toMatchObject({ imported: 4, failed: 0 });
  return { hub, ids };
}

describe('identity.importMany', () => {
  it('imports every good file of a ZIP and of the files given, and lists each bad one with its reason', async () => {
    const hub = await openHub();
    const ids = PU.map((m) => memberIdentity(m));
    const parent = tempDir();
    const folder = join(parent, 'identita');
    writeIdentities(folder, [
      ...ids.slice(0, 3),
      { fileName: 'LEGGIMI.txt', bytes: Buffer.from('Identità dei comuni\r\n') },
      { fileName: 'rotto.cstid', bytes: ids[3]!.bytes.subarray(0, 200) },
    ]);
    writeIdentities(join(folder, 'altri'), [memberIdentity({ istat: '058091', name: 'Roma' })]);
    const zip = zipFolder(parent, 'identita');
    // `zip -r` to a pipe writes the folders' own entries and data descriptors: the reader takes both.
    const header = zip.indexOf(Buffer.from(`identita/${ids[0]!.fileName}`)) - 30;
    expect(zip.readUInt32LE(header)).toBe(0x04034b50);
    expect(zip.readUInt16LE(header + 6) & 0x08).toBe(0x08);
    expect(zip.includes(Buffer.from('identita/altri/'))).toBe(true);

    const other = memberIdentity(PU[4]!);
    const r = await hub.must('identity.importMany', {
      files: [
        { name: 'soci.zip', contentBase64: b64(zip) },
        { name: other.fileName, contentBase64: b64(other.bytes) },
        { name: 'non-zip.zip', contentBase64: b64(Buffer.from('non sono uno zip')) },
        // The same member twice with different keys: neither is taken.
        { name: 'cantiano-1.cstid', contentBase64: b64(ids[5]!.bytes) },
        { name: 'cantiano-2.cstid', contentBase64: b64(memberIdentity(PU[5]!).bytes) },
      ],
    });
    expect(r.counts).toEqual({ imported: 4, replaced: 0, unchanged: 0, skipped: 1, failed: 5 });
    const bySource = Object.fromEntries(r.items.map((i) => [i.source, i]));
    for (const id of ids.slice(0, 3)) {
      expect(bySource[`soci.zip › identita/${id.fileName}`]).toEqual({
        source: `soci.zip › identita/${id.fileName}`,
        outcome: 'imported',
        member: { id: id.istat, name: id.name, fingerprint: id.fingerprint, status: 'pending' },
        error: null,
      });
    }
    expect(bySource[other.fileName]).toMatchObject({ outcome: 'imported', member: { id: other.istat } });
    expect(bySource['soci.zip › identita/LEGGIMI.txt']).toMatchObject({ outcome: 'skipped', error: { key: 'identityBulk.notIdentityFile', message: 'Non è un file .cstid: lasciato da parte.' } });
    expect(bySource['soci.zip › identita/rotto.cstid']).toMatchObject({ outcome: 'failed', member: null, error: { code: 'E_FORMAT', key: 'identityFile.format' } });
    expect(bySource['soci.zip › identita/altri/identita-058091.cstid']).toMatchObject({
      outcome: 'failed',
      error: { key: 'identity.notAMember', message: expect.stringContaining("Il comune Roma (058091) non è nell'elenco dei soci") },
    });
    expect(bySource['non-zip.zip']).toMatchObject({ outcome: 'failed', error: { key: 'identityBulk.archiveUnreadable', message: expect.stringMatching(/^Il file ZIP non-zip\.zip non si può leggere/) } });
    for (const source of ['cantiano-1.cstid', 'cantiano-2.cstid']) {
      expect(bySource[source]).toMatchObject({ outcome: 'failed', error: { key: 'identityBulk.sameMemberTwice', message: expect.stringContaining('Ci sono più file per Cantiano (041008) con chiavi diverse') } });
    }
    // Stored: the good ones, pending; nothing of the others.
    const peers = await hub.must('peers.list', {});
    expect(peers.map((p) => [p.id, p.status]).sort()).toEqual([
      ['041001', 'pending'],
      ['041002', 'pending'],
      ['041005', 'pending'],
      ['041007', 'pending'],
    ]);
  });

  it('reads a folder’s files and a ZIP by path (the CLI), and says what was already there or replaced', async () => {
    const { hub, ids } = await hubWithImported();
    const dir = writeIdentities(tempDir(), [ids[0]!, memberIdentity(PU[1]!), ids[4]!]);
    const r = await hub.must('identity.importMany', {
      files: [ids[0]!, ids[1]!, ids[4]!].map((id) => ({ path: join(dir, id.fileName) })).concat([{ path: join(dir, 'manca.cstid') }]),
    });
    expect(r.items.map((i) => [i.source, i.outcome])).toEqual([
      ['identita-041001.cstid', 'unchanged'],
      ['identita-041002.cstid', 'replaced'],
      ['identita-041007.cstid', 'imported'],
      ['manca.cstid', 'failed'],
    ]);
    expect(r.items[3]!.error).toMatchObject({ key: 'identityBulk.unreadable', message: 'Il file manca.cstid non si può leggere (ENOENT).' });
    expect(byIstat(r.items, '041002')[0]!.member!.fingerprint).not.toBe(ids[1]!.fingerprint);

    // Too large to be an identity file: refused having read no more than the limit, loose or in a ZIP.
    const big = { fileName: 'grande.cstid', bytes: Buffer.alloc(70 * 1024, 1) };
    writeIdentities(join(dir, 'soci'), [big, ids[5]!]);
    writeIdentities(dir, [big]);
    const zip = join(dir, 'soci.zip');
    writeIdentities(dir, [{ fileName: 'soci.zip', bytes: zipFolder(dir, 'soci') }]);
    const limits = await hub.must('identity.importMany', { files: [{ path: join(dir, 'grande.cstid') }, { path: zip }] });
    expect(limits.items.map((i) => [i.source, i.outcome, i.error?.key ?? null]).sort()).toEqual([
      ['grande.cstid', 'failed', 'identityFile.limit'],
      ['soci.zip › soci/grande.cstid', 'failed', 'identityFile.limit'],
      ['soci.zip › soci/identita-041008.cstid', 'imported', null],
    ]);
  });

  it('is the hub’s: a municipality is refused', async () => {
    const town = openTestBackend();
    await town.must('setup.municipality', { istat: '041067', operator: 'Maria Rossi' });
    const r = await town.call('identity.importMany', { files: [{ name: 'a.cstid', contentBase64: 'AA==' }] });
    expect(r).toMatchObject({ ok: false, error: { key: 'identityBulk.hubOnly' } });
  });
});

describe('identity.confirmMany', () => {
  it('confirms each member whose fingerprint matches, lists every other row with its line, confirms nothing for it', async () => {
    const { hub, ids } = await hubWithImported();
    const [acqualagna, apecchio, belforte, borgoPace] = ids as [MemberIdentity, MemberIdentity, MemberIdentity, MemberIdentity];
    const wrong = memberIdentity(PU[3]!).fingerprint;
    const csv = confirmationCsv([
      [acqualagna.istat, acqualagna.fingerprint], // line 2: confirmed
      ['41002', apecchio.fingerprint.replaceAll(' ', '-')], // 3: leading zero dropped by Excel, dashes: confirmed
      [borgoPace.istat, wrong], // 4: fingerprint differs
      ['041007', ids[4]!.fingerprint], // 5: member, nothing imported
      ['999999', acqualagna.fingerprint], // 6: no such municipality
      ['058091', acqualagna.fingerprint], // 7: Roma, not a member
      [belforte.istat], // 8: no fingerprint
      ['abc', belforte.fingerprint], // 9: not a code
      [belforte.istat, '1,23457E+29'], // 10: Excel's number; Belforte is also listed twice
      [belforte.istat, belforte.fingerprint], // 11: right, but listed twice
    ]);
    const r = await hub.must('identity.confirmMany', { name: 'impronte.csv', contentBase64: b64(csv) });
    expect(r.counts).toEqual({ confirmed: 2, alreadyConfirmed: 0, mismatch: 8 });
    expect(r.applied).toEqual([]);
    expect(r.rows.map((row) => [row.line, row.istat, row.outcome, row.error?.key ?? null])).toEqual([
      [2, '041001', 'confirmed', null],
      [3, '041002', 'confirmed', null],
      [4, '041006', 'mismatch', 'identityBulk.mismatch'],
      [5, '041007', 'mismatch', 'identityBulk.notImported'],
      [6, '999999', 'mismatch', 'identityBulk.unknownCode'],
      [7, '058091', 'mismatch', 'identityBulk.notMember'],
      [8, '041005', 'mismatch', 'identityBulk.rowMalformed'],
      [9, 'abc', 'mismatch', 'identityBulk.codeMalformed'],
      [10, '041005', 'mismatch', 'identityBulk.fingerprintMalformed'],
      [11, '041005', 'mismatch', 'identityBulk.duplicateCode'],
    ]);
    const messages = Object.fromEntries(r.rows.map((row) => [row.line, row.error?.message]));
    expect(messages[4]).toBe("L’impronta dell’elenco non coincide con quella del file importato per Borgo Pace (041006): non confermato. Verificare con il comune quale file abbia inviato.");
    expect(messages[5]).toBe('Nessun file di identità importato per Cagli (041007): importare prima il suo file .cstid.');
    expect(messages[7]).toBe('Roma (058091) non è tra i soci del consorzio: nessuna conferma.');
    expect(messages[10]).toMatch(/^L’impronta ha 8 cifre invece di 30/);
    expect(messages[11]).toBe('Il codice 041005 compare più volte nell’elenco (righe 8, 10, 11): nessuna conferma per questo comune finché l’elenco non lo riporta una volta sola.');
    expect(r.rows[0]!.name).toBe('Acqualagna');

    // Confirmed: the peer and the registry together; the others untouched.
    expect(peerStatus(hub, '041001')).toEqual({ peer: 'confirmed', member: 'confirmed' });
    expect(peerStatus(hub, '041002')).toEqual({ peer: 'confirmed', member: 'confirmed' });
    expect(peerStatus(hub, '041005')).toEqual({ peer: 'pending', member: 'pending' });
    expect(peerStatus(hub, '041006')).toEqual({ peer: 'pending', member: 'pending' });

    // The same list again, comma-separated, no header: the two are already confirmed; Belforte fixed.
    const again = Buffer.from([`${acqualagna.istat},${acqualagna.fingerprint}`, `${apecchio.istat},${apecchio.fingerprint}`, `${belforte.istat}, ${belforte.fingerprint}`].join('\n'));
    const r2 = await hub.must('identity.confirmMany', { name: 'impronte.csv', contentBase64: b64(again) });
    expect(r2.counts).toEqual({ confirmed: 1, alreadyConfirmed: 2, mismatch: 0 });
    expect(r2.rows.map((row) => [row.line, row.outcome])).toEqual([
      [1, 'alreadyConfirmed'],
      [2, 'alreadyConfirmed'],
      [3, 'confirmed'],
    ]);
    expect(peerStatus(hub, '041005')).toEqual({ peer: 'confirmed', member: 'confirmed' });
  });

  it('reads the list by path (the CLI), and refuses a list with no row or not CSV text', async () => {
    const { hub, ids } = await hubWithImported();
    const dir = tempDir();
    const path = join(dir, 'impronte.csv');
    writeIdentities(dir, [{ fileName: 'impronte.csv', bytes: confirmationCsv([[ids[0]!.istat, ids[0]!.fingerprint]]) }]);
    const r = await hub.must('identity.confirmMany', { path });
    expect(r.counts.confirmed).toBe(1);
    expect(await hub.call('identity.confirmMany', { name: 'vuoto.csv', contentBase64: b64(confirmationCsv([])) })).toMatchObject({ ok: false, error: { key: 'identityBulk.listEmpty' } });
    expect(await hub.call('identity.confirmMany', { name: 'x.csv', contentBase64: b64(ids[1]!.bytes) })).toMatchObject({ ok: false, error: { key: 'csvFile.xlsx' } });
    expect(peerStatus(hub, '041002').peer).toBe('pending');
  });

  it('applies the bundles a member sent before it was confirmed, as the single confirmation does', async () => {
    const hub = await openHub();
    const town = openTestBackend({ start: '2026-11-26T08:00:00.000Z' });
    await town.must('setup.municipality', { istat: '041067', operator: 'Maria Rossi' });
    await introduce(hub, town);
    await town.must('usage.record', { service: 'PEC', date: '2026-10-01', quantity: '3' });
    const file = await town.must('identity.export', {});
    const me = await town.must('identity.show', {});
    const imported = await hub.must('identity.importMany', { files: [{ name: file.fileName, contentBase64: file.contentBase64 }] });
    expect(imported.counts.imported).toBe(1);
    const [exp] = await town.must('bundle.export', { dir: tempDir() });
    const [kept] = await hub.must('bundle.import', { files: [{ path: exp!.path }] });
    expect(kept!.outcome).toBe('kept');

    const r = await hub.must('identity.confirmMany', { name: 'impronte.csv', contentBase64: b64(confirmationCsv([['041067', me.fingerprint]])) });
    expect(r.counts.confirmed).toBe(1);
    expect(r.applied.map((a) => [a.outcome, a.sender?.id])).toEqual([['applied', '041067']]);
  });
});
