import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors';
import { CSV_PROBLEM_CODES, type CsvPreview } from '../../shared/domain/csv';
import { en } from '../../renderer/src/i18n/en';
import { it as itCatalogue } from '../../renderer/src/i18n/it';
import { createBundleFake, resetBundleStores } from './bundles-fake';
import { URBINO } from './fake-api';
import { renderApp } from './render-app';

const PREVIEW: CsvPreview = {
  kind: 'usage',
  encoding: 'windows-1252',
  separator: ';',
  columns: ['servizio', 'data', 'quantità'],
  rows: 4,
  validRows: 1,
  invalidRows: [3, 4, 5],
  duplicateRows: [5],
  problems: [
    { row: 3, column: 'data', code: 'CSV_DATE_IMPOSSIBLE', params: { value: '31/02/2026' }, message: 'la data 31/02/2026 non esiste nel calendario: correggere giorno o mese.' },
    { row: 4, column: 'quantità', code: 'CSV_QUANTITY_DECIMALS', params: { service: 'PROTOCOLLO', value: '2,5' }, message: 'il servizio PROTOCOLLO si conta in numeri interi: togliere i decimali da 2,5.' },
    { row: 5, column: null, code: 'CSV_ROW_REPEATED', params: { firstRow: 2 }, message: 'riga uguale alla riga 2: toglierla o escluderla.' },
  ],
  sample: [],
};

function open(handlers: Parameters<typeof createBundleFake>[1]) {
  window.history.replaceState(null, '', '/#/usage/csv');
  const api = createBundleFake(URBINO, handlers);
  return { ...renderApp(api), api };
}

/** Opens the page and switches it to English with the language switch, as a clerk would. */
async function openInEnglish(handlers: Parameters<typeof createBundleFake>[1]) {
  const opened = open(handlers);
  await screen.findByLabelText('File CSV');
  await opened.user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
  return opened;
}

const file = () => new File(['servizio;data;quantità\nPEC;01/11/2026;1\n'], 'utilizzi.csv', { type: 'text/csv' });

beforeEach(() => resetBundleStores());

describe('CSV import: problems in the page’s language', () => {
  it('every code the backend can emit has a sentence in both catalogues', () => {
    for (const code of CSV_PROBLEM_CODES) {
      expect(itCatalogue.csvProblems[code], code).toBeTruthy();
      expect(en.csvProblems[code], code).toBeTruthy();
    }
    expect(Object.keys(itCatalogue.csvProblems).sort()).toEqual([...CSV_PROBLEM_CODES].sort());
  });

  it('the English preview says each problem in English, with the values read from the file', async () => {
    const { user } = await openInEnglish({ 'csv.preview': () => PREVIEW });
    await user.upload(await screen.findByLabelText('CSV file'), file());
    const table = await screen.findByRole('table', { name: 'Problems found in the file' });
    expect(within(table).getByText('The date 31/02/2026 does not exist in the calendar: correct the day or the month.')).toBeTruthy();
    expect(within(table).getByText('The service PROTOCOLLO is counted in whole numbers: remove the decimals from 2,5.')).toBeTruthy();
    expect(within(table).getByText('Same as row 2: remove or exclude it.')).toBeTruthy();
    expect(within(table).queryByText(/non esiste|interi|uguale/)).toBeNull();
  });

  it('a refused file is explained in English by its code (not the generic error)', async () => {
    const refusal: ApiError = { code: 'E_VALIDATION', field: 'contentBase64', message: 'Il file è un foglio Excel (.xlsx), non un CSV: …', params: { csvProblem: 'CSV_FILE_XLSX' } };
    const { user } = await openInEnglish({ 'csv.preview': () => refusal });
    await user.upload(await screen.findByLabelText('CSV file'), file());
    expect(await screen.findByText(/^The file is an Excel workbook \(\.xlsx\), not a CSV/)).toBeTruthy();
  });

  it('the preview says which column separator was detected, in each language', async () => {
    const comma = open({ 'csv.preview': () => ({ ...PREVIEW, separator: ',' }) });
    await comma.user.upload(await screen.findByLabelText('File CSV'), file());
    expect(await screen.findByText(/Codifica dei caratteri: Windows-1252 .*\. Separatore delle colonne: virgola \(,\)\.$/)).toBeTruthy();
    comma.unmount();
    const { user } = await openInEnglish({ 'csv.preview': () => PREVIEW });
    await user.upload(await screen.findByLabelText('CSV file'), file());
    expect(await screen.findByText(/Column separator: semicolon \(;\)\.$/)).toBeTruthy();
  });

  it('malformed quotes are explained in English with the line and column', async () => {
    const refusal: ApiError = { code: 'E_VALIDATION', field: 'contentBase64', message: 'Alla riga 12, colonna 3, …', params: { csvProblem: 'CSV_QUOTE_MALFORMED', line: 12, column: 3 } };
    const { user } = await openInEnglish({ 'csv.preview': () => refusal });
    await user.upload(await screen.findByLabelText('CSV file'), file());
    expect(await screen.findByText(/^On line 12, column 3, a quoted field is followed by more text/)).toBeTruthy();
  });

  it('a file too long keeps its number formatted the Italian way', async () => {
    const refusal: ApiError = { code: 'E_VALIDATION', message: 'Il file ha più di 100000 righe: dividerlo in più file.', params: { csvProblem: 'CSV_FILE_TOO_MANY_ROWS', max: 100000 } };
    const { user } = open({ 'csv.preview': () => refusal });
    await user.upload(await screen.findByLabelText('File CSV'), file());
    expect(await screen.findByText('Il file ha più di 100.000 righe: dividerlo in più file.')).toBeTruthy();
  });
});

describe('CSV import: progress of the check and of the recording', () => {
  it('shows the backend’s task.progress as a progress bar while the preview and the import run', async () => {
    let finishPreview: (() => void) | null = null;
    let finishImport: (() => void) | null = null;
    const clean: CsvPreview = { ...PREVIEW, rows: 3000, validRows: 3000, invalidRows: [], duplicateRows: [], problems: [] };
    const { user, api } = open({
      'csv.preview': () => clean,
      'csv.import': () => ({ kind: 'usage', imported: 3000, excluded: [] }),
    });
    // Hold each answer until the test releases it, so that the screen is seen mid-way.
    const call = api.call;
    api.call = ((method: string, input: unknown) =>
      new Promise<unknown>((resolve) => {
        const release = () => void (call as (m: string, i: unknown) => Promise<unknown>)(method, input).then((v) => resolve(v));
        if (method === 'csv.preview') finishPreview = release;
        else if (method === 'csv.import') finishImport = release;
        else release();
      })) as unknown as typeof api.call;

    await user.upload(await screen.findByLabelText('File CSV'), file());
    act(() => api.emitProgress({ taskId: 'csv.check', label: 'Controllo delle righe', done: 2000, total: 3000 }));
    expect(await screen.findByText('Controllo delle righe: 2.000 su 3.000…')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Controllo delle righe: 2.000 su 3.000…' });
    expect(bar.getAttribute('aria-valuenow')).toBe('67');
    act(() => finishPreview!());
    await screen.findByText('Tutte le righe sono corrette: si possono importare.');
    expect(screen.queryByRole('progressbar')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Importa 3000 righe' }));
    // The import checks the rows once more, then records them in one transaction.
    act(() => api.emitProgress({ taskId: 'csv.check', label: 'Controllo delle righe', done: 1000, total: 3000 }));
    expect(await screen.findByRole('progressbar', { name: 'Importazione, ultimo controllo delle righe: 1.000 su 3.000…' })).toBeTruthy();
    act(() => api.emitProgress({ taskId: 'csv.import', label: 'Registrazione delle righe', done: 0, total: 3000 }));
    const working = await screen.findByRole('progressbar', { name: /^Registrazione di 3\.000 righe in corso: si salvano tutte insieme alla fine/ });
    expect(working.hasAttribute('aria-valuenow')).toBe(false); // indeterminate: nothing measured yet
    act(() => api.emitProgress({ taskId: 'csv.import', label: 'Registrazione delle righe', done: 600, total: 3000 }));
    const recording = await screen.findByRole('progressbar', { name: 'Registrazione delle righe: 600 su 3.000…' });
    expect(recording.getAttribute('aria-valuenow')).toBe('20');
    // Another task's progress (a bundle import) does not move this bar.
    act(() => api.emitProgress({ taskId: 'bundle.import', label: 'x', done: 1, total: 1 }));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('20');
    act(() => finishImport!());
    await screen.findByText(/^3\.000 registrazioni importate/);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
