/**
 * Issue 15: meetings of the Technical Committee through real bundles. The hub records a meeting
 * (attendance per member with a proxy, the proposals examined, the minutes as a PDF), names it
 * on an evaluation step; the members receive the meeting, its minutes and the step, and each
 * sees its own attendance and its own proposals examined. A step naming a meeting that did not
 * examine the proposal is refused in Italian; CSV of the attendance in Italian Excel form.
 */
import { describe, expect, it } from 'vitest';
import { outboxEvents } from '../helpers/municipality';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

const minutes = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function consortium() {
  const hub = await openHub();
  const urbino = await openTown(hub, '041067');
  const fano = await openTown(hub, '041013');
  await hubToTown(hub, urbino, '041067');
  await hubToTown(hub, fano, '041013');
  const p = await urbino.must('proposals.create', { title: 'Sportello telematico', problem: 'Carta.', solution: 'Online.' });
  await urbino.must('proposals.submit', { id: p.id });
  const q = await fano.must('proposals.create', { title: 'Wi-Fi in biblioteca', problem: 'Nessuna rete.', solution: 'Access point.' });
  await fano.must('proposals.submit', { id: q.id });
  await townToHub(urbino, hub);
  await townToHub(fano, hub);
  return { hub, urbino, fano, p, q };
}

describe('Technical Committee meetings through bundles', () => {
  it('attendance, the proposals examined, the minutes and the decisions reach the members', async () => {
    const { hub, urbino, fano, p, q } = await consortium();
    const form = await hub.must('tc.meetings.form', {});
    expect(form.members.map((m) => m.istat)).toEqual(expect.arrayContaining(['041013', '041067']));
    // The form asks the committee's roster: nobody has designated a technician here, so every
    // member starts as "not designated" (the office marks who came for Urbino and Fano).
    expect(new Set(form.members.map((x) => x.status))).toEqual(new Set(['not_designated']));
    const others = form.members.filter((x) => x.istat !== '041013' && x.istat !== '041067').map((x) => ({ member: x.istat, status: 'not_designated' as const }));
    expect(form.rules.quorum).toMatchObject({ basis: 'designated', kind: 'majority' });

    const m = await hub.must('tc.meetings.save', {
      date: '2026-11-26',
      place: 'Sede del consorzio, Pesaro',
      online: true,
      link: 'https://meet.example.org/ct',
      agenda: ['Proposte ricevute', 'Varie ed eventuali'],
      proposals: [p.id],
      attendance: [
        { member: '041067', status: 'titular' },
        { member: '041013', status: 'proxy', proxy_to: '041067' },
        ...others,
      ],
      notes: '',
    });
    expect(m.quorum).toMatchObject({ base: 2, present: 2, required: 2, reached: true });
    expect(m.created_by).toBe('Ufficio CST');
    const withMinutes = await hub.must('tc.meetings.attach', { id: m.id, name: 'verbale.pdf', type: 'application/pdf', contentBase64: minutes.toString('base64') });
    expect(withMinutes.attachments.map((a) => a.name)).toEqual(['verbale.pdf']);

    // The step names the meeting that decided it.
    const step = await hub.must('gov.proposals.act', { id: p.id, meetingId: m.id, action: { type: 'start_evaluation', date: '2026-11-26', by: 'Comitato tecnico' } });
    expect(step.steps.at(-1)).toMatchObject({ to: 'under_evaluation', meeting: { id: m.id, date: '2026-11-26' } });
    // The scores given at that meeting name it too.
    const scores = { citizen_business_benefit: 8, members_benefiting: 6, feasibility: 9, cost_benefit: 7, national_plan_fit: 8 };
    const scored = await hub.must('gov.proposals.act', { id: p.id, meetingId: m.id, action: { type: 'evaluate', date: '2026-11-26', by: 'Comitato tecnico', scores } });
    expect(scored.steps.at(-1)).toMatchObject({ note_key: 'score_total', meeting: { id: m.id, date: '2026-11-26' } });

    // Fano's proposal was not examined at that meeting: refused, in Italian, nothing written.
    const before = outboxEvents(hub).length;
    const refused = await hub.call('gov.proposals.act', { id: q.id, meetingId: m.id, action: { type: 'start_evaluation', date: '2026-11-26', by: 'Comitato tecnico' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toMatchObject({ code: 'E_VALIDATION', key: 'tc.meetingDidNotExamine', field: 'meetingId', params: { rule: 'TC_MEETING_DID_NOT_EXAMINE' } });
      expect(refused.error.message).toContain('non ha esaminato la proposta «Wi-Fi in biblioteca»');
      expect(refused.error.message).toContain('26/11/2026');
    }
    // A meeting that does not exist, and a meeting after the step's date, are refused too.
    const unknown = await hub.call('gov.proposals.act', { id: q.id, meetingId: '00000000-0000-4000-8000-000000000000', action: { type: 'start_evaluation', date: '2026-11-26', by: 'CT' } });
    expect(unknown.ok ? '' : unknown.error.key).toBe('tc.meetingUnknown');
    expect(outboxEvents(hub).length).toBe(before);

    // Members receive the meeting with its minutes, and the step naming it.
    await hubToTown(hub, urbino, '041067');
    await hubToTown(hub, fano, '041013');
    const [mine] = await urbino.must('tc.meetings.list', {});
    expect(mine).toMatchObject({ id: m.id, date: '2026-11-26', mine: 'titular', myProposals: [{ id: p.id, title: 'Sportello telematico' }], hasMinutes: true, quorum: { reached: true } });
    const [theirs] = await fano.must('tc.meetings.list', {});
    expect(theirs).toMatchObject({ id: m.id, mine: 'proxy', myProposals: [] });
    const file = await urbino.must('tc.meetings.file', { id: m.id, sha256: withMinutes.attachments[0]!.sha256 });
    expect(Buffer.from(file.contentBase64, 'base64').equals(minutes)).toBe(true);
    const timeline = await urbino.must('proposals.timeline', { id: p.id });
    expect(timeline.track!.steps.slice(-2).map((s) => [s.note_key ?? s.to, s.meeting])).toEqual([
      ['under_evaluation', { id: m.id, date: '2026-11-26' }],
      ['score_total', { id: m.id, date: '2026-11-26' }],
    ]);
    const seen = await urbino.must('tc.meetings.get', { id: m.id });
    expect(seen.proposalTitles).toEqual([{ id: p.id, title: 'Sportello telematico', owner: '041067' }]);
    // Only the hub writes meetings.
    const townSave = await urbino.call('tc.meetings.save', { date: '2026-11-26', place: 'Urbino', online: false, agenda: [], proposals: [], attendance: [] });
    expect(townSave.ok).toBe(false);

    // A step decided at the meeting keeps its proposal there, and the meeting itself.
    const keep = await hub.call('tc.meetings.save', { id: m.id, date: '2026-11-26', place: 'Pesaro', online: false, agenda: [], proposals: [], attendance: [] });
    expect(keep.ok ? '' : keep.error.key).toBe('tc.meetingStillNamed');
    const del = await hub.call('tc.meetings.delete', { id: m.id });
    expect(del.ok ? '' : del.error.key).toBe('tc.meetingInUse');

    // A change and a deletion travel too.
    const second = await hub.must('tc.meetings.save', { date: '2026-11-27', place: '', online: true, agenda: ['Prova'], proposals: [q.id], attendance: [{ member: '041013', status: 'absent' }] });
    await hubToTown(hub, fano, '041013');
    expect((await fano.must('tc.meetings.list', {})).map((r) => [r.date, r.mine, r.myProposals.length])).toEqual([
      ['2026-11-27', 'absent', 1],
      ['2026-11-26', 'proxy', 0],
    ]);
    // A step cannot be decided before its meeting took place.
    const early = await hub.call('gov.proposals.act', { id: q.id, meetingId: second.id, action: { type: 'start_evaluation', date: '2026-11-26', by: 'CT' } });
    expect(early.ok ? '' : early.error.key).toBe('tc.meetingAfterStep');
    await hub.must('tc.meetings.delete', { id: second.id });
    await hubToTown(hub, fano, '041013');
    expect((await fano.must('tc.meetings.list', {})).map((r) => r.date)).toEqual(['2026-11-26']);
  });

  it('attendance is checked against the rules and the register exports as Italian Excel CSV', async () => {
    const { hub, p } = await consortium();
    const base = { date: '2026-11-26', place: 'Pesaro', online: false, agenda: [], proposals: [p.id] };
    const proxyToAbsent = await hub.call('tc.meetings.save', {
      ...base,
      attendance: [
        { member: '041067', status: 'absent' },
        { member: '041013', status: 'proxy', proxy_to: '041067' },
      ],
    });
    expect(proxyToAbsent.ok ? '' : proxyToAbsent.error.params?.rule).toBe('TC_PROXY_TO_ABSENT');
    expect(proxyToAbsent.ok ? '' : proxyToAbsent.error.message).toContain('non risulta presente');

    await hub.must('gov.settings.update', { technicalCommittee: { quorum: { basis: 'members', kind: 'fraction', numerator: 2, denominator: 3 }, proxies: { allowed: false, max_per_attendee: 0 } } });
    const noProxies = await hub.call('tc.meetings.save', { ...base, attendance: [{ member: '041067', status: 'titular' }, { member: '041013', status: 'proxy', proxy_to: '041067' }] });
    expect(noProxies.ok ? '' : noProxies.error.key).toBe('tc.proxyNotAllowed');
    const unknownMember = await hub.call('tc.meetings.save', { ...base, attendance: [{ member: '099999', status: 'titular' }] });
    expect(unknownMember.ok ? '' : unknownMember.error.key).toBe('tc.memberUnknown');
    const future = await hub.call('tc.meetings.save', { ...base, date: '2027-03-12', attendance: [] });
    expect(future.ok ? '' : future.error.key).toBe('tc.dateFuture');

    // Counted on every member, 2/3 of them needed; the members not marked are absent.
    const n = (await hub.must('tc.meetings.form', {})).members.length;
    const m = await hub.must('tc.meetings.save', { ...base, attendance: [{ member: '041067', status: 'substitute' }, { member: '041013', status: 'not_designated' }] });
    expect(m.attendance).toHaveLength(n);
    expect(m.quorum).toMatchObject({ base: n, present: 1, required: Math.ceil((n * 2) / 3), reached: false });

    const csv = await hub.must('tc.meetings.csv', { year: 2026 });
    const bytes = Buffer.from(csv.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(csv.fileName).toBe('presenze-comitato-tecnico-2026.csv');
    expect(lines[0]).toBe('Data;Luogo;Numero legale;Presenti;Su;ISTAT;Comune;Presenza;Delega a (ISTAT);Delega a (comune)');
    expect(lines).toHaveLength(1 + n);
    expect(lines).toContain(`26/11/2026;Pesaro;non raggiunto;1;${n};041013;Fano;nessun tecnico designato;;`);
    expect(lines).toContain(`26/11/2026;Pesaro;non raggiunto;1;${n};041067;Urbino;presente (sostituto);;`);
  });
});
