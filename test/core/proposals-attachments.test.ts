import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openMunicipality, outboxEvents } from '../helpers/municipality';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const odt = Buffer.concat([Buffer.from('504b0304140000000000', 'hex'), Buffer.alloc(16), Buffer.from([8, 0, 0, 0]), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text')]);
const docx = Buffer.concat([Buffer.from('504b030414000600080000002100', 'hex'), Buffer.from('[Content_Types].xml ... word/document.xml')]);
const b64 = (b: Buffer) => b.toString('base64');

const draft = { title: 'Wi-Fi pubblico nelle frazioni', problem: 'Le frazioni non hanno connettività.', solution: 'Punti di accesso comuni.', oneOffCents: 1_250_000, yearlyCents: 180_000, beneficiaries: ['041001', '041002'] };

describe('proposals', () => {
  it('goes draft → submitted (locked: an edit makes a new version) → withdrawn, and shows every version', async () => {
    const t = await openMunicipality();
    const p = await t.must('proposals.create', { title: 'Bozza' });
    expect(p).toMatchObject({ status: 'draft', version: 0, attachments: [] });
    expect(await t.call('proposals.submit', { id: p.id })).toMatchObject({ ok: false, error: { field: 'problem' } });
    await t.must('proposals.update', { id: p.id, ...draft });
    const edited = await t.must('proposals.update', { id: p.id, ...draft, benefits: 'Servizio turistico' });
    expect(edited).toMatchObject({ status: 'draft', version: 0 });
    const submitted = await t.must('proposals.submit', { id: p.id });
    expect(submitted).toMatchObject({ status: 'submitted', version: 1, submittedAt: expect.stringMatching(/^2026-11-26T/) });
    const v2 = await t.must('proposals.update', { id: p.id, ...draft, yearlyCents: 200_000 });
    expect(v2).toMatchObject({ status: 'submitted', version: 2, yearlyCents: 200_000 });
    expect(await t.call('proposals.delete', { id: p.id })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    const withdrawn = await t.must('proposals.withdraw', { id: p.id });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', version: 2 });
    expect(await t.call('proposals.update', { id: p.id, ...draft })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    expect(await t.call('proposals.withdraw', { id: p.id })).toMatchObject({ ok: false });

    const detail = await t.must('proposals.get', { id: p.id });
    expect(detail.versions.map((v) => [v.data.status, v.data.version])).toEqual([
      ['draft', 0],
      ['draft', 0],
      ['draft', 0],
      ['submitted', 1],
      ['submitted', 2],
      ['withdrawn', 2],
    ]);
    expect(detail.versions[3]!.data.yearly_cents).toBe(180_000);
    expect(detail.versions[4]!.data.yearly_cents).toBe(200_000);
    expect((await t.must('proposals.list', { status: 'withdrawn' })).map((x) => x.id)).toEqual([p.id]);
    expect((await t.must('home.summary', {})).proposals).toEqual({ draft: 0, submitted: 0, withdrawn: 1 });
    expect(await t.must('log.verify', {})).toMatchObject({ ok: true, events: 6 });
  });

  it('deletes a draft with a delete event', async () => {
    const t = await openMunicipality();
    const p = await t.must('proposals.create', { title: 'Da buttare' });
    await t.must('proposals.delete', { id: p.id });
    expect(outboxEvents(t).map((e) => e.op)).toEqual(['put', 'delete']);
    expect(await t.must('proposals.list', {})).toEqual([]);
  });

  it('refuses bad amounts, bad ISTAT codes and long texts', async () => {
    const t = await openMunicipality();
    expect(await t.call('proposals.create', { title: 'x', oneOffCents: -1 })).toMatchObject({ ok: false, error: { field: 'oneOffCents' } });
    expect(await t.call('proposals.create', { title: 'x', yearlyCents: 12.5 })).toMatchObject({ ok: false, error: { field: 'yearlyCents' } });
    expect(await t.call('proposals.create', { title: 'x', beneficiaries: ['41001'] })).toMatchObject({ ok: false, error: { field: 'beneficiaries.0' } });
    expect(await t.call('proposals.create', { title: 'x', beneficiaries: ['041001', '999999'] })).toMatchObject({ ok: false, error: { field: 'beneficiaries.1' } });
    expect(await t.call('proposals.create', { title: 'x', groupId: '00000000-0000-4000-8000-0000000000ff' })).toMatchObject({ ok: false, error: { field: 'groupId' } });
    expect(await t.call('proposals.create', { title: 'x', problem: 'y'.repeat(10_000_000) })).toMatchObject({ ok: false, error: { field: 'problem' } });
    expect(await t.call('proposals.create', { title: '' })).toMatchObject({ ok: false, error: { field: 'title' } });
    expect(outboxEvents(t)).toEqual([]);
  });
});

describe('attachments', () => {
  it('stores files by SHA-256 under the data folder and lists them on the proposal', async () => {
    const t = await openMunicipality();
    const p = await t.must('proposals.create', draft);
    let q = await t.must('attachments.add', { proposalId: p.id, name: 'preventivo.pdf', type: 'application/pdf', contentBase64: b64(pdf) });
    q = await t.must('attachments.add', { proposalId: p.id, name: 'mappa.png', type: 'image/png', contentBase64: b64(png) });
    q = await t.must('attachments.add', { proposalId: p.id, name: 'relazione.odt', type: '', contentBase64: b64(odt) });
    q = await t.must('attachments.add', { proposalId: p.id, name: 'lettera.docx', type: 'application/octet-stream', contentBase64: b64(docx) });
    expect(q.attachments.map((a) => a.type)).toEqual([
      'application/pdf',
      'image/png',
      'application/vnd.oasis.opendocument.text',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(q.attachments[0]).toEqual({ sha256: sha, bytes: pdf.length, name: 'preventivo.pdf', type: 'application/pdf' });
    const file = join(t.dataDir, 'attachments', sha);
    expect(readFileSync(file).equals(pdf)).toBe(true);
    expect(await t.must('attachments.get', { sha256: sha })).toEqual({ sha256: sha, type: 'application/pdf', bytes: pdf.length, contentBase64: b64(pdf) });
    // After submission, adding or removing an attachment is a new version.
    await t.must('proposals.submit', { id: p.id });
    const r = await t.must('attachments.remove', { proposalId: p.id, sha256: sha });
    expect(r).toMatchObject({ version: 2 });
    expect(r.attachments).toHaveLength(3);
    expect(existsSync(file)).toBe(true); // earlier versions still refer to it
  });

  it.each([
    ['an executable named .pdf', 'preventivo.pdf', 'application/pdf', Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode'), 'type'],
    ['a plain ZIP', 'archivio.docx', '', Buffer.from('504b03040a0000000000', 'hex'), 'type'],
    ['a PNG declared as PDF', 'x.pdf', 'application/pdf', png, 'type'],
    ['an empty file', 'vuoto.pdf', 'application/pdf', Buffer.alloc(0), 'contentBase64'],
  ])('refuses %s, changing nothing', async (_what, name, type, bytes, field) => {
    const t = await openMunicipality();
    const p = await t.must('proposals.create', draft);
    const r = await t.call('attachments.add', { proposalId: p.id, name, type, contentBase64: b64(bytes) });
    expect(r).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', field } });
    expect(outboxEvents(t)).toHaveLength(1);
    expect(existsSync(join(t.dataDir, 'attachments'))).toBe(false);
  });

  it('refuses a file over 50 MiB with a clear message', async () => {
    const t = await openMunicipality();
    const p = await t.must('proposals.create', draft);
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x20);
    pdf.copy(big);
    const r = await t.call('attachments.add', { proposalId: p.id, name: 'grande.pdf', type: 'application/pdf', contentBase64: b64(big) });
    expect(r).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', message: expect.stringMatching(/50 MB/) } });
    expect(outboxEvents(t)).toHaveLength(1);
  });

  it('refuses the same file twice and a file on a withdrawn proposal', async () => {
    const t = await openMunicipality();
    const p = await t.must('proposals.create', draft);
    await t.must('attachments.add', { proposalId: p.id, name: 'a.pdf', type: 'application/pdf', contentBase64: b64(pdf) });
    expect(await t.call('attachments.add', { proposalId: p.id, name: 'b.pdf', type: 'application/pdf', contentBase64: b64(pdf) })).toMatchObject({ ok: false });
    await t.must('proposals.submit', { id: p.id });
    await t.must('proposals.withdraw', { id: p.id });
    expect(await t.call('attachments.add', { proposalId: p.id, name: 'c.png', type: 'image/png', contentBase64: b64(png) })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
  });
});
