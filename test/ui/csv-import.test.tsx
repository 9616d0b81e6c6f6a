import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { CSV_PROBLEM_CODES } from '../../shared/domain/csv';
import { en } from '../../renderer/src/i18n/en';
import { it as itCatalogue } from '../../renderer/src/i18n/it';
import type { SubscribeFn, WindowApi } from '../../shared/api/call';
import type { PushEvents } from '../../shared/api/events';
import { resetBundleStores } from './bundle-stores';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

type TaskProgress = PushEvents['task.progress'];

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


/** `n` distinct, valid rows: one PEC mailbox a day, day after day from 1 January 2018. */
function cleanRows(n: number): File {
  const day = (i: number) => new Date(Date.UTC(2018, 0, 1 + i)).toISOString().slice(0, 10).split('-').reverse().join('/');
  const rows = Array.from({ length: n }, (_, i) => `PEC;${day(i)};1`);
  return windows1252('utilizzi.csv', `servizio;data;quantità\r\n${rows.join('\r\n')}\r\n`);
}

/**
 * The page over the real core, with the answers of csv.preview and csv.import held until the
 * test releases them, and the core's own task.progress events held too, delivered by the test:
 * the screen is seen half-way through a real check and a real recording.
 */
async function openHeld() {
  const api = await openUiBackend({ as: 'municipality' });
  const progress: TaskProgress[] = [];
  api.subscribe('task.progress', (p) => progress.push(p));
  const listeners: ((p: TaskProgress) => void)[] = [];
  const held = new Map<string, () => void>();
  const call = (async (method: string, input: unknown) => {
    const answer = await api.call(method as never, input as never);
    if (method === 'csv.preview' || method === 'csv.import') await new Promise<void>((r) => held.set(method, r));
    return answer;
  }) as WindowApi['call'];
  const subscribe: SubscribeFn = (event, listener) => {
    if (event !== 'task.progress') return api.subscribe(event, listener);
    listeners.push(listener as (p: TaskProgress) => void);
    return () => undefined;
  };
  window.history.replaceState(null, '', '/#/usage/csv');
  const deliver = (p: TaskProgress) => act(() => listeners.forEach((l) => l(p)));
  /** The core's own `nth` event of `taskId` with `done`, once the held call has sent it. */
  const event = async (taskId: string, done: number, nth = 1): Promise<TaskProgress> => {
    for (let i = 0; i < 400; i++) {
      const p = progress.filter((x) => x.taskId === taskId && x.done === done)[nth - 1];
      if (p) return p;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no task.progress ${taskId} with done=${done}: ${JSON.stringify(progress.slice(-5))}`);
  };
  const release = async (method: string) => {
    for (let i = 0; i < 400 && !held.has(method); i++) await new Promise((r) => setTimeout(r, 25));
    act(() => held.get(method)?.());
  };
  return { ...renderApp({ ...api, call, subscribe }), api, progress, deliver, event, release };
}

describe('CSV import: progress of the check and of the recording', () => {
  it('shows the backend’s task.progress as a progress bar while the preview and the import run', async () => {
    const { user, api, deliver, event, release } = await openHeld();
    await user.upload(await screen.findByLabelText('File CSV'), cleanRows(3000));
    // The core checks the rows in slices of 2000: its event after the first slice.
    deliver(await event('csv.check', 2000));
    expect(await screen.findByText('Controllo delle righe: 2.000 su 3.000…')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Controllo delle righe: 2.000 su 3.000…' });
    expect(bar.getAttribute('aria-valuenow')).toBe('67');
    await release('csv.preview');
    await screen.findByText('Tutte le righe sono corrette: si possono importare.');
    expect(screen.queryByRole('progressbar')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Importa 3000 righe' }));
    // The import checks the rows once more (the second csv.check run), then records them in one transaction.
    deliver(await event('csv.check', 2000, 2));
    expect(await screen.findByRole('progressbar', { name: 'Importazione, ultimo controllo delle righe: 2.000 su 3.000…' })).toBeTruthy();
    deliver(await event('csv.import', 0));
    const working = await screen.findByRole('progressbar', { name: /^Registrazione di 3\.000 righe in corso: si salvano tutte insieme alla fine/ });
    expect(working.hasAttribute('aria-valuenow')).toBe(false); // indeterminate: nothing measured yet
    deliver(await event('csv.import', 600));
    const recording = await screen.findByRole('progressbar', { name: 'Registrazione delle righe: 600 su 3.000…' });
    expect(recording.getAttribute('aria-valuenow')).toBe('20');
    // Another task's progress (a real bundle import, of a damaged file) does not move this bar.
    await api.must('bundle.import', { files: [{ name: 'rotto.cstb', contentBase64: 'UEsDBA==' }] });
    deliver(await event('bundle.import', 1));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('20');
    await release('csv.import');
    await screen.findByText(/^3\.000 registrazioni importate/);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
