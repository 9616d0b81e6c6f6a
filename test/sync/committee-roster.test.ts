/**
 * The Technical Committee's designations and roster (issue 15) through real bundles between a
 * hub and municipalities, each on its own SQLite file: a member designates its technician and a
 * substitute (its own record), changes it twice, the three bundles reach the hub in the wrong
 * order and the hub shows the latest; a member ending its designation leaves the roster after its
 * last day; the hub publishes the committee back and a member sees who represents whom; a group's
 * coordinator is chosen among the designated technicians; the CSV of the roster.
 */
import { describe, expect, it } from 'vitest';
import { technicianDesignationKind } from '../../shared/records/committee';
import type { TestBackend } from '../helpers/backend';
import { outboxEvents } from '../helpers/municipality';
import { tempDir } from '../helpers/temp-dir';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

const rossi = { technicianName: 'Mario Rossi', technicianCode: 'TEC-1', substituteName: 'Anna Verdi', substituteCode: 'SOS-1', role: 'Responsabile servizi informativi', officeEmail: 'ced@comune.urbino.pu.it', officePhone: '0722 309111', from: '2026-01-01' };

/** A bundle with only what the member wrote since the last one (as if the hub had acknowledged it). */
async function nextBundle(town: TestBackend): Promise<string> {
  const [exp] = await town.must('bundle.export', { dir: tempDir() });
  town.backend.ctx.db.prepare("UPDATE peers SET acked_seq = (SELECT max(seq) FROM outbox) WHERE kind = 'hub'").run();
  return exp!.path;
}

const csvText = (b64: string) => Buffer.from(b64, 'base64').toString('utf8').replace(/^\uFEFF/, '');

describe('Technical Committee: designations and roster', () => {
  it('a designation changed twice arrives out of order: the hub applies it in order and shows the latest', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    await urbino.must('settings.update', { shareNames: true });
    const first = await urbino.must('committee.designation.save', rossi);
    expect(first).toMatchObject({ technician: { name: 'Mario Rossi', code: 'TEC-1' }, substitute: { name: 'Anna Verdi', code: 'SOS-1' }, from: '2026-01-01', until: null, namesShared: true, seenByHub: false });
    const b1 = await nextBundle(urbino);
    // Second version: a new substitute; third: a new technician from March (the old one until then).
    await urbino.must('committee.designation.save', { ...rossi, substituteName: 'Luca Neri', substituteCode: 'SOS-2' });
    const b2 = await nextBundle(urbino);
    await urbino.must('committee.designation.save', { ...rossi, technicianName: 'Giulia Bianchi', technicianCode: 'TEC-2', substituteName: 'Luca Neri', substituteCode: 'SOS-2', from: '2026-03-01' });
    const b3 = await nextBundle(urbino);

    // One record, three versions, canonical like every record.
    const mine = outboxEvents(urbino).filter((e) => e.kind === 'technician_designation');
    expect(new Set(mine.map((e) => e.id)).size).toBe(1);
    expect(mine).toHaveLength(3);
    for (const e of mine) expect(JSON.stringify(technicianDesignationKind.schema.parse(e.data))).toBe(JSON.stringify(e.data));

    // The hub receives the last bundle first, then the second, then the first.
    const [r3] = await hub.must('bundle.import', { files: [{ path: b3 }] });
    const [r2] = await hub.must('bundle.import', { files: [{ path: b2 }] });
    expect([r3!.outcome, r2!.outcome]).toEqual(['pending', 'pending']);
    expect((await hub.must('committee.roster', { date: '2026-11-26' })).seats.find((s) => s.istat === '041067')!.status).toBe('none');
    const [r1] = await hub.must('bundle.import', { files: [{ path: b1 }] });
    expect(r1!.outcome).toBe('applied');

    const today = await hub.must('committee.roster', { date: '2026-11-26' });
    const seat = today.seats.find((s) => s.istat === '041067')!;
    expect(seat).toMatchObject({ memberName: 'Urbino', status: 'designated', technician: { name: 'Giulia Bianchi', code: 'TEC-2' }, substitute: { name: 'Luca Neri', code: 'SOS-2' }, from: '2026-03-01', until: null, role: 'Responsabile servizi informativi', officeEmail: 'ced@comune.urbino.pu.it' });
    // Before March the first technician represented Urbino, with the corrected substitute.
    const february = (await hub.must('committee.roster', { date: '2026-02-15' })).seats.find((s) => s.istat === '041067')!;
    expect(february).toMatchObject({ status: 'designated', technician: { name: 'Mario Rossi', code: 'TEC-1' }, substitute: { name: 'Luca Neri' }, from: '2026-01-01' });
    // Members with nobody designated are listed as such.
    expect(today.seats.find((s) => s.istat === '041044')).toMatchObject({ memberName: 'Pesaro', status: 'none', technician: null });
    expect(today.designated).toBe(1);
    expect(today.seats.length).toBeGreaterThan(40);

    // The hub published Urbino's seat as each bundle was applied (in the member's order): the
    // last publication is the latest version as Urbino sent it, and one record holds it.
    const seats = outboxEvents(hub).filter((e) => e.kind === 'committee_seat');
    expect(new Set(seats.map((e) => e.id)).size).toBe(1);
    expect(seats.at(-1)!.data).toMatchObject({ member: '041067', technician: { code: 'TEC-2', display_name: 'Giulia Bianchi' }, from: '2026-03-01' });
  });

  it('a member that ends its designation leaves the roster after its last day; the roster and the CSV reach the members', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    const pesaro = await openTown(hub, '041044');
    // Urbino does not share names: only the codes leave.
    await urbino.must('committee.designation.save', rossi);
    await townToHub(urbino, hub);
    await pesaro.must('settings.update', { shareNames: true });
    await pesaro.must('committee.designation.save', { technicianName: 'Paolo Gialli', substituteName: '', role: 'Istruttore informatico', from: '2026-02-01' });
    await townToHub(pesaro, hub);
    const sent = outboxEvents(urbino).find((e) => e.kind === 'technician_designation')!;
    expect(JSON.stringify(sent.data)).not.toMatch(/Rossi|Verdi/);
    expect((await hub.must('committee.roster', { date: '2026-11-26' })).seats.find((s) => s.istat === '041067')).toMatchObject({ technician: { name: null, code: 'TEC-1' }, substitute: { name: null, code: 'SOS-1' } });

    // Urbino ends its designation on 31 December: a new version of the same record.
    const ended = await urbino.must('committee.designation.end', { until: '2026-12-31' });
    expect(ended).toMatchObject({ until: '2026-12-31', technician: { name: 'Mario Rossi' } });
    expect(await urbino.call('committee.designation.end', { until: '2025-12-31' })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', key: 'committee.untilBeforeFrom', field: 'until' } });
    await townToHub(urbino, hub);
    const on = async (date: string) => (await hub.must('committee.roster', { date })).seats.find((s) => s.istat === '041067')!.status;
    expect(await on('2026-12-30')).toBe('designated');
    expect(await on('2026-12-31')).toBe('designated');
    expect(await on('2027-01-01')).toBe('ended');
    expect(await on('2025-12-31')).toBe('none');

    // The Technical Director coordinates the committee (hub settings, Executive Committee).
    await hub.must('gov.settings.update', { executiveCommittee: { members: ['041067'], technicalDirector: 'Ing. Carla Ferri' } });
    expect((await hub.must('committee.roster', { date: '2027-01-01' })).coordinator).toBe('Ing. Carla Ferri');
    const csv = await hub.must('committee.rosterCsv', { date: '2027-01-01' });
    const text = csvText(csv.contentBase64);
    expect(csv.fileName).toBe('comitato-tecnico-2027-01-01.csv');
    expect(text.split('\r\n')[0]).toBe('Comune;Codice ISTAT;Stato;Tecnico designato;Sostituto;Ruolo;E-mail dell’ufficio;Telefono dell’ufficio;Dal;Al');
    expect(text).toContain('Coordinatore (Direttore tecnico);;;Ing. Carla Ferri;');
    expect(text).toContain('Urbino;041067;designazione terminata;TEC-1;SOS-1;Responsabile servizi informativi;ced@comune.urbino.pu.it;0722 309111;01/01/2026;31/12/2026');
    expect(text).toContain('Pesaro;041044;designato;Paolo Gialli (TEC-1);;Istruttore informatico;;;01/02/2026;');
    expect(text).toMatch(/Fano;041013;nessun tecnico designato;/);
    const en = csvText((await hub.must('committee.rosterCsv', { date: '2027-01-01', lang: 'en' })).contentBase64);
    expect(en).toMatch(/^Municipality;ISTAT code;Status/);
    expect(en).toContain('Urbino;041067;designation ended;');

    // Back to the members: the hub's stream carries the seats; Pesaro sees who represents whom.
    await hubToTown(hub, pesaro, '041044');
    const seen = await pesaro.must('committee.roster', { date: '2026-11-26' });
    // The coordinator travels too (the hub's `committee_coordinator` announcement).
    expect(seen.coordinator).toBe('Ing. Carla Ferri');
    expect(seen.seats.find((s) => s.istat === '041067')).toMatchObject({ status: 'designated', technician: { name: null, code: 'TEC-1' }, until: '2026-12-31' });
    expect(seen.seats.find((s) => s.istat === '041044')).toMatchObject({ status: 'designated', technician: { name: 'Paolo Gialli', code: 'TEC-1' } });
    expect(seen.seats.find((s) => s.istat === '041013')).toMatchObject({ status: 'none' });
    expect((await pesaro.must('committee.roster', { date: '2027-01-02' })).seats.find((s) => s.istat === '041067')!.status).toBe('ended');
    // Pesaro's own designation: the hub's copy says the same, so it was received.
    expect((await pesaro.must('committee.designation.get', {})).designation).toMatchObject({ seenByHub: true });
    await hubToTown(hub, urbino, '041067');
    expect((await urbino.must('committee.designation.get', {})).designation).toMatchObject({ seenByHub: true, until: '2026-12-31' });
    const pesaroCsv = csvText((await pesaro.must('committee.rosterCsv', { date: '2026-11-26' })).contentBase64);
    expect(pesaroCsv).toContain('Coordinatore (Direttore tecnico);;;Ing. Carla Ferri;');
    expect(pesaroCsv).toContain('Urbino;041067;designato;TEC-1;SOS-1;');

    // Saving the settings again announces nothing new; clearing the name withdraws the coordinator.
    const coordinatorEvents = () => outboxEvents(hub).filter((e) => e.kind === 'committee_coordinator').map((e) => e.op);
    await hub.must('gov.settings.update', { executiveCommittee: { members: ['041067'], technicalDirector: 'Ing. Carla Ferri' } });
    await hub.must('gov.settings.update', { reportNamed: true });
    expect(coordinatorEvents()).toEqual(['put']);
    await hub.must('gov.settings.update', { executiveCommittee: { members: ['041067'], technicalDirector: '' } });
    expect(coordinatorEvents()).toEqual(['put', 'delete']);
    await hubToTown(hub, pesaro, '041044');
    expect((await pesaro.must('committee.roster', {})).coordinator).toBeNull();
  });

  it('the member history: saving the same designation writes nothing; name sharing writes it again; the CSV lists every version', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    expect((await urbino.must('committee.designation.get', {})).designation).toBeNull();
    expect(await urbino.call('committee.designation.end', { until: '2026-12-31' })).toMatchObject({ ok: false, error: { key: 'committee.nothingToEnd' } });
    expect(await urbino.call('committee.designation.save', { ...rossi, substituteCode: 'TEC-1' })).toMatchObject({ ok: false, error: { key: 'committee.sameCode', field: 'substituteCode' } });
    expect(await urbino.call('committee.designation.save', { ...rossi, officeEmail: 'ced at comune' })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    expect(await urbino.call('committee.designation.save', { ...rossi, until: '2025-01-01' })).toMatchObject({ ok: false, error: { key: 'committee.untilBeforeFrom' } });
    await urbino.must('committee.designation.save', { ...rossi, technicianCode: '', substituteCode: '' });
    await urbino.must('committee.designation.save', rossi);
    expect(outboxEvents(urbino).filter((e) => e.kind === 'technician_designation')).toHaveLength(1);
    await urbino.must('settings.update', { shareNames: true });
    const events = outboxEvents(urbino).filter((e) => e.kind === 'technician_designation');
    expect(events).toHaveLength(2);
    expect(events[1]!.data).toMatchObject({ technician: { code: 'TEC-1', display_name: 'Mario Rossi' }, substitute: { code: 'SOS-1', display_name: 'Anna Verdi' } });
    await urbino.must('committee.designation.end', { until: '2027-06-30' });
    const history = await urbino.must('history.get', { kind: 'technician_designation', id: events[0]!.id });
    expect(history.versions.map((v) => v.changed)).toEqual([expect.arrayContaining(['technician', 'from']), ['technician', 'substitute'], ['until']]);
    const csv = await urbino.must('committee.designation.csv', {});
    expect(csv.rows).toBe(3);
    const lines = csvText(csv.contentBase64).trim().split('\r\n');
    expect(lines[0]).toMatch(/^Versione;Data della modifica;Codice del tecnico;Nome del tecnico;/);
    // The name typed by the clerk shows in its own CSV, also where it did not leave.
    expect(lines[1]).toMatch(/^1;26\/11\/2026;TEC-1;Mario Rossi;SOS-1;Anna Verdi;.*;01\/01\/2026;;no;Operatore 041067$/);
    expect(lines[3]).toMatch(/;01\/01\/2026;30\/06\/2027;sì;/);
    // The hub has no designation of its own.
    expect(await hub.call('committee.designation.save', rossi)).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
  });

  it('a thematic group coordinator is chosen among the designated technicians', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    await urbino.must('settings.update', { shareNames: true });
    await urbino.must('committee.designation.save', rossi);
    expect(await hub.call('hub.groups.save', { name: 'Sicurezza', coordinator: { istat: '041067', person: 'Mario Rossi' } })).toMatchObject({ ok: false, error: { key: 'hub.coordinatorNotDesignated', field: 'coordinator.person' } });
    await townToHub(urbino, hub);
    expect(await hub.must('committee.coordinators', {})).toEqual([
      { istat: '041067', memberName: 'Urbino', person: 'Mario Rossi', role: 'technician' },
      { istat: '041067', memberName: 'Urbino', person: 'Anna Verdi', role: 'substitute' },
    ]);
    const g = await hub.must('hub.groups.save', { name: 'Sicurezza', coordinator: { istat: '041067', person: 'Anna Verdi' } });
    expect(g.coordinator).toMatchObject({ istat: '041067', person: 'Anna Verdi', memberName: 'Urbino' });
    expect(await hub.call('hub.groups.save', { id: g.id, name: 'Sicurezza', coordinator: { istat: '041067', person: 'Ing. Bianchi' } })).toMatchObject({ ok: false, error: { key: 'hub.coordinatorNotDesignated' } });
    // Urbino ends the designation: the group keeps its coordinator when saved again unchanged.
    await urbino.must('committee.designation.end', { until: '2026-11-01' });
    await townToHub(urbino, hub);
    expect(await hub.must('committee.coordinators', {})).toEqual([]);
    expect((await hub.must('hub.groups.save', { id: g.id, name: 'Sicurezza informatica', coordinator: { istat: '041067', person: 'Anna Verdi' } })).name).toBe('Sicurezza informatica');
    expect(await hub.call('committee.coordinators', {}).then((r) => r.ok)).toBe(true);
    expect(await urbino.call('committee.coordinators', {})).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
  });
});
