/**
 * One state of a proposal on every screen (issue 13, items 1, 2 and 15), with the real core and
 * real bundles: a withdrawn proposal on the hub's ranking, detail and Membri › Proposte ricevute;
 * an admitted one on the member's Proposte (no "Ritira" any more); the ranking's state filter.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { hubWithProposal, sendTo } from './gov-real';
import { renderApp } from './render-app';

const DAY = '2026-11-26';
const SCORES = { citizen_business_benefit: 8, members_benefiting: 7, feasibility: 9, cost_benefit: 6, national_plan_fit: 7 };

describe('the state of a proposal, one for every screen', () => {
  it('hub: a withdrawn proposal says so in the ranking, the detail (no step offered, the withdrawal in the timeline) and the members’ view', async () => {
    const { hub, town, id } = await hubWithProposal();
    await town.must('proposals.withdraw', { id });
    await sendTo(hub, town);

    window.location.hash = '#/proposals';
    const { user } = renderApp(hub);
    const table = await screen.findByRole('table', { name: 'Proposte ricevute dai comuni' });
    const row = within(table).getByRole('link', { name: 'Wi-Fi pubblico nelle frazioni' }).closest('tr')!;
    expect(within(row).getByText('Ritirata')).toBeTruthy();
    expect(within(table).queryByText('Ricevuta')).toBeNull();

    await user.click(within(row).getByRole('link', { name: 'Wi-Fi pubblico nelle frazioni' }));
    await screen.findByRole('heading', { level: 1, name: 'Wi-Fi pubblico nelle frazioni' });
    expect(screen.getByText(/^Il comune ha ritirato la proposta il \d\d\/\d\d\/\d{4}: non si valuta più/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Avvia la valutazione' })).toBeNull();
    expect(screen.getByText('Il comune ha ritirato la proposta: non ci sono passi da registrare.')).toBeTruthy();
    const timeline = screen.getByRole('heading', { name: 'Cronologia della proposta' }).parentElement!;
    expect(within(timeline).getAllByRole('listitem').map((li) => li.querySelector('.cst-timeline-head')?.textContent?.replace(/^\S+ — /, ''))).toEqual(['Ricevuta', 'Ritirata']);
    expect(hub.callsOf('gov.proposals.act')).toEqual([]);

    window.location.hash = '#/members/proposals';
    const received = await screen.findByRole('table', { name: /proposte/i });
    expect(within(received).getByText('Ritirata')).toBeTruthy();
  });

  it('municipality: once the hub admitted it, Proposte says “Ammessa al piano” and offers neither “Ritira” nor “Modifica”', async () => {
    const { hub, town, id } = await hubWithProposal({ evaluating: true });
    await hub.must('gov.proposals.act', { id, action: { type: 'evaluate', date: DAY, by: 'Comitato tecnico', scores: SCORES } });
    await hub.must('gov.proposals.act', { id, action: { type: 'admit', date: DAY, by: 'Comitato tecnico' } });
    await sendTo(town, hub);

    window.location.hash = '#/proposals';
    renderApp(town);
    const table = await screen.findByRole('table', { name: 'Proposte del Comune' });
    expect(within(table).getByText('Ammessa al piano')).toBeTruthy();
    expect(within(table).queryByText('Inviata')).toBeNull();

    window.location.hash = `#/proposals/${id}`;
    await screen.findByRole('heading', { level: 1, name: 'Proposta: Wi-Fi pubblico nelle frazioni' });
    expect(screen.getByText(/^Il consorzio ha deciso sulla proposta/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ritira la proposta' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Modifica (nuova versione)' })).toBeNull();
    const timeline = screen.getByRole('heading', { name: 'Cronologia della proposta' }).parentElement!;
    expect(within(timeline).getByText(/Ammessa al piano/)).toBeTruthy();
  });

  it('hub: the ranking filters by state, counting each state', async () => {
    const { hub, town } = await hubWithProposal({ evaluating: true });
    const other = await town.must('proposals.create', { title: 'Protocollo unico', problem: 'Tre protocolli.', solution: 'Uno solo.' });
    await town.must('proposals.submit', { id: other.id });
    await sendTo(hub, town);

    window.location.hash = '#/proposals';
    const { user } = renderApp(hub);
    const table = await screen.findByRole('table', { name: 'Proposte ricevute dai comuni' });
    expect(within(table).getAllByRole('link').map((a) => a.textContent)).toHaveLength(2);
    const filter = screen.getByRole('combobox', { name: 'Mostra le proposte' });
    expect(within(filter).getAllByRole('option').map((o) => o.textContent)).toEqual(['In ogni stato (2)', 'Ricevuta (1)', 'In valutazione (1)']);
    await user.selectOptions(filter, 'Ricevuta (1)');
    const filtered = await screen.findByRole('table', { name: 'Proposte ricevute dai comuni: Ricevuta' });
    expect(within(filtered).getAllByRole('link').map((a) => a.textContent)).toEqual(['Protocollo unico']);
  });
});
