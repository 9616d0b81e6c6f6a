/**
 * The Assembly's vote with many members (issue 12: 7,896 on a national hub): the form shows one
 * page of 50 voters, searched and filtered by province and region, with the filter's members
 * marked present at once; presence and votes cover every member whatever the page, and the vote
 * recorded is exactly what was marked (present, ballots).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePlanStore } from '../../renderer/src/features/plan/store';
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { makePlan } from './gov-real';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').filter((r) => r.closest('tbody'));

describe('the Assembly’s vote with many members', () => {
  it('pages and filters the voters; the recorded vote is what was marked on every page', async () => {
    usePlanStore.getState().reset();
    window.location.hash = '#/plan/approvals';
    // Pesaro e Urbino's 50 members and Ancona's: more than one page.
    const api = await openUiBackend({ as: 'hub' });
    const ancona = (await api.must('reference.searchMunicipalities', { query: '042', limit: 100 })).filter((m) => m.province === 'AN').map((m) => m.istat);
    for (const istat of ancona) await api.must('members.add', { istat, memberSince: '2026-01-01' });
    const all = await api.must('members.list', {});
    const total = all.length;
    expect(total).toBeGreaterThan(90);
    await makePlan(api, 'submitted_to_assembly');
    const { user } = renderApp(api);

    await screen.findByRole('heading', { name: 'Votazione: Assemblea' });
    const table = screen.getByRole('table', { name: 'Presenti e voti' });
    expect(bodyRows(table)).toHaveLength(50);
    expect(screen.getByText(`Pagina 1 di 2 · ${total} comuni`)).toBeTruthy();

    // Urbino found by name (accents and case ignored), present and in favour.
    await user.type(screen.getByLabelText('Cerca un comune'), 'URBÌNO');
    await waitFor(() => expect(bodyRows(table)).toHaveLength(1));
    await user.click(screen.getByRole('checkbox', { name: 'Urbino presente' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Voto di Urbino' }), 'for');
    await user.clear(screen.getByLabelText('Cerca un comune'));

    // Ancona's province: every member of it present at once, then its second page.
    await user.selectOptions(screen.getByLabelText('Provincia'), 'AN');
    await waitFor(() => expect(screen.getByText(`Pagina 1 di 1 · ${ancona.length} comuni`)).toBeTruthy());
    await user.click(screen.getByRole('button', { name: `Presenti i ${ancona.length} comuni del filtro` }));
    expect(screen.getByText(new RegExp(`Presenti ${ancona.length + 1} su ${total}`))).toBeTruthy();
    // Ancona itself votes against, on the filtered list.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Voto di Ancona' }), 'against');

    // Back to every member: page 2 turns, Urbino's vote is kept.
    await user.selectOptions(screen.getByLabelText('Provincia'), '');
    await user.click(screen.getByRole('button', { name: 'Pagina successiva ›' }));
    await waitFor(() => expect(screen.getByText(`Pagina 2 di 2 · ${total} comuni`)).toBeTruthy());
    expect(bodyRows(table).length).toBe(total - 50);
    expect((screen.getByRole('combobox', { name: 'Voto di Urbino' }) as HTMLSelectElement).value).toBe('for');
    expect(await seriousViolations()).toEqual([]);

    await user.type(screen.getByLabelText(/Riferimento del verbale/), 'Assemblea 3/2026');
    await user.click(screen.getByRole('button', { name: 'Registra la votazione (Assemblea)' }));
    await waitFor(() => expect(api.callsOf('plan.approve')).toHaveLength(1));
    const sent = api.callsOf('plan.approve')[0] as { present: string[]; ballots: { member: string; vote: string }[] };
    const present = [...ancona, '041067'].sort();
    expect([...sent.present].sort()).toEqual(present);
    expect([...sent.ballots].sort((a, b) => a.member.localeCompare(b.member))).toEqual([
      { member: '041067', vote: 'for' },
      { member: '042002', vote: 'against' },
    ]);
    // Recorded as sent.
    const recorded = (await api.must('plan.get', { year: 2027, version: 1 })).approvals.find((a) => a.body === 'assembly')!;
    expect([...recorded.present].sort()).toEqual(present);
    expect(recorded.ballots).toHaveLength(2);
  });
});
