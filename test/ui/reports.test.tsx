import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportDocument } from '../../shared/domain/report-document';
import { HUB, URBINO } from './fake-api';
import { createGovApi, planView, STATEMENT } from './gov-fake';
import { renderApp } from './render-app';

/**
 * Issue 5, the documents reach the person: the PDF comes back as bytes and is downloaded, the
 * preview renders the document inside the app with classes only (the app's CSP allows no inline
 * style), a PDF that cannot be made says what to do instead.
 */
const DOC: ReportDocument = {
  title: 'Piano tecnico annuale 2027 — versione 1',
  meta: 'CST Pesaro-Urbino — stato: approvato dall’Assemblea',
  sections: [
    {
      heading: 'Voci del piano',
      table: {
        columns: [{ label: 'Codice' }, { label: 'Descrizione' }, { label: 'Costo', numeric: true }],
        rows: [
          { cells: [{ text: 'PEC' }, { text: 'Posta elettronica certificata' }, { text: '2.500,00 €' }] },
          { total: true, cells: [{ text: 'Totale del piano', span: 2 }, { text: '2.500,00 €' }] },
        ],
      },
    },
    { paragraphs: ['Risparmio dell’intero consorzio: 1.234,56 €.'] },
  ],
  footer: 'CST Pesaro-Urbino — documento generato da CST Desk. Fonte: ISTAT.',
};

function reportsApi(pdf: () => unknown) {
  return createGovApi(HUB, {
    'plan.list': () => [{ year: 2027, version: 1, state: 'approved_by_assembly', totalCents: 250_000 }],
    'plan.get': () => planView('approved_by_assembly'),
    'plan.savings': () => ({ year: 2027, version: 1, services: [], costCents: 0, standAloneCents: 0, savingsCents: 0, savingsBasisPoints: null }) as never,
    'report.get': () => ({ report: null }),
    'report.pdf': pdf as never,
    'report.document': () => DOC,
  });
}

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
    const api = reportsApi(() => ({ fileName: 'piano-tecnico-2027.pdf', bytes: 8, contentBase64: btoa('%PDF-1.7') }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Scarica il PDF del piano' }, { timeout: 5000 }));
    expect(await screen.findByText('PDF scaricato: piano-tecnico-2027.pdf (nella cartella Download del browser).')).toBeTruthy();
    expect(api.callsOf('report.pdf')).toEqual([{ doc: 'plan', year: 2027 }]);
    expect(names).toEqual(['piano-tecnico-2027.pdf']);
    expect(blobs[0]?.size).toBe(8);
  });

  it('says what to do when no PDF can be made here, in the page’s language', async () => {
    window.location.hash = '#/plan/savings';
    const fake = reportsApi(() => ({}));
    const error = { code: 'E_IO' as const, message: 'Per creare il PDF serve…', params: { reason: 'pdf_no_browser' } };
    const api = { ...fake, call: ((method: string, input: unknown) => (method === 'report.pdf' ? Promise.resolve({ ok: false, error }) : fake.call(method as never, input as never))) as typeof fake.call };
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Scarica il PDF del piano' }, { timeout: 5000 }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/serve Google Chrome, Microsoft Edge o Chromium.*anteprima/);
  });

  it('shows the preview inside the app with classes only, numeric cells right-aligned, and closes it', async () => {
    window.location.hash = '#/plan/savings';
    const api = reportsApi(() => ({ fileName: 'x.pdf', bytes: 0 }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Anteprima del piano' }, { timeout: 5000 }));
    const preview = await screen.findByRole('region', { name: 'Anteprima del documento' });
    const title = within(preview).getByRole('heading', { name: DOC.title });
    expect(document.activeElement).toBe(title);
    const table = within(preview).getByRole('table', { name: 'Voci del piano' });
    const total = within(table).getByText('Totale del piano');
    expect(total.getAttribute('colspan')).toBe('2');
    expect(total.className).toBe('');
    expect(total.nextElementSibling?.className).toBe('cst-report-n');
    expect(within(preview).getByText('Risparmio dell’intero consorzio: 1.234,56 €.')).toBeTruthy();
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
    window.location.hash = '#/share';
    const api = createGovApi(URBINO, {
      'plan.myShare': () => ({ year: 2027, plan: planView('approved_by_assembly'), statement: STATEMENT, proposals: [] }),
      'report.benchmark': () => ({ year: 2027, istat: '041066', sizeClass: 3, sizeLabel: 'da 5.001 a 10.000 abitanti', peers: 4, measures: [] }),
      'report.pdf': () => ({ fileName: 'estratto-conto-2027-041066.pdf', bytes: 4, contentBase64: btoa('%PDF') }),
      'gov.csv': () => ({ fileName: 'estratto-conto-2027-041066.csv', contentBase64: btoa('x'), rows: 1 }),
    });
    const { user } = renderApp(api);
    await screen.findByRole('heading', { name: 'L’estratto conto del Comune' }, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Scarica il PDF del piano' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Scarica il PDF dell’estratto conto' }));
    expect(await screen.findByText(/PDF scaricato: estratto-conto-2027-041066.pdf/)).toBeTruthy();
    expect(api.callsOf('report.pdf')).toEqual([{ doc: 'statement', year: 2027, istat: '041066' }]);
    await user.click(screen.getByRole('button', { name: /^Esporta il prospetto in CSV/ }));
    expect(api.callsOf('gov.csv')).toEqual([{ table: 'statement', year: 2027, istat: '041066' }]);
    expect(await serious()).toEqual([]);
  });
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
