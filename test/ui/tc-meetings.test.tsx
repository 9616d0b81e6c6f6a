/**
 * Issue 15 on the screens, with the real core and real bundles: the hub records a Technical
 * Committee meeting (attendance grid with a proxy, quorum live), names it on a step of the
 * proposal's evaluation and the timeline says so; the committee's rules are set beside the
 * Executive Committee; Urbino sees its technician's attendance and its proposal examined, in
 * Italian and in English. axe stays clean on every page.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIVE, fiveMembers, hubWithProposal, sendTo } from './gov-real';
import { renderApp } from './render-app';
import { seriousViolations } from './axe-serious';

async function hubWithMeeting() {
  const { hub, town, id } = await hubWithProposal({ evaluating: true });
  await fiveMembers(hub);
  const others = FIVE.filter((m) => m !== '041067' && m !== '041013').map((member) => ({ member, status: 'not_designated' as const }));
  const meeting = await hub.must('tc.meetings.save', {
    date: '2026-11-26',
    place: 'Sede del consorzio, Pesaro',
    online: false,
    agenda: ['Esame delle proposte'],
    proposals: [id],
    attendance: [{ member: '041067', status: 'titular' }, { member: '041013', status: 'proxy', proxy_to: '041067' }, ...others],
  });
  await hub.must('tc.meetings.attach', { id: meeting.id, name: 'verbale.pdf', type: 'application/pdf', contentBase64: btoa('%PDF-1.4 verbale') });
  return { hub, town, id, meeting };
}

describe('hub: Technical Committee meetings', () => {
  it('records a meeting with the attendance grid, the quorum said live, and lists it', async () => {
    const { hub, id } = await hubWithProposal({ evaluating: true });
    await fiveMembers(hub);
    window.location.hash = '#/proposals/meetings';
    const { user } = renderApp(hub);
    await screen.findByRole('region', { name: 'Riunioni del Comitato tecnico' }, { timeout: 5000 });
    expect(screen.getByText('Nessuna riunione registrata.')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Registra una riunione' }));
    await screen.findByRole('heading', { level: 1, name: 'Nuova riunione del Comitato tecnico' }, { timeout: 5000 });
    const date = screen.getByRole('textbox', { name: /^Data della riunione/ });
    await user.clear(date);
    await user.type(date, '26/11/2026');
    await user.type(screen.getByRole('textbox', { name: /^Luogo/ }), 'Sede del consorzio');
    await user.type(screen.getByRole('textbox', { name: /^Ordine del giorno/ }), 'Proposte ricevute');
    await user.click(screen.getByRole('checkbox', { name: 'Wi-Fi pubblico nelle frazioni — Urbino' }));
    const grid = screen.getByRole('region', { name: 'Presenze' });
    // Five members, none with a technician on the committee's roster: all start "not designated".
    expect(within(grid).getByRole('status').textContent).toBe('Numero legale: non raggiunto. Presenti 0 su 0, ne servono 0.');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Presenza di Urbino' }), 'titular');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Presenza di Fano' }), 'proxy');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Comune a cui Fano ha dato la delega' }), '041067');
    for (const name of ['Pesaro', 'Urbania']) await user.selectOptions(screen.getByRole('combobox', { name: `Presenza di ${name}` }), 'not_designated');
    // Two counted (one present, one by proxy): more than half.
    expect(within(grid).getByRole('status').textContent).toBe('Numero legale: raggiunto. Presenti 2 su 2, ne servono 2.');
    expect(await seriousViolations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Salva la riunione' }));
    await waitFor(() => expect(hub.callsOf('tc.meetings.save')).toHaveLength(1));
    const [sent] = hub.callsOf('tc.meetings.save') as { date: string; proposals: string[]; attendance: { member: string; status: string; proxy_to: string | null }[] }[];
    expect(sent).toMatchObject({ date: '2026-11-26', proposals: [id] });
    expect(sent!.attendance).toContainEqual({ member: '041013', status: 'proxy', proxy_to: '041067' });
    await screen.findByRole('heading', { level: 1, name: 'Riunione del Comitato tecnico del 26/11/2026' }, { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Scarica il verbale in PDF' })).toBeTruthy();
    expect(screen.getByText('Nessun file allegato.')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Torna alle riunioni' }));
    const list = await screen.findByRole('region', { name: 'Riunioni del Comitato tecnico' });
    expect(await within(list).findByText('Raggiunto (2 su 2)')).toBeTruthy();
    expect(within(list).getByRole('button', { name: 'Esporta le presenze in CSV' })).toBeTruthy();
  });

  it('a step names the meeting that decided it and the timeline says so, in Italian and English', async () => {
    const { hub, id } = await hubWithMeeting();
    window.location.hash = `#/proposals/${id}`;
    const { user } = renderApp(hub);
    await screen.findByRole('heading', { level: 1, name: 'Wi-Fi pubblico nelle frazioni' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Restituisci per modifiche' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /^Riunione che ha deciso il passo/ }), 'Comitato tecnico del 26/11/2026');
    await user.type(screen.getByRole('textbox', { name: /^Chi decide/ }), 'Comitato tecnico');
    await user.type(screen.getByRole('textbox', { name: /^Modifiche richieste al Comune/ }), 'Aggiungere un preventivo.');
    expect(await seriousViolations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Conferma: Restituisci per modifiche' }));
    await waitFor(() => expect(hub.callsOf('gov.proposals.act')).toHaveLength(1));
    expect(hub.callsOf('gov.proposals.act')[0]).toMatchObject({ meetingId: expect.any(String) });
    const timeline = (await screen.findByRole('heading', { name: 'Cronologia della proposta' })).closest('.cst-timeline') as HTMLElement;
    expect(await within(timeline).findByText('Esaminata nella riunione del Comitato tecnico del 26/11/2026')).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
    const en = (await screen.findByRole('heading', { name: 'Timeline of the proposal' })).closest('.cst-timeline') as HTMLElement;
    expect(within(en).getByText(/^Examined at the Technical Committee meeting of /)).toBeTruthy();
  });

  it('the scores name the meeting that gave them, carry its date, and the timeline says so', async () => {
    const { hub, id, meeting } = await hubWithMeeting();
    window.location.hash = `#/proposals/${id}`;
    const { user } = renderApp(hub);
    await screen.findByRole('heading', { level: 1, name: 'Wi-Fi pubblico nelle frazioni' }, { timeout: 5000 });
    const form = await screen.findByRole('region', { name: 'Valutazione del Comitato tecnico' });
    const scores = within(form).getAllByRole('textbox', { name: /\(peso \d+%\)/ });
    for (const [i, v] of ['8', '7', '9', '6', '7'].entries()) await user.type(scores[i]!, v);
    const picker = within(form).getByRole('combobox', { name: /^Riunione che ha assegnato i punteggi/ });
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['Nessuna', 'Comitato tecnico del 26/11/2026']);
    await user.selectOptions(picker, 'Comitato tecnico del 26/11/2026');
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(form).getByRole('button', { name: 'Registra i punteggi' }));
    await waitFor(() => expect(hub.callsOf('gov.proposals.act')).toHaveLength(1));
    expect(hub.callsOf('gov.proposals.act')[0]).toMatchObject({ id, meetingId: meeting.id, action: { type: 'evaluate', date: '2026-11-26' } });
    const timeline = (await screen.findByRole('heading', { name: 'Cronologia della proposta' })).closest('.cst-timeline') as HTMLElement;
    expect(await within(timeline).findByText('Esaminata nella riunione del Comitato tecnico del 26/11/2026')).toBeTruthy();
    const track = await hub.must('gov.proposals.get', { id });
    expect(track.track!.steps.at(-1)).toMatchObject({ to: 'under_evaluation', note_key: 'score_total', meeting: { id: meeting.id, date: '2026-11-26' } });
  });

  it('sets the committee’s quorum and proxies beside the Executive Committee', async () => {
    const { hub } = await hubWithProposal();
    window.location.hash = '#/proposals/criteria';
    const { user } = renderApp(hub);
    const card = await screen.findByRole('region', { name: 'Comitato tecnico: numero legale e deleghe' }, { timeout: 5000 });
    await user.click(within(card).getByRole('radio', { name: 'tutti i comuni soci' }));
    await user.click(within(card).getByRole('radio', { name: 'Almeno una frazione' }));
    await user.clear(within(card).getByRole('textbox', { name: /^Numeratore/ }));
    await user.type(within(card).getByRole('textbox', { name: /^Numeratore/ }), '2');
    await user.clear(within(card).getByRole('textbox', { name: /^Denominatore/ }));
    await user.type(within(card).getByRole('textbox', { name: /^Denominatore/ }), '3');
    await user.click(within(card).getByRole('checkbox', { name: 'Sono ammesse le deleghe a un altro comune presente' }));
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(card).getByRole('button', { name: 'Salva le regole del Comitato tecnico' }));
    await waitFor(() => expect(hub.callsOf('gov.settings.update')).toHaveLength(1));
    expect((await hub.must('gov.settings.get', {})).technicalCommittee).toEqual({
      quorum: { basis: 'members', kind: 'fraction', numerator: 2, denominator: 3 },
      proxies: { allowed: false, max_per_attendee: 0 },
    });
  });
});

describe('municipality: the meetings of the Technical Committee', () => {
  for (const [locale, title, status, present] of [
    ['it', 'Comitato tecnico: riunioni e presenze del Comune', 'Presente (tecnico designato)', 'Raggiunto (2 su 2)'],
    ['en', 'Technical Committee: meetings and the municipality’s attendance', 'Present (designated technician)', 'Reached (2 of 2)'],
  ] as const) {
    it(`shows its technician's attendance and its proposals examined (${locale})`, async () => {
      const { hub, town } = await hubWithMeeting();
      await sendTo(town, hub);
      window.location.hash = '#/proposals';
      const { user } = renderApp(town);
      if (locale === 'en') {
        await screen.findByRole('heading', { level: 1, name: 'Proposte al Comitato tecnico' }, { timeout: 5000 });
        await user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
      }
      const card = await screen.findByRole('region', { name: title }, { timeout: 5000 });
      expect(await within(card).findByText(status)).toBeTruthy();
      expect(within(card).getByText('Wi-Fi pubblico nelle frazioni')).toBeTruthy();
      expect(within(card).getByText(present)).toBeTruthy();
      // The minutes came with the hub's bundle.
      expect(within(card).getByRole('button', { name: locale === 'it' ? 'Scarica verbale.pdf' : 'Download verbale.pdf' })).toBeTruthy();
      expect(await seriousViolations()).toEqual([]);
    });
  }
});
