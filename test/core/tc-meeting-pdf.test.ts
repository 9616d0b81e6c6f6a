/**
 * Issue 15: the record (verbale) of a Technical Committee meeting as a PDF, Italian and English,
 * printed by the plan documents' machinery (a local headless Chromium here), read back with
 * pdftotext: date, place, agenda, proposals examined, attendance with the proxy, quorum and the
 * decision taken at the meeting.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../electron/core/governance/report-pdf';
import { hubToTown, openHub, openTown, townToHub } from '../sync/hub-helpers';
import { tempDir } from '../helpers/temp-dir';

const canPrint = existsSync('/usr/bin/pdftotext') && findBrowser() !== null;

describe.skipIf(!canPrint)('the verbale of a Technical Committee meeting', () => {
  it('prints in Italian and in English with what the meeting recorded', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    await hubToTown(hub, urbino, '041067');
    const p = await urbino.must('proposals.create', { title: 'Sportello telematico', problem: 'Carta.', solution: 'Online.' });
    await urbino.must('proposals.submit', { id: p.id });
    await townToHub(urbino, hub);
    const m = await hub.must('tc.meetings.save', {
      date: '2026-11-26',
      place: 'Sede del consorzio, Pesaro',
      online: false,
      agenda: ['Esame delle proposte ricevute'],
      proposals: [p.id],
      attendance: [
        { member: '041067', status: 'titular' },
        { member: '041013', status: 'proxy', proxy_to: '041067' },
      ],
      notes: 'Seduta aperta alle 10.',
    });
    await hub.must('gov.proposals.act', { id: p.id, meetingId: m.id, action: { type: 'start_evaluation', date: '2026-11-26', by: 'Comitato tecnico' } });

    const it = join(tempDir(), 'verbale.pdf');
    const res = await hub.must('tc.meetings.pdf', { id: m.id, out: it });
    expect(res.path).toBe(it);
    const text = execFileSync('pdftotext', [it, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of ['Verbale della riunione del Comitato tecnico del 26/11/2026', 'Sede del consorzio, Pesaro', '1. Esame delle proposte ricevute', 'Sportello telematico', 'Urbino', 'per delega', 'Numero legale', 'in valutazione', 'Seduta aperta alle 10.']) {
      expect(text).toContain(s);
    }

    const en = await hub.must('tc.meetings.pdf', { id: m.id, lang: 'en' });
    expect(en.fileName).toBe('technical-committee-minutes-2026-11-26.pdf');
    const enPath = join(tempDir(), en.fileName);
    writeFileSync(enPath, Buffer.from(en.contentBase64!, 'base64'));
    const enText = execFileSync('pdftotext', [enPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of ['Minutes of the Technical Committee meeting of 26/11/2026', 'Attendance', 'by proxy', 'Quorum', 'under evaluation']) expect(enText).toContain(s);
  });
});
