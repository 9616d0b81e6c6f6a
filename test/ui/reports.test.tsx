import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hubWithPlan, sendTo } from './gov-real';
import { openUiBackend, pair } from './real-backend';
import { renderApp } from './render-app';

/**
 * Issue 5, the documents reach the person: the PDF comes back as bytes and is downloaded, the
 * preview renders the document inside the app with classes only (the app's CSP allows no inline
 * style), a PDF that cannot be made says what to do instead.
 */
async function serious(): Promise<string[]> {
  const r = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

afterEach(() => vi.restoreAllMocks());

describe('hub: documents to print', () => {
  it('downloads the plan PDF the backend returns (no path on the server)', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: vi.fn((b: Blob) => (blobs.push(b), 'blob:fake')), revokeObjectURL: vi.fn() });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    window.location.hash = '#/plan/savings';
    const api = await hubWithPlan('approved_by_assembly');
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Scarica il PDF del piano' }, { timeout: 5000 }));
    // Printed for real by this machine's Chromium (headless): seconds, not milliseconds.
    expect(await screen.findByText('PDF scaricato: piano-tecnico-2027.pdf (nella cartella Download del browser).', {}, { timeout: 50_000 })).toBeTruthy();
    expect(api.callsOf('report.pdf')).toEqual([{ doc: 'plan', year: 2027 }]);
    expect(names).toEqual(['piano-tecnico-2027.pdf']);
    // The bytes the core printed, a PDF.
    expect(new TextDecoder().decode(new Uint8Array(await blobs[0]!.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  }, 60_000);

  it('says what to do when no PDF can be made here, in the page’s language', async () => {
    window.location.hash = '#/plan/savings';
    const api = await hubWithPlan('approved_by_assembly');
    // Overridden: this machine has Chromium, and the core looks for a browser on the system, not
    // in anything a test can change in-process; the refusal is the one it gives without one.
    api.override('report.pdf', () => ({ ok: false, error: { code: 'E_IO', message: 'Per creare il PDF serve…', params: { reason: 'pdf_no_browser' } } }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Scarica il PDF del piano' }, { timeout: 5000 }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/serve Google Chrome, Microsoft Edge o Chromium.*anteprima/);
  });

  it('shows the preview inside the app with classes only, numeric cells right-aligned, and closes it', async () => {
    window.location.hash = '#/plan/savings';
    const api = await hubWithPlan('approved_by_assembly');
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Anteprima del piano' }, { timeout: 5000 }));
    const preview = await screen.findByRole('region', { name: 'Anteprima del documento' });
    const title = within(preview).getByRole('heading', { name: 'Piano tecnico annuale 2027 — versione 1' });
    expect(document.activeElement).toBe(title);
    const table = within(preview).getByRole('table', { name: 'Voci del piano' });
    const total = within(table).getByText('Totale del piano');
    expect(total.getAttribute('colspan')).toBe('7'); // code … quantity, one-off: the cost's column follows
    expect(total.className).toBe('');
    expect(total.nextElementSibling?.className).toBe('cst-report-n');
    expect(within(preview).getByRole('table', { name: 'Economie di scala' })).toBeTruthy();
    expect(within(preview).getByText(/presenti 5 su 5/)).toBeTruthy();
    // Under `style-src 'self'` an inline style would be dropped: there is none.
    expect(preview.querySelectorAll('[style]')).toHaveLength(0);
    expect(preview.querySelectorAll('style')).toHaveLength(0);
    expect(await serious()).toEqual([]);
    await user.click(within(preview).getByRole('button', { name: 'Chiudi l’anteprima' }));
    expect(screen.queryByRole('region', { name: 'Anteprima del documento' })).toBeNull();
  });
});

describe('municipality: its own statement', () => {
  it('downloads the statement PDF and the CSV from Piano e quote', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:fake'), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    // The hub approves its 2027 plan (statements published) and sends it to Urbino in a real bundle.
    const hub = await hubWithPlan('approved_by_assembly');
    const api = await openUiBackend({ as: 'municipality' });
    await pair(hub, api);
    await sendTo(api, hub);
    window.location.hash = '#/share';
    const { user } = renderApp(api);
    await screen.findByRole('heading', { name: 'L’estratto conto del Comune' }, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Scarica il PDF del piano' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Scarica il PDF dell’estratto conto' }));
    expect(await screen.findByText(/PDF scaricato: estratto-conto-2027-041067.pdf/, {}, { timeout: 50_000 })).toBeTruthy();
    expect(api.callsOf('report.pdf')).toEqual([{ doc: 'statement', year: 2027, istat: '041067' }]);
    await user.click(screen.getByRole('button', { name: /^Esporta il prospetto in CSV/ }));
    expect(api.callsOf('gov.csv')).toEqual([{ table: 'statement', year: 2027, istat: '041067' }]);
    expect(await serious()).toEqual([]);
  }, 60_000);
});

describe('reportErrorText', () => {
  it('gives each reason its own sentence, with its parameters', async () => {
    const { reportErrorText } = await import('../../renderer/src/features/reports/report-buttons');
    const { createI18n } = await import('../../renderer/src/i18n');
    const i18n = createI18n('it');
    const t = i18n.t.bind(i18n) as never;
    expect(reportErrorText({ code: 'E_IO', message: 'x', params: { reason: 'pdf_write_failed', path: '/tmp/p.pdf' } }, t, 'it')).toBe(
      'Non è stato possibile scrivere il PDF in /tmp/p.pdf: controllare che la cartella esista e sia scrivibile.',
    );
    expect(reportErrorText({ code: 'E_IO', message: 'x', params: { reason: 'pdf_no_browser' } }, t, 'it')).toMatch(/^Per creare il PDF su questo computer serve Google Chrome/);
    await i18n.changeLanguage('en');
    expect(reportErrorText({ code: 'E_IO', message: 'x', params: { reason: 'pdf_print_timeout' } }, i18n.t.bind(i18n) as never, 'en')).toMatch(/^Creating the PDF did not answer in time/);
  });
});
