/**
 * A hub with many members (issue 12): every municipality of the Marche and Roma, 226 members,
 * on the real in-process backend. Every hub list of members shows one page of 50 at most, with
 * a search, a region and a province that the server applies; pages turn with the keyboard;
 * axe finds nothing serious; the texts exist in Italian and English.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { exportBundles, openUiBackend, pair, type UiBackend } from './real-backend';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

/** The hub CST-PU (Pesaro-Urbino's 50 members) with the rest of the Marche and Roma added; Urbino and Roma send usage. */
async function bigHub(locale: 'it' | 'en' = 'it'): Promise<UiBackend> {
  const api = await openUiBackend({ as: 'hub', locale });
  const provinces = await api.must('reference.provinces', {});
  const marche = provinces.filter((p) => p.region === 'Marche' && p.code !== 'PU').map((p) => p.code);
  for (const code of marche) {
    for (const istat of await municipalitiesOf(api, code)) await api.must('members.add', { istat, memberSince: '2026-01-01' });
  }
  await api.must('members.add', { istat: '058091', memberSince: '2026-01-01' });
  for (const istat of ['041067', '058091']) {
    const town = await openUiBackend();
    await town.must('setup.municipality', { istat, operator: 'Operatore' });
    await pair(api, town);
    await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '3' });
    await api.must('bundle.import', { files: (await exportBundles(town)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
  }
  return api;
}

/** The ISTAT codes of a province, through the reference the app ships (searched by the province's first digits). */
async function municipalitiesOf(api: UiBackend, province: string): Promise<string[]> {
  const codes = { AN: '042', MC: '043', AP: '044', FM: '109' } as Record<string, string>;
  const found = await api.must('reference.searchMunicipalities', { query: codes[province]!, limit: 100 });
  return found.filter((m) => m.province === province).map((m) => m.istat);
}

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').filter((r) => r.closest('tbody'));

describe('a hub with many members', () => {
  it('Membri: one page of 50, search, region and province from the server, pages by keyboard', async () => {
    const api = await bigHub();
    window.history.replaceState(null, '', '/#/members');
    const { user } = renderApp(api);

    const table = await screen.findByRole('table', { name: 'Elenco dei comuni aderenti' });
    await waitFor(() => expect(screen.getByText('Pagina 1 di 5 · 226 comuni')).toBeTruthy());
    expect(bodyRows(table)).toHaveLength(50);
    expect(api.callsOf('hub.members.overview').at(-1)).toEqual({ page: 1, pageSize: 50 });
    expect(await seriousViolations()).toEqual([]);

    // The next page with the keyboard alone: Tab to the button, Enter.
    const next = screen.getByRole('button', { name: 'Pagina successiva ›' });
    next.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByText('Pagina 2 di 5 · 226 comuni')).toBeTruthy());

    // A search goes back to page 1; accents and case do not matter.
    await user.type(screen.getByRole('textbox', { name: 'Cerca un comune' }), 'URBÌN');
    await waitFor(() => expect(screen.getByText('Pagina 1 di 1 · 1 comune')).toBeTruthy());
    expect(bodyRows(screen.getByRole('table', { name: 'Elenco dei comuni aderenti' })).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Urbino']);
    await user.clear(screen.getByRole('textbox', { name: 'Cerca un comune' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Regione' }), 'Lazio');
    await waitFor(() => expect(screen.getByText('Pagina 1 di 1 · 1 comune')).toBeTruthy());
    expect(within(screen.getByRole('table', { name: 'Elenco dei comuni aderenti' })).getByRole('rowheader').textContent).toBe('Roma');
    // The provinces offered are the region's.
    const province = screen.getByRole('combobox', { name: 'Provincia' });
    expect(within(province).getAllByRole('option').map((o) => o.textContent)).toContain('Roma (RM)');
    expect(within(province).queryByRole('option', { name: 'Ancona (AN)' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Regione' }), 'Marche');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provincia' }), 'FM');
    await waitFor(() => expect(api.callsOf('hub.members.overview').at(-1)).toEqual({ page: 1, pageSize: 50, region: 'Marche', province: 'FM' }));
    await waitFor(() => expect(screen.getByText(/Pagina 1 di 1 · \d+ comuni/)).toBeTruthy());
    expect(await seriousViolations()).toEqual([]);
  }, 240_000);

  it('usage, training and proposals by member: pages and filters; English texts', async () => {
    const api = await bigHub('en');
    window.history.replaceState(null, '', '/#/members/usage');
    const { user } = renderApp(api, 'en');

    await waitFor(() => expect(screen.getByText('Page 1 of 5 · 226 municipalities')).toBeTruthy());
    const last = api.callsOf('hub.usage.byMember').at(-1) as Record<string, unknown>;
    expect(last).toMatchObject({ page: 1, pageSize: 50, limit: 1 });
    // Neither Roma nor Urbino is among the first 50 by name: their rows are on their pages.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'Lazio');
    await waitFor(() => expect(screen.getByText('Page 1 of 1 · 1 municipality')).toBeTruthy());
    const table = screen.getByRole('table', { name: /usage/i });
    await waitFor(() => expect(bodyRows(table).map((r) => r.textContent)).toEqual([expect.stringContaining('Roma')]));
    expect(await seriousViolations()).toEqual([]);

    await user.click(screen.getByRole('link', { name: 'Training' }));
    await waitFor(() => expect(screen.getByText('Page 1 of 5 · 226 municipalities')).toBeTruthy());
    await user.click(screen.getByRole('link', { name: 'Proposals received' }));
    await waitFor(() => expect(api.callsOf('hub.proposals.page').length).toBeGreaterThan(0));
    expect(await seriousViolations()).toEqual([]);
  }, 240_000);
});
