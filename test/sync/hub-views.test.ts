/**
 * The hub's read-only views after bundles from two members: usage by service × member × month
 * (with an update and a delete), training hours by member and year, proposals with an
 * attachment, the members overview with an injected clock.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/platform/defaults';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('hub views of the members records', () => {
  it('usage, training, proposals, attachments and the members overview', async () => {
    const hub = await openHub();
    const offered = await hub.must('hub.courses.save', { title: 'Protezione dei dati', startDate: '2026-10-01', endDate: '2026-10-01', hours: '6' });
    const urbino = await openTown(hub, '041067');
    const other = await openTown(hub, '041044');
    await hubToTown(hub, urbino, '041067');

    // Urbino: usage with an update and a delete, staff, training, a proposal with an attachment.
    const a = await urbino.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '3' });
    const b = await urbino.must('usage.record', { service: 'PEC', date: '2026-10-20', quantity: '4' });
    await urbino.must('usage.update', { id: b.id, service: 'PEC', date: '2026-10-20', quantity: '6' });
    await urbino.must('usage.record', { service: 'SITO', date: '2026-11-02', quantity: '1,5' });
    const gone = await urbino.must('usage.record', { service: 'SITO', date: '2026-11-03', quantity: '100' });
    await urbino.must('usage.delete', { id: gone.id });
    void a;
    const s1 = await urbino.must('staff.create', {});
    const s2 = await urbino.must('staff.create', {});
    const own = await urbino.must('courses.create', { title: 'Excel', startDate: '2025-05-10', endDate: '2025-05-10', hours: '4' });
    await urbino.must('participations.create', { staffId: s1.id, courseId: own.id, completed: true });
    await urbino.must('participations.create', { staffId: s1.id, courseId: offered.id, hours: '5,5', completed: true });
    const p2 = await urbino.must('participations.create', { staffId: s2.id, courseId: offered.id });
    await urbino.must('participations.update', { id: p2.id, staffId: s2.id, courseId: offered.id, hours: '2' });
    const draft = await urbino.must('proposals.create', { title: 'Wi-Fi nelle frazioni', problem: 'Niente rete.', solution: 'Punti di accesso.', oneOffCents: 1_250_000, yearlyCents: 180_000 });
    await urbino.must('attachments.add', { proposalId: draft.id, name: 'preventivo.pdf', type: 'application/pdf', contentBase64: pdf.toString('base64') });
    await urbino.must('proposals.submit', { id: draft.id });
    await urbino.must('proposals.create', { title: 'Solo una bozza' });

    // The other member: usage of the same service and month.
    await other.must('usage.record', { service: 'PEC', date: '2026-10-07', quantity: '10' });

    const first = await townToHub(urbino, hub);
    expect(first.res.outcome).toBe('applied');
    await townToHub(other, hub);

    const all = await hub.must('hub.usage.byMember', {});
    expect(all.cells).toEqual([
      { service: 'PEC', member: '041044', month: '2026-10', quantityMilli: 10_000, quantity: '10', entries: 1 },
      { service: 'PEC', member: '041067', month: '2026-10', quantityMilli: 9_000, quantity: '9', entries: 2 },
      { service: 'SITO', member: '041067', month: '2026-11', quantityMilli: 1_500, quantity: '1.5', entries: 1 },
    ]);
    expect(all.byService).toEqual([
      { service: 'PEC', quantityMilli: 19_000, quantity: '19', entries: 3 },
      { service: 'SITO', quantityMilli: 1_500, quantity: '1.5', entries: 1 },
    ]);
    expect(all.byServiceMonth).toContainEqual({ service: 'PEC', month: '2026-10', quantityMilli: 19_000, quantity: '19', entries: 3 });
    expect(all.services.find((s) => s.code === 'SITO')).toMatchObject({ unit: 'gb', unitIt: 'GB' });
    expect(all.members.map((m) => m.istat)).toEqual(['041044', '041067']);
    expect(all.members[1]!.name).toBe('Urbino');
    const onlyUrbino = await hub.must('hub.usage.byMember', { member: '041067', service: 'PEC', from: '2026-10', to: '2026-10' });
    expect(onlyUrbino.cells).toHaveLength(1);
    expect(onlyUrbino.byServiceMember).toEqual([{ service: 'PEC', member: '041067', quantityMilli: 9_000, quantity: '9', entries: 2 }]);
    const november = await hub.must('hub.usage.byMember', { from: '2026-11', to: '2026-11' });
    expect(november.cells).toEqual([{ service: 'SITO', member: '041067', month: '2026-11', quantityMilli: 1_500, quantity: '1.5', entries: 1 }]);
    expect((await hub.must('hub.usage.byMember', { from: '2026-10' })).byService).toEqual(all.byService);
    const capped = await hub.must('hub.usage.byMember', { limit: 1 });
    expect(capped).toMatchObject({ truncated: true, byService: all.byService });
    expect(capped.cells).toHaveLength(1);

    const training = await hub.must('hub.training.byMember', {});
    expect(training).toEqual([
      { member: '041067', name: 'Urbino', year: 2026, participations: 2, completed: 1, hoursMilli: 7_500, hours: '7.5', staff: 2, hoursPerEmployee: '3.75' },
      { member: '041067', name: 'Urbino', year: 2025, participations: 1, completed: 1, hoursMilli: 4_000, hours: '4', staff: 2, hoursPerEmployee: '2' },
    ]);
    // The hub moves its course to another year: the members' hours follow.
    await hub.must('hub.courses.save', { id: offered.id, title: 'Protezione dei dati', startDate: '2025-10-01', endDate: '2025-10-01', hours: '6' });
    expect(await hub.must('hub.training.byMember', { year: 2025 })).toEqual([
      expect.objectContaining({ member: '041067', year: 2025, participations: 3, hoursMilli: 11_500 }),
    ]);
    expect(await hub.call('hub.courses.delete', { id: offered.id })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });

    const proposals = await hub.must('hub.proposals.list', {});
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ id: draft.id, member: '041067', memberName: 'Urbino', status: 'submitted', version: 1, attachments: 1, oneOffCents: 1_250_000 });
    expect(await hub.must('hub.proposals.list', { includeDrafts: true })).toHaveLength(2);
    const detail = await hub.must('hub.proposals.get', { id: draft.id });
    expect(detail.versions.map((v) => [v.status, v.version])).toEqual([
      ['draft', 0],
      ['draft', 0],
      ['submitted', 1],
    ]);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(detail.attachments).toEqual([{ sha256: sha, bytes: pdf.length, name: 'preventivo.pdf', type: 'application/pdf', available: true }]);
    const file = await hub.must('hub.attachments.get', { sha256: sha });
    expect(Buffer.from(file.contentBase64, 'base64').equals(pdf)).toBe(true);
    expect(file).toMatchObject({ name: 'preventivo.pdf', type: 'application/pdf' });
    expect(await hub.call('hub.attachments.get', { sha256: '0'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });

    // Members overview, 40 days after the imports.
    hub.backend.ctx.clock = fixedClock('2027-01-05T10:00:00.000Z');
    const overview = await hub.must('hub.members.overview', {});
    expect(overview.staleDays).toBe(30);
    const u = overview.members.find((m) => m.istat === '041067')!;
    expect(u).toMatchObject({ status: 'confirmed', lastSeq: first.exp.range.last, daysSinceLastSync: 40, stale: true, waitingBundles: 0, eventsWaiting: 0 });
    expect(u.lastEventAt).toMatch(/^2026-11-26T/);
    expect(overview.members.find((m) => m.istat === '041001')).toMatchObject({ status: 'none', lastSeq: 0, daysSinceLastSync: null, stale: false });
    await hub.must('hub.members.setStaleDays', { days: 60 });
    expect((await hub.must('hub.members.overview', {})).members.find((m) => m.istat === '041067')!.stale).toBe(false);
    expect((await hub.must('hub.members.overview', { staleDays: 10 })).members.find((m) => m.istat === '041044')!.stale).toBe(true);

    // A bundle that waits for a gap is counted with its events.
    await urbino.must('usage.record', { service: 'PEC', date: '2026-11-10', quantity: '1' });
    urbino.backend.ctx.db.prepare("UPDATE peers SET acked_seq = (SELECT max(seq) FROM outbox) WHERE kind = 'hub'").run();
    await urbino.must('usage.record', { service: 'PEC', date: '2026-11-11', quantity: '1' });
    const { tempDir } = await import('../helpers/temp-dir');
    const [gap] = await urbino.must('bundle.export', { dir: tempDir() });
    const [pending] = await hub.must('bundle.import', { files: [{ path: gap!.path }] });
    expect(pending!.outcome).toBe('pending');
    expect((await hub.must('hub.members.overview', {})).members.find((m) => m.istat === '041067')).toMatchObject({ waitingBundles: 1, eventsWaiting: 1 });
  });
});
