import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SubscribeFn, WindowApi } from '../../shared/api/call';
import type { PushEvents } from '../../shared/api/events';

type TaskProgress = PushEvents['task.progress'];
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { bundleAsFile, copyOfData, exportBundles, openUiBackend, pair, restoreCopy, type BundleFile, type UiBackend } from './real-backend';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

const files = async (from: UiBackend, o: { all?: boolean } = {}) => (await exportBundles(from, o)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 }));

async function town(istat: string, operator: string) {
  const t = await openUiBackend();
  await t.must('setup.municipality', { istat, operator });
  return t;
}

/**
 * The hub, restored from a copy taken right after pairing with Urbino, Fano and Urbania: so
 * Fano's next file (events 4–5) arrives after a gap, and Urbania, itself restored from an old
 * copy, sends events 4… in a second version after the first one was already received.
 */
async function scenario() {
  const hub = await openUiBackend({ as: 'hub' });
  const urbino = await openUiBackend({ as: 'municipality' });
  const fano = await town('041013', 'Paolo Verdi');
  const urbania = await town('041066', 'Anna Neri');
  for (const t of [urbino, fano, urbania]) await pair(hub, t);
  const hubCopy = copyOfData(hub);
  for (let d = 1; d <= 3; d++) await fano.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: '1' });
  await hub.must('bundle.import', { files: await files(fano) });
  await fano.must('bundle.import', { files: (await files(hub)).filter((f) => f.name.startsWith('Fano-')) });
  for (let d = 4; d <= 5; d++) await fano.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: '1' });
  const [fanoLate] = await exportBundles(fano);
  for (let d = 1; d <= 3; d++) await urbania.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: '40' });
  const urbaniaCopy = copyOfData(urbania);
  for (let d = 4; d <= 6; d++) await urbania.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: '40' });
  const urbaniaFirst = await files(urbania);
  const urbaniaRestored = await restoreCopy(urbania, urbaniaCopy, '2026-11-26T09:30:00.000Z');
  for (let d = 4; d <= 7; d++) await urbaniaRestored.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: '45' });
  const urbaniaAll = await files(urbaniaRestored, { all: true });
  for (let d = 1; d <= 3; d++) await urbino.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: '1' });
  const [urbinoFile] = await exportBundles(urbino);
  const api = await restoreCopy(hub, hubCopy, '2026-11-26T10:00:00.000Z');
  return { api, urbinoFile: urbinoFile!, fanoLate: fanoLate!, urbaniaFirst, urbaniaAll };
}

/** The four files of a mixed batch: read, already read, waiting for earlier events, damaged. */
function batch(s: { urbinoFile: BundleFile; fanoLate: BundleFile }): File[] {
  return [
    bundleAsFile({ ...s.urbinoFile, name: 'urbino.cstb' }),
    bundleAsFile({ ...s.urbinoFile, name: 'urbino-copia.cstb' }),
    bundleAsFile({ ...s.fanoLate, name: 'fano.cstb' }),
    bundleAsFile({ name: 'rotto.cstb', contentBase64: s.urbinoFile.contentBase64.slice(0, 400) }),
  ];
}

/**
 * The screen over the real hub, with the import's answer held until the test releases it, and
 * the core's own task.progress events held too, delivered by the test: the screen is seen
 * half-way through a real import.
 */
async function open(path: string, before?: (s: Awaited<ReturnType<typeof scenario>>) => Promise<unknown>) {
  const s = await scenario();
  await before?.(s);
  const progress: TaskProgress[] = [];
  s.api.subscribe('task.progress', (p) => progress.push(p));
  const listeners: ((p: TaskProgress) => void)[] = [];
  let released = false;
  let release: (() => void) | null = null;
  const call = (async (method: string, input: unknown) => {
    const answer = await s.api.call(method as never, input as never);
    if (method === 'bundle.import' && !released) await new Promise<void>((r) => (release = r));
    return answer;
  }) as WindowApi['call'];
  const subscribe: SubscribeFn = (event, listener) => {
    if (event !== 'task.progress') return s.api.subscribe(event, listener);
    listeners.push(listener as (p: TaskProgress) => void);
    return () => undefined;
  };
  window.history.replaceState(null, '', path);
  const deliver = (p: TaskProgress) => act(() => listeners.forEach((l) => l(p)));
  return { ...renderApp({ ...s.api, call, subscribe }), ...s, progress, deliver, release: () => {
      released = true;
      release?.();
    } };
}

describe('hub imports', () => {
  it('imports a batch: progress bar, then one result per file in words, kept on screen', async () => {
    const { user, api, release, progress, deliver, ...s } = await open('/#/imports');
    await screen.findByRole('heading', { level: 1, name: 'Importazioni' });
    const input = screen.getByLabelText('Scegli i file da importare') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    await user.upload(input, batch(s));
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    // The core's own event after the second file, delivered while the answer is held.
    const half = await waitForProgress(progress, 2);
    deliver(half);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText('Importazione: 2 file su 4…')).toBeTruthy();
    release();
    await screen.findByText('4 file: 2 letti, 1 in attesa, 1 rifiutato.');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('cst-result'));
    expect(items.map((li) => li.querySelector('.cst-result-title')?.textContent)).toEqual([
      'Letto e registrato: urbino.cstb',
      'Già ricevuto: urbino-copia.cstb',
      'In attesa: fano.cstb',
      'Rifiutato: rotto.cstb',
    ]);
    expect(within(items[3] as HTMLElement).getByText(/Chiedere al mittente di esportarlo di nuovo/)).toBeTruthy();
    expect(within(items[3] as HTMLElement).getByText('Dettagli tecnici')).toBeTruthy();
    // No raw code in a sentence: it waits in the technical details, for support.
    expect(within(items[3] as HTMLElement).getByText('Codice dell’esito: E_FORMAT').closest('details')).toBeTruthy();
    // Members by name (issue 13, item 7): the sentence and the sender's line.
    expect(within(items[0] as HTMLElement).getByText(/^Pacchetto del comune di Urbino\b/)).toBeTruthy();
    expect(within(items[0] as HTMLElement).getByText('Mittente: Urbino (Comune) · registrazioni dalla n. 1 alla n. 3', { exact: false })).toBeTruthy();
    expect(within(items[2] as HTMLElement).getByText(/del comune di Fano\b/)).toBeTruthy();
    expect(within(items[2] as HTMLElement).getByText(/^Mittente: Fano \(Comune\)/)).toBeTruthy();
    expect(api.callsOf('bundle.import')).toHaveLength(1);
    expect(await seriousViolations()).toEqual([]);

    // Results stay while the operator looks at the queue and comes back.
    await user.click(screen.getByRole('link', { name: 'In attesa (1)' }));
    await screen.findByRole('table', { name: 'File in attesa' });
    await user.click(screen.getByRole('link', { name: 'Importa file' }));
    expect(await screen.findByText('4 file: 2 letti, 1 in attesa, 1 rifiutato.')).toBeTruthy();
  });

  it('in English the sentences come from the catalogue', async () => {
    const { user, release, api: _api, progress: _p, deliver: _d, ...s } = await open('/#/imports');
    await screen.findByRole('heading', { level: 1, name: 'Importazioni' });
    await user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
    await user.upload(screen.getByLabelText('Choose the files to import'), batch(s));
    release();
    await screen.findByText('4 files: 2 read, 1 waiting, 1 refused.');
    // The core's sentence by its catalogue key (the one `cst bundle import --lang en` prints), the member by its name.
    expect(screen.getByText('Bundle from the municipality of Urbino (PU) applied (events 1–3): 3 new events.')).toBeTruthy();
    expect(screen.getByText(/^The bundle from the municipality of Fano \(PU\) is waiting \(events \d+–\d+\): the events 1–\d+ are missing\./)).toBeTruthy();
  });

  it('takes files dropped on the zone (many at once)', async () => {
    const { api, release, progress: _p, deliver: _d, ...s } = await open('/#/imports');
    await screen.findByRole('heading', { level: 1, name: 'Importazioni' });
    const zone = screen.getByText(/Trascinare qui i file ricevuti dai comuni/).closest('.cst-dropzone') as HTMLElement;
    const files = batch(s);
    fireEvent.dragOver(zone, { dataTransfer: { files } });
    expect(zone.classList.contains('cst-dropzone-over')).toBe(true);
    fireEvent.drop(zone, { dataTransfer: { files } });
    await screen.findByRole('progressbar');
    release();
    await screen.findByText('4 file: 2 letti, 1 in attesa, 1 rifiutato.');
    const input = api.calls.find((c) => c.method === 'bundle.import')?.input as { files: { name: string; contentBase64: string }[] };
    expect(input.files).toEqual([
      { name: 'urbino.cstb', contentBase64: s.urbinoFile.contentBase64 },
      { name: 'urbino-copia.cstb', contentBase64: s.urbinoFile.contentBase64 },
      { name: 'fano.cstb', contentBase64: s.fanoLate.contentBase64 },
      { name: 'rotto.cstb', contentBase64: s.urbinoFile.contentBase64.slice(0, 400) },
    ]);
  });

  it('pending queue names the missing range', async () => {
    await open('/#/imports/pending', ({ api, fanoLate }) => api.must('bundle.import', { files: [{ name: 'fano.cstb', contentBase64: fanoLate.contentBase64 }] }));
    const table = await screen.findByRole('table', { name: 'File in attesa' });
    expect(within(table).getByText(/mancano le registrazioni dalla n\. 1 alla n\. 3/)).toBeTruthy();
    expect(within(table).getByText('dalla n. 4 alla n. 5')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('fork screen: both versions side by side, who sent them, nothing applied', async () => {
    await open('/#/imports/forks', async ({ api, urbaniaFirst, urbaniaAll }) => {
      await api.must('bundle.import', { files: urbaniaFirst });
      await api.must('bundle.import', { files: urbaniaAll.map((f) => ({ ...f, name: 'urbania.cstb' })) });
    });
    const card = await screen.findByRole('region', { name: 'Urbania (041066): dati diversi dalla registrazione n. 4' });
    const stored = within(card).getByRole('region', { name: 'Versione già registrata qui' });
    const received = within(card).getByRole('region', { name: 'Versione nel file ricevuto' });
    expect(within(stored).getByRole('row', { name: /Quantità/ }).textContent).toContain('40');
    expect(within(received).getByRole('row', { name: /Quantità/ }).textContent).toContain('45');
    expect(within(received).getByText('Nel file «urbania.cstb» ricevuto il 26/11/2026, 11:00.')).toBeTruthy();
    expect(screen.getByText('Dati in conflitto: nulla è stato applicato')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});

/** The core's task.progress for the batch once `done` files are read (it runs on, unanswered). */
async function waitForProgress(progress: TaskProgress[], done: number): Promise<TaskProgress> {
  for (let i = 0; i < 200; i++) {
    const p = progress.find((x) => x.taskId === 'bundle.import' && x.done === done);
    if (p) return p;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no task.progress with done=${done}: ${JSON.stringify(progress)}`);
}
