import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { hubWithProposal, sendTo } from './gov-real';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';
import { usePlanStore } from '../../renderer/src/features/plan/store';

describe('hub: the Executive Committee in the settings and its votes', () => {
  it('saves the chosen municipalities and the Director', async () => {
    window.location.hash = '#/proposals/criteria';
    const api = await openUiBackend({ as: 'hub' });
    const { user } = renderApp(api);
    const card = await screen.findByRole('region', { name: 'Comitato esecutivo e Direttore tecnico' }, { timeout: 5000 });
    expect(within(card).getByText('Nessun comune scelto: il Comitato esecutivo non è ancora registrato.')).toBeTruthy();
    await user.type(within(card).getByRole('textbox', { name: 'Direttore tecnico' }), 'Ing. Anna Rossi');
    await user.click(within(card).getByRole('checkbox', { name: 'Urbino (041067)' }));
    await user.click(within(card).getByRole('checkbox', { name: 'Pesaro (041044)' }));
    expect(within(card).getByRole('status').textContent).toBe('Comuni nel Comitato (2): Pesaro, Urbino.'); // in the registry's order
    await user.click(within(card).getByRole('button', { name: 'Salva la composizione' }));
    await waitFor(() => expect(api.callsOf('gov.settings.update')).toHaveLength(1));
    expect(api.callsOf('gov.settings.update')).toMatchObject([{ executiveCommittee: { members: ['041067', '041044'], technicalDirector: 'Ing. Anna Rossi' } }]);
    expect((await api.must('gov.settings.get', {})).executiveCommittee).toEqual({ members: ['041044', '041067'], technicalDirector: 'Ing. Anna Rossi' });
  });

  it('pre-fills the committee’s components as present and sends no electorate of its own', async () => {
    usePlanStore.getState().reset();
    window.location.hash = '#/plan/approvals';
    const api = await openUiBackend({ as: 'hub' });
    await api.must('gov.settings.update', { executiveCommittee: { members: ['041044', '041067'], technicalDirector: 'Ing. Anna Rossi' } });
    await api.must('plan.create', { year: 2027, date: '2026-11-26' });
    await api.must('plan.step', { year: 2027, version: 1, step: 'propose', date: '2026-11-26', by: 'Presidente' });
    const { user } = renderApp(api);
    await screen.findByRole('heading', { name: 'Votazione: Comitato esecutivo' }, { timeout: 5000 });
    expect(screen.getByText('Presenti già indicati: i 2 comuni del Comitato esecutivo. Togliere chi era assente.')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Urbino presente' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Pesaro presente' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('checkbox', { name: 'Fano presente' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /Componenti/ })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Pesaro presente' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Voto di Urbino' }), 'for');
    await user.type(screen.getByRole('textbox', { name: /verbale/i }), 'CE 4/2026');
    await user.click(screen.getByRole('button', { name: /Registra la votazione/ }));
    await waitFor(() => expect(api.callsOf('plan.approve')).toHaveLength(1));
    const [call] = api.callsOf('plan.approve') as { present: string[]; electorate?: unknown }[];
    expect(call).toMatchObject({ body: 'executive_committee', present: ['041067'], ballots: [{ member: '041067', vote: 'for' }] });
    expect(call!.electorate).toBeUndefined();
    // The core counted it on the committee's two components: one present of two is the quorum.
    expect((await api.must('plan.get', { year: 2027 })).approvals).toHaveLength(1);
  });
});

describe('hub: what the backend wrote, in English', () => {
  it('step notes, authors and default criteria are said in the page’s language', async () => {
    const { hub: api, town, id } = await hubWithProposal({ evaluating: true });
    const by = 'Comitato tecnico';
    await api.must('gov.proposals.act', { id, action: { type: 'return', date: '2026-11-26', by, notes: 'Aggiungere un preventivo.' } });
    // Urbino sends a second version: the hub's projector writes the step «new version received».
    await town.must('proposals.update', { id, title: 'Wi-Fi pubblico nelle frazioni', problem: 'Le frazioni non hanno accesso a internet.', solution: 'Punti di accesso nelle piazze e nelle biblioteche.', benefits: 'Servizi migliori.', oneOffCents: 1_800_000, yearlyCents: 240_000 });
    await sendTo(api, town);
    // The operator renamed one criterion; the others keep their default (translated) names.
    const settings = await api.must('gov.settings.get', {});
    await api.must('gov.settings.update', { criteria: { ...settings.criteria, criteria: settings.criteria.criteria.map((c, i) => (i === 0 ? { id: c.id, label: 'Utilità per i cittadini', weight: c.weight } : c)) } });
    await api.must('gov.proposals.act', { id, action: { type: 'start_evaluation', date: '2026-11-26', by } });
    // 8·30 + 7·20 + 8·20 + 7·15 + 8·15 = 765
    await api.must('gov.proposals.act', { id, action: { type: 'evaluate', date: '2026-11-26', by, scores: { citizen_business_benefit: 8, members_benefiting: 7, feasibility: 8, cost_benefit: 7, national_plan_fit: 8 } } });
    window.location.hash = `#/proposals/${id}`;
    const { user } = renderApp(api);
    await screen.findByRole('heading', { level: 1, name: 'Wi-Fi pubblico nelle frazioni' }, { timeout: 5000 });
    expect(screen.getByRole('button', { name: /Scarica «preventivo\.pdf»/ })).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
    const timeline = await screen.findByRole('heading', { name: 'Timeline of the proposal' });
    const box = timeline.closest('.cst-timeline') as HTMLElement;
    expect(within(box).getByText('New version received (version 2)')).toBeTruthy();
    expect(within(box).getByText('Total score 7,65')).toBeTruthy();
    expect(within(box).getByText('By: Consortium office')).toBeTruthy();
    // The operator's own words stay as typed.
    expect(within(box).getByText('Aggiungere un preventivo.')).toBeTruthy();
    // Default criteria in English; the one the operator renamed keeps its name.
    expect(screen.getByRole('textbox', { name: 'Number of members who benefit (weight 20%)' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Utilità per i cittadini (weight 30%)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Download "preventivo\.pdf"/ })).toBeTruthy();
  });
});
