import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundleImportResult } from '../../shared/domain/bundles';
import { HUB } from './fake-api';
import { createBundleFake, resetBundleStores, result, seriousViolations, type BundleFake } from './bundles-fake';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

const MIXED: BundleImportResult[] = [
  result({ file: 'urbino.cstb', message: 'Applicati 3 eventi di 041067 (da 1 a 3).' }),
  result({ file: 'urbino-copia.cstb', outcome: 'duplicate', eventsApplied: 0, message: 'Già ricevuto: nulla da fare.' }),
  result({ file: 'fano.cstb', outcome: 'pending', sender: { kind: 'municipality', id: '041013' }, range: { first: 8, last: 9 }, eventsApplied: 0, message: 'In attesa: mancano gli eventi da 4 a 7 di 041013.' }),
  result({ file: 'rotto.cstb', outcome: 'refused', code: 'E_FORMAT', sender: null, range: null, eventsApplied: 0, message: 'Il file è danneggiato o incompleto: chiedere al Comune di inviarlo di nuovo.', detail: 'age: payload truncated' }),
];

function open(path: string) {
  let release: (() => void) | null = null;
  const api: BundleFake = createBundleFake(HUB, {
    'bundle.import': () => MIXED,
    'bundle.pending': () => [
      { sha256: 'c'.repeat(64), file: 'fano.cstb', receivedAt: '2026-11-26T10:00:00.000Z', outcome: 'pending', code: null, sender: { kind: 'municipality', id: '041013' }, range: { first: 8, last: 9 }, missing: { first: 4, last: 7 }, message: 'Mancano gli eventi da 4 a 7.' },
    ],
    'bundle.forks': () => [
      {
        forkNo: 1, sender: { kind: 'municipality', id: '041066', name: 'Urbania' }, seq: 5, storedLine: '{"seq":5,"data":{"quantity":"40"}}', storedHash: 'd'.repeat(64), receivedLine: '{"seq":5,"data":{"quantity":"45"}}', receivedHash: 'e'.repeat(64), sha256: 'f'.repeat(64), detectedAt: '2026-11-26T10:00:00.000Z',
        file: { name: 'urbania.cstb', receivedAt: '2026-11-26T10:00:00.000Z', range: { first: 1, last: 7 } }, storedFrom: null, appliedSeq: 6, canAccept: true, resolution: null,
      },
    ],
  });
  // The import answers only once the test lets it: the progress bar is seen half-way.
  const call = api.call;
  api.call = (async (method: string, input: unknown) => {
    if (method === 'bundle.import') await new Promise<void>((r) => (release = r));
    return call(method as never, input as never);
  }) as typeof api.call;
  window.history.replaceState(null, '', path);
  return { ...renderApp(api), api, release: () => release?.() };
}

describe('hub imports', () => {
  it('imports a batch: progress bar, then one result per file in words, kept on screen', async () => {
    const { user, api, release } = open('/#/imports');
    await screen.findByRole('heading', { level: 1, name: 'Importazioni' });
    const input = screen.getByLabelText('Scegli i file da importare') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    await user.upload(input, ['urbino.cstb', 'urbino-copia.cstb', 'fano.cstb', 'rotto.cstb'].map((n) => new File(['x'], n)));
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    act(() => api.emitProgress({ taskId: 'bundle.import', label: 'Importazione pacchetti', done: 2, total: 4 }));
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
      'Rifiutato: rotto.cstb (E_FORMAT)',
    ]);
    expect(within(items[3] as HTMLElement).getByText(/chiedere al Comune di inviarlo di nuovo/)).toBeTruthy();
    expect(within(items[3] as HTMLElement).getByText('Dettagli tecnici')).toBeTruthy();
    expect(api.callsOf('bundle.import')).toHaveLength(1);
    expect(await seriousViolations()).toEqual([]);

    // Results stay while the operator looks at the queue and comes back.
    await user.click(screen.getByRole('link', { name: 'In attesa (1)' }));
    await screen.findByRole('table', { name: 'File in attesa' });
    await user.click(screen.getByRole('link', { name: 'Importa file' }));
    expect(await screen.findByText('4 file: 2 letti, 1 in attesa, 1 rifiutato.')).toBeTruthy();
  });

  it('in English the sentences come from the catalogue', async () => {
    const { user, release } = open('/#/imports');
    await screen.findByRole('heading', { level: 1, name: 'Importazioni' });
    await user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
    await user.upload(screen.getByLabelText('Choose the files to import'), new File(['x'], 'rotto.cstb'));
    release();
    await screen.findByText('4 files: 2 read, 1 waiting, 1 refused.');
    expect(screen.getByText('3 entries of 041067 recorded (no. 1 to no. 3).')).toBeTruthy();
    expect(screen.getByText(/Earlier entries of 041013 are missing/)).toBeTruthy();
  });

  it('takes files dropped on the zone (many at once)', async () => {
    const { api, release } = open('/#/imports');
    await screen.findByRole('heading', { level: 1, name: 'Importazioni' });
    const zone = screen.getByText(/Trascinate qui i file ricevuti dai comuni/).closest('.cst-dropzone') as HTMLElement;
    const files = [new File(['a'], 'a.cstb'), new File(['b'], 'b.cstb')];
    fireEvent.dragOver(zone, { dataTransfer: { files } });
    expect(zone.classList.contains('cst-dropzone-over')).toBe(true);
    fireEvent.drop(zone, { dataTransfer: { files } });
    await screen.findByRole('progressbar');
    release();
    await screen.findByText('4 file: 2 letti, 1 in attesa, 1 rifiutato.');
    const input = api.calls.find((c) => c.method === 'bundle.import')?.input as { files: { name: string; contentBase64: string }[] };
    expect(input.files).toEqual([
      { name: 'a.cstb', contentBase64: 'YQ==' },
      { name: 'b.cstb', contentBase64: 'Yg==' },
    ]);
  });

  it('pending queue names the missing range', async () => {
    open('/#/imports/pending');
    const table = await screen.findByRole('table', { name: 'File in attesa' });
    expect(within(table).getByText(/mancano le registrazioni dalla n\. 4 alla n\. 7/)).toBeTruthy();
    expect(within(table).getByText('dalla n. 8 alla n. 9')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('fork screen: both versions side by side, who sent them, nothing applied', async () => {
    open('/#/imports/forks');
    const card = await screen.findByRole('region', { name: 'Urbania (041066): dati diversi dalla registrazione n. 5' });
    const stored = within(card).getByRole('region', { name: 'Versione già registrata qui' });
    const received = within(card).getByRole('region', { name: 'Versione nel file ricevuto' });
    expect(within(stored).getByRole('row', { name: /Quantità/ }).textContent).toContain('40');
    expect(within(received).getByRole('row', { name: /Quantità/ }).textContent).toContain('45');
    expect(within(received).getByText('Nel file «urbania.cstb» ricevuto il 26/11/2026, 11:00.')).toBeTruthy();
    expect(screen.getByText('Dati in conflitto: nulla è stato applicato')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
