import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { hubWithProposal } from './gov-real';
import { renderApp } from './render-app';

async function serious(): Promise<string[]> {
  const r = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('hub: evaluation of a proposal', () => {
  it('computes the weighted total live in exact hundredths, Italian style', async () => {
    const { hub: api, id } = await hubWithProposal({ evaluating: true });
    window.location.hash = `#/proposals/${id}`;
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
    const { hub: api, id } = await hubWithProposal({ evaluating: true });
    window.location.hash = `#/proposals/${id}`;
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
    expect(api.callsOf('gov.proposals.act')).toMatchObject([{ id, action: { type: 'not_admit', by: 'Comitato tecnico', reason: 'Già coperta dal servizio di protocollo.' } }]);
    const timeline = screen.getByRole('heading', { name: 'Cronologia della proposta' }).parentElement!;
    expect(within(timeline).getByText('Già coperta dal servizio di protocollo.')).toBeTruthy();
  });

  it('lists received proposals with their state and passes axe', async () => {
    const { hub } = await hubWithProposal({ evaluating: true });
    window.location.hash = '#/proposals';
    renderApp(hub);
    const table = await screen.findByRole('table', { name: 'Proposte ricevute dai comuni' });
    expect(within(table).getByRole('link', { name: 'Wi-Fi pubblico nelle frazioni' })).toBeTruthy();
    expect(within(table).getAllByText('In valutazione').length).toBeGreaterThan(0);
    expect(await serious()).toEqual([]);
  });
});
