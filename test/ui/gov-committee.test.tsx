import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '../../shared/governance/evaluation';
import { HUB } from './fake-api';
import { createGovApi, track } from './gov-fake';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';
import { usePlanStore } from '../../renderer/src/features/plan/store';

const ID = '0b7c1e2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d';

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
    window.location.hash = `#/proposals/${ID}`;
    const current = track('under_evaluation', {
      steps: [
        { from: null, to: 'received', date: '2026-10-01', by: 'Ufficio del consorzio', note: '' },
        { from: 'received', to: 'under_evaluation', date: '2026-10-05', by: 'Comitato tecnico', note: '' },
        { from: 'under_evaluation', to: 'returned', date: '2026-10-06', by: 'Comitato tecnico', note: 'Aggiungere un preventivo.' },
        { from: 'returned', to: 'received', date: '2026-10-09', by: 'Urbania', note: 'Nuova versione ricevuta (versione 2)', note_key: 'new_version', note_params: { version: 2 } },
        { from: 'received', to: 'under_evaluation', date: '2026-10-10', by: 'Comitato tecnico', note: 'Punteggio totale 765 centesimi', note_key: 'score_total', note_params: { total: 765 } },
      ],
    });
    const api = createGovApi(HUB, {
      'gov.proposals.get': () => ({
        proposal: { id: ID, member: '041066', memberName: 'Urbania', status: 'submitted', version: 2, title: current.title, oneOffCents: 0, yearlyCents: 0, attachments: 1, submittedAt: null, updatedAt: '2026-10-09T09:00:00.000Z', lastSeq: 4 },
        data: { status: 'submitted', version: 2, title: current.title, problem: 'x', solution: 'y', group_id: null, benefits: '', beneficiaries: [], one_off_cents: 0, yearly_cents: 0, attachments: [], submitted_at: null, updated_by: 'Anna' },
        versions: [],
        attachments: [{ sha256: 'a'.repeat(64), bytes: 2048, name: 'preventivo.pdf', type: 'application/pdf', available: true }],
        track: current,
        criteria: { maxScore: 10, criteria: DEFAULT_CRITERIA.criteria.map((c, i) => (i === 0 ? { id: c.id, label: 'Utilità per i cittadini', weight: c.weight } : c)) },
        groupName: null,
      }),
    });
    const { user } = renderApp(api);
    await screen.findByRole('heading', { level: 1, name: current.title }, { timeout: 5000 });
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
