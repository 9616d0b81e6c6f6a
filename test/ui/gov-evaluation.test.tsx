import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { HUB } from './fake-api';
import { createGovApi, track } from './gov-fake';
import { DEFAULT_CRITERIA } from '../../shared/governance/evaluation';
import { renderApp } from './render-app';

async function serious(): Promise<string[]> {
  const r = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function proposalApi(status: Parameters<typeof track>[0]) {
  let current = track(status);
  const api = createGovApi(HUB, {
    'gov.proposals.list': () => [{ id: '0b7c1e2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d', owner: '041066', ownerName: 'Urbania', title: current.title, memberStatus: 'submitted', oneOffCents: 1_800_000, yearlyCents: 240_000, track: current }],
    'gov.proposals.ranking': () => [],
    'gov.proposals.get': () => ({
      proposal: { id: '0b7c1e2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d', member: '041066', memberName: 'Urbania', status: 'submitted', version: 1, title: current.title, oneOffCents: 1_800_000, yearlyCents: 240_000, attachments: 0, submittedAt: '2026-10-01T09:00:00.000Z', updatedAt: '2026-10-01T09:00:00.000Z', lastSeq: 3 },
      data: {
        status: 'submitted',
        version: 1,
        title: current.title,
        problem: 'Le frazioni non hanno accesso a internet.',
        solution: 'Punti di accesso nelle piazze.',
        group_id: null,
        benefits: 'Servizi migliori.',
        beneficiaries: [],
        one_off_cents: 1_800_000,
        yearly_cents: 240_000,
        attachments: [],
        submitted_at: '2026-10-01T09:00:00.000Z',
        updated_by: 'Anna Verdi',
      },
      versions: [],
      attachments: [{ sha256: 'a'.repeat(64), bytes: 2048, name: 'preventivo.pdf', type: 'application/pdf', available: true }],
      track: current,
      criteria: DEFAULT_CRITERIA,
      groupName: null,
    }),
    'gov.proposals.act': ({ action }) => {
      const to = action.type === 'not_admit' ? 'not_admitted' : action.type === 'admit' ? 'admitted' : 'under_evaluation';
      current = { ...current, status: to, reason: action.type === 'not_admit' ? action.reason : null, steps: [...current.steps, { from: current.status, to, date: action.date, by: action.by, note: action.type === 'not_admit' ? action.reason : '' }] };
      return current;
    },
  });
  return api;
}

describe('hub: evaluation of a proposal', () => {
  it('computes the weighted total live in exact hundredths, Italian style', async () => {
    window.location.hash = '#/proposals/0b7c1e2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d';
    const api = proposalApi('under_evaluation');
    const { user } = renderApp(api);
    await screen.findByRole('heading', { level: 1, name: 'Wi-Fi pubblico nelle frazioni' }, { timeout: 5000 });
    const scores = await screen.findAllByRole('textbox', { name: /\(peso \d+%\)/ });
    expect(scores).toHaveLength(5);
    expect(screen.getByRole('textbox', { name: 'Beneficio per cittadini e imprese (peso 30%)' })).toBeTruthy();
    // 8·30 + 7·20 + 9·20 + 6·15 + 7·15 = 755 → 7,55
    for (const [i, v] of ['8', '7', '9', '6', '7'].entries()) await user.type(scores[i]!, v);
    expect(screen.getByText('Punteggio totale: 7,55 su 10,00')).toBeTruthy();
    await user.clear(scores[4]!);
    await user.type(scores[4]!, '11');
    await user.click(screen.getByRole('button', { name: 'Registra i punteggi' }));
    const bad = screen.getByRole('textbox', { name: /Coerenza con il Piano triennale/ });
    expect(bad.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(bad.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('Scrivere un numero intero da 0 a 10.');
    expect(api.callsOf('gov.proposals.act')).toHaveLength(0);
    expect(await serious()).toEqual([]);
  });

  it('offers only the legal steps and requires the reason for not admitting', async () => {
    window.location.hash = '#/proposals/0b7c1e2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d';
    const api = proposalApi('under_evaluation');
    const { user } = renderApp(api);
    await screen.findByRole('heading', { name: 'Decisione sulla proposta' });
    const group = screen.getByRole('group', { name: 'Passi possibili per questa proposta' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Ammetti al piano', 'Non ammettere', 'Restituisci per modifiche']);
    expect(screen.queryByRole('button', { name: 'Segna come completata' })).toBeNull();
    await user.click(within(group).getByRole('button', { name: 'Non ammettere' }));
    await user.type(screen.getByRole('textbox', { name: /Chi decide/ }), 'Comitato tecnico');
    await user.click(screen.getByRole('button', { name: 'Conferma: Non ammettere' }));
    const reason = screen.getByRole('textbox', { name: /Motivo della non ammissione/ });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Per non ammettere la proposta scrivere il motivo: il Comune lo leggerà.')).toBeTruthy();
    expect(api.callsOf('gov.proposals.act')).toHaveLength(0);
    expect(await serious()).toEqual([]);
    await user.type(reason, 'Già coperta dal servizio di protocollo.');
    await user.click(screen.getByRole('button', { name: 'Conferma: Non ammettere' }));
    await screen.findByText('La proposta è in uno stato finale: non ci sono altri passi.');
    expect(api.callsOf('gov.proposals.act')).toMatchObject([{ id: '0b7c1e2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d', action: { type: 'not_admit', by: 'Comitato tecnico', reason: 'Già coperta dal servizio di protocollo.' } }]);
    const timeline = screen.getByRole('heading', { name: 'Cronologia della proposta' }).parentElement!;
    expect(within(timeline).getByText('Già coperta dal servizio di protocollo.')).toBeTruthy();
  });

  it('lists received proposals with their state and passes axe', async () => {
    window.location.hash = '#/proposals';
    renderApp(proposalApi('under_evaluation'));
    const table = await screen.findByRole('table', { name: 'Proposte ricevute dai comuni' });
    expect(within(table).getByRole('link', { name: 'Wi-Fi pubblico nelle frazioni' })).toBeTruthy();
    expect(within(table).getAllByText('In valutazione').length).toBeGreaterThan(0);
    expect(await serious()).toEqual([]);
  });
});
