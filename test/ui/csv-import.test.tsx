import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { CSV_PROBLEM_CODES, type CsvPreview } from '../../shared/domain/csv';
import { en } from '../../renderer/src/i18n/en';
import { it as itCatalogue } from '../../renderer/src/i18n/it';
import { createBundleFake, resetBundleStores } from './bundles-fake';
import { URBINO } from './fake-api';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

/** Text as Excel saves it on an Italian Windows: Windows-1252 bytes ("à" is one byte, 0xE0). */
function windows1252(name: string, text: string): File {
  return new File([Uint8Array.from(text, (ch) => ch.charCodeAt(0))], name, { type: 'text/csv' });
}

/** Row 2 is good; row 3 has a date that does not exist, row 4 decimals on a whole-number service, row 5 repeats row 2. */
const PROBLEMS = 'servizio;data;quantità\r\nPEC;01/11/2026;1\r\nPEC;31/02/2026;1\r\nPROTOCOLLO;01/11/2026;2,5\r\nPEC;01/11/2026;1\r\n';
const file = () => windows1252('utilizzi.csv', PROBLEMS);

/** Urbino's workstation on the CSV import page. */
async function open() {
  const api = await openUiBackend({ as: 'municipality' });
  window.history.replaceState(null, '', '/#/usage/csv');
  return { ...renderApp(api), api };
}

/** Opens the page and switches it to English with the language switch, as a clerk would. */
async function openInEnglish() {
  const opened = await open();
  await screen.findByLabelText('File CSV');
  await opened.user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
  return opened;
}

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
    const { user } = await openInEnglish();
    await user.upload(await screen.findByLabelText('CSV file'), file());
    const table = await screen.findByRole('table', { name: 'Problems found in the file' });
    expect(within(table).getByText('The date 31/02/2026 does not exist in the calendar: correct the day or the month.')).toBeTruthy();
    expect(within(table).getByText('The service PROTOCOLLO is counted in whole numbers: remove the decimals from 2,5.')).toBeTruthy();
    expect(within(table).getByText('Same as row 2: remove or exclude it.')).toBeTruthy();
    expect(within(table).queryByText(/non esiste|interi|uguale/)).toBeNull();
  });

  it('a refused file is explained in English by its code (not the generic error)', async () => {
    // A workbook saved as .xlsx and renamed: a ZIP, as every .xlsx is.
    const { user } = await openInEnglish();
    await user.upload(await screen.findByLabelText('CSV file'), new File([Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0)], 'utilizzi.csv', { type: 'text/csv' }));
    expect(await screen.findByText(/^The file is an Excel workbook \(\.xlsx\), not a CSV/)).toBeTruthy();
  });

  it('the preview says which column separator was detected, in each language', async () => {
    const comma = await open();
    await comma.user.upload(await screen.findByLabelText('File CSV'), windows1252('utilizzi.csv', 'servizio,data,quantità\r\nPEC,01/11/2026,1\r\n'));
    expect(await screen.findByText(/Codifica dei caratteri: Windows-1252 .*\. Separatore delle colonne: virgola \(,\)\.$/)).toBeTruthy();
    comma.unmount();
    const { user } = await openInEnglish();
    await user.upload(await screen.findByLabelText('CSV file'), file());
    expect(await screen.findByText(/Column separator: semicolon \(;\)\.$/)).toBeTruthy();
  });

  it('malformed quotes are explained in English with the line and column', async () => {
    // Line 12, third cell: text after the closing quote ("4"x).
    const lines = ['servizio;data;quantità', ...Array.from({ length: 10 }, (_, i) => `PEC;${String(i + 1).padStart(2, '0')}/11/2026;1`), 'PEC;12/11/2026;"4"x'];
    const { user } = await openInEnglish();
    await user.upload(await screen.findByLabelText('CSV file'), windows1252('utilizzi.csv', `${lines.join('\r\n')}\r\n`));
    expect(await screen.findByText(/^On line 12, column 3, a quoted field is followed by more text/)).toBeTruthy();
  });

  it('a file too long keeps its number formatted the Italian way', async () => {
    const { user } = await open();
    await user.upload(await screen.findByLabelText('File CSV'), windows1252('utilizzi.csv', `servizio;data;quantità\r\n${'PEC;01/11/2026;1\r\n'.repeat(100_001)}`));
    expect(await screen.findByText('Il file ha più di 100.000 righe: dividerlo in più file.')).toBeTruthy();
  });
});


// Still on the fake backend: the screen is checked half-way through a preview and an import,
// which needs the progress events held at chosen points; the real core runs them to the end.
const PREVIEW: CsvPreview = {
  kind: 'usage',
  encoding: 'windows-1252',
  separator: ';',
  columns: ['servizio', 'data', 'quantità'],
  rows: 4,
  validRows: 1,
  invalidRows: [3, 4, 5],
  duplicateRows: [5],
  problems: [],
  sample: [],
};

function openFake(handlers: Parameters<typeof createBundleFake>[1]) {
  window.history.replaceState(null, '', '/#/usage/csv');
  const api = createBundleFake(URBINO, handlers);
  return { ...renderApp(api), api };
}

describe('CSV import: progress of the check and of the recording', () => {
  it('shows the backend’s task.progress as a progress bar while the preview and the import run', async () => {
    let finishPreview: (() => void) | null = null;
    let finishImport: (() => void) | null = null;
    const clean: CsvPreview = { ...PREVIEW, rows: 3000, validRows: 3000, invalidRows: [], duplicateRows: [], problems: [] };
    const { user, api } = openFake({
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
