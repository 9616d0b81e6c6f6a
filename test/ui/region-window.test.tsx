/**
 * The regional hub's window (issue 12, docs/federation.md) over a region built for real: two
 * provinces whose members' bundles were forwarded and imported. "Regione" appears in the menu
 * only with a confirmed province; the provinces, then a province's municipalities one page at a
 * time (searched on the server), a municipality by month, and who vouches for each municipality
 * (fingerprint in groups of five). Empty states say what to do; axe finds nothing serious.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { openUiBackend, provinceWithFileNotForRegion, regionFolders } from './real-backend';
import { renderApp } from './render-app';
import { useRegionStore } from '../../renderer/src/features/region/region-store';

afterEach(resetBundleStores);
// The year chosen is kept while the clerk drills down and back: a new test starts at this year.
afterEach(() => useRegionStore.setState({ year: new Date().getFullYear() }));

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').filter((r) => r.closest('tbody'));
const menu = () => screen.findByRole('navigation', { name: 'Menu principale' });

describe('Regione, on a regional hub', () => {
  it('provinces, a province’s municipalities by page and search, a municipality by month, with the path back', async () => {
    const folders = await regionFolders({ enrolled: 60 });
    const api = await openUiBackend({ dataDir: folders.region });
    window.history.replaceState(null, '', '/#/');
    const { user } = renderApp(api);

    await user.click(await within(await menu()).findByRole('link', { name: 'Regione' }));
    const provinces = await screen.findByRole('table', { name: 'Uffici provinciali collegati e dati ricevuti da ciascuno' });
    expect(bodyRows(provinces).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Consorzio AN (CST-AN)', 'Consorzio PU (CST-PU)']);
    const pu = bodyRows(provinces)[1]!;
    // 62 vouched for (Urbino, Pesaro and 60 enrolled), 2 with data, Italian figures.
    expect(within(pu).getAllByRole('cell').map((c) => c.textContent)).toEqual(expect.arrayContaining(['Confermato', '62', '2']));
    // The region's totals for this year: PEC mailboxes are held, not used up: Urbino's average of
    // 2 and 10, Pesaro's of 3 and 20, Ancona's of 4 and 30, added up (never the months' 69).
    const totals = await screen.findByRole('table', { name: 'Totali per servizio' });
    await waitFor(() => expect(within(totals).getByRole('row', { name: /PEC/ }).textContent).toContain('34,5 caselle in tutto, somma delle medie mensili dei comuni'));
    expect(await seriousViolations()).toEqual([]);

    await user.click(within(pu).getByRole('link', { name: 'Consorzio PU (CST-PU)' }));
    await screen.findByRole('heading', { level: 1, name: 'Consorzio PU (CST-PU)' });
    const path = screen.getByRole('navigation', { name: 'Percorso' });
    expect(within(path).getByRole('link', { name: 'Regione' }).getAttribute('href')).toBe('#/region');
    await waitFor(() => expect(screen.getByText('Pagina 1 di 2 · 62 comuni')).toBeTruthy());
    const list = screen.getByRole('table', { name: 'Comuni garantiti dalla provincia, con le registrazioni ricevute' });
    expect(bodyRows(list)).toHaveLength(50);
    expect(api.callsOf('federation.usage').at(-1)).toEqual({ year: 2026, province: 'CST-PU', page: 1, pageSize: 50 });
    await user.click(screen.getByRole('button', { name: 'Pagina successiva ›' }));
    await waitFor(() => expect(screen.getByText('Pagina 2 di 2 · 62 comuni')).toBeTruthy());
    expect(bodyRows(screen.getByRole('table', { name: /Comuni garantiti/ }))).toHaveLength(12);

    // The search is the server's: accents and case ignored, back to page 1.
    await user.type(screen.getByRole('textbox', { name: 'Cerca un comune' }), 'URBÌNO');
    await waitFor(() => expect(screen.getByText('Pagina 1 di 1 · 1 comune')).toBeTruthy());
    expect(api.callsOf('federation.usage').at(-1)).toEqual({ year: 2026, province: 'CST-PU', page: 1, pageSize: 50, search: 'URBÌNO' });
    const urbino = bodyRows(screen.getByRole('table', { name: /Comuni garantiti/ }))[0]!;
    expect(urbino.textContent).toContain('041067');
    await user.clear(screen.getByRole('textbox', { name: 'Cerca un comune' }));
    await user.type(screen.getByRole('textbox', { name: 'Cerca un comune' }), 'nessuno così');
    await waitFor(() => expect(screen.getByText('Nessun comune corrisponde alla ricerca.')).toBeTruthy());
    await user.clear(screen.getByRole('textbox', { name: 'Cerca un comune' }));
    await user.type(screen.getByRole('textbox', { name: 'Cerca un comune' }), '041067');
    await user.click(await screen.findByRole('link', { name: 'Urbino' }));

    await screen.findByRole('heading', { level: 1, name: 'Urbino (041067)' });
    // Its PEC over the year: the average of its months (2 and 10 mailboxes), said to be one.
    const own = await screen.findByRole('table', { name: 'Totali per servizio' });
    await waitFor(() => expect(within(own).getByRole('row', { name: /PEC/ }).textContent).toContain('6 caselle, media mensile'));
    const crumbs = within(screen.getByRole('navigation', { name: 'Percorso' }));
    expect(crumbs.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Regione', 'Consorzio PU (CST-PU)', 'Urbino']);
    const months = await screen.findByRole('table', { name: 'Registrazioni e quantità per mese e servizio' });
    expect(bodyRows(months).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['marzo 2026', 'ottobre 2026', 'ottobre 2026']);
    // Every year: the 2025 entry counts too.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Anno' }), 'Tutti gli anni');
    await waitFor(() => expect(bodyRows(screen.getByRole('table', { name: /per mese e servizio/ }))).toHaveLength(4));
    expect(await seriousViolations()).toEqual([]);
    await user.click(crumbs.getByRole('link', { name: 'Consorzio PU (CST-PU)' }));
    await screen.findByRole('heading', { level: 1, name: 'Consorzio PU (CST-PU)' });
  }, 240_000);

  it('who vouches: the roster by page and search, fingerprints in groups of five, what “garantito” means', async () => {
    const folders = await regionFolders({ enrolled: 60 });
    const api = await openUiBackend({ dataDir: folders.region });
    window.history.replaceState(null, '', '/#/region/CST-PU/garanti');
    const { user } = renderApp(api);

    await screen.findByRole('heading', { level: 1, name: 'Chi garantisce i comuni di Consorzio PU (CST-PU)' });
    expect(screen.getByText(/«Garantito dalla provincia» vuol dire/)).toBeTruthy();
    expect(screen.getByText(/telefonare al comune/)).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Pagina 1 di 2 · 62 comuni')).toBeTruthy());
    await user.type(screen.getByRole('textbox', { name: 'Cerca un comune' }), 'pesaro');
    await waitFor(() => expect(screen.getByText('Pagina 1 di 1 · 1 comune')).toBeTruthy());
    expect(api.callsOf('federation.roster.page').at(-1)).toEqual({ province: 'CST-PU', page: 1, pageSize: 50, search: 'pesaro' });
    const row = bodyRows(screen.getByRole('table', { name: 'Comuni garantiti dalla provincia: chiavi e impronte' }))[0]!;
    const roster = await api.must('federation.roster', { province: 'CST-PU' });
    const pesaro = roster.find((m) => m.istat === '041044')!;
    expect(row.textContent).toContain(pesaro.keyId);
    const shown = within(row).getByText(pesaro.fingerprint);
    expect(shown.textContent).toMatch(/^\d{5}( \d{5})+$/);
    expect(row.textContent).toContain('Sì');
    expect(await seriousViolations()).toEqual([]);
  }, 240_000);

  it('English texts', async () => {
    const folders = await regionFolders();
    const api = await openUiBackend({ dataDir: folders.region });
    await api.must('settings.setLocale', { locale: 'en' });
    window.history.replaceState(null, '', '/#/region');
    renderApp(api, 'en');
    await screen.findByRole('table', { name: 'Linked provincial offices and the data received from each' });
    expect(screen.getByRole('heading', { name: 'Service usage in the region in 2026' })).toBeTruthy();
  }, 240_000);
});

describe('Regione: empty states and the provincial hub', () => {
  it('a hub without confirmed provinces: no menu entry; the page says what to do; a pending one is named', async () => {
    const api = await openUiBackend({ as: 'hub' });
    window.history.replaceState(null, '', '/#/');
    renderApp(api);
    await within(await menu()).findByRole('link', { name: 'Membri' });
    expect(within(await menu()).queryByRole('link', { name: 'Regione' })).toBeNull();

    window.history.replaceState(null, '', '/#/region');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.getByText(/Nessuna provincia confermata: importare l’identità di una provincia con «cst federation province-import FILE.cstid»/)).toBeTruthy());
    expect(screen.queryByRole('table')).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  }, 60_000);

  it('a province that has not forwarded its list yet, and one only imported (pending)', async () => {
    const province = await openUiBackend({ as: 'hub' });
    const region = await openUiBackend();
    await region.must('setup.hub', { id: 'REG-MARCHE', name: 'Ufficio regionale Marche', operator: 'Ufficio regionale' });
    const file = await province.must('identity.export', {});
    const p = await region.must('federation.province.import', { contentBase64: file.contentBase64 });
    window.history.replaceState(null, '', '/#/region');
    const { unmount } = renderApp(region);
    await waitFor(() => expect(screen.getByText(/1 provincia importata attende la conferma dell’impronta/)).toBeTruthy());
    expect(screen.getByText(/Nessuna provincia confermata/)).toBeTruthy();
    unmount();

    await region.must('federation.province.confirm', { id: p.id, fingerprint: p.fingerprint });
    window.history.replaceState(null, '', '/#/region/CST-PU');
    const { user } = renderApp(region);
    await screen.findByRole('heading', { level: 1, name: 'CST Pesaro-Urbino (CST-PU)' });
    expect(screen.getByText(/La provincia non ha ancora inoltrato l’elenco dei suoi comuni/)).toBeTruthy();
    expect(await screen.findByText('Nessun utilizzo ricevuto per il periodo scelto.')).toBeTruthy();
    await user.click(within(await menu()).getByRole('link', { name: 'Regione' }));
    await screen.findByRole('table', { name: 'Uffici provinciali collegati e dati ricevuti da ciascuno' });
    expect(screen.getByRole('cell', { name: 'Mai' })).toBeTruthy();
  }, 60_000);

  it('the provincial hub’s settings: which regional hub, its fingerprint, the last forwarding', async () => {
    const folders = await regionFolders();
    const api = await openUiBackend({ dataDir: folders.province });
    window.history.replaceState(null, '', '/#/settings');
    renderApp(api);
    const card = await screen.findByRole('region', { name: 'Ufficio regionale' });
    const regional = (await api.must('federation.regional.show', {})).regional!;
    expect(within(card).getByText('Ufficio regionale Marche (REG-MARCHE)')).toBeTruthy();
    expect(within(card).getByText(/^Confermato il \d{2}\/\d{2}\/\d{4}$/)).toBeTruthy();
    expect(within(card).getByText(/^2 pacchetti inoltrati, l’ultimo il \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/)).toBeTruthy();
    expect(card.textContent).toContain(regional.fingerprint.split(' ')[0]);
    expect(await seriousViolations()).toEqual([]);
  }, 240_000);

  it('the provincial hub’s settings: the member files set apart, encrypted to the consortium alone', async () => {
    const api = await openUiBackend({ dataDir: await provinceWithFileNotForRegion() });
    window.history.replaceState(null, '', '/#/settings');
    renderApp(api);
    const card = await screen.findByRole('region', { name: 'Ufficio regionale' });
    expect(await within(card).findByText('Non inoltrabili')).toBeTruthy();
    expect(within(card).getByText(/^1 pacchetto cifrato al solo consorzio \(inviato prima che il comune conoscesse l’ufficio regionale\): l’ufficio regionale non potrebbe aprirlo$/)).toBeTruthy();
    expect(within(card).getByText('Nessun pacchetto inoltrato finora.')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  }, 120_000);
});
