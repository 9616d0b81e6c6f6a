import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BundleFork, ForkResolution } from '../../shared/domain/bundles';
import type { SyncStatus } from '../../shared/domain/hub-views';
import { HUB, URBINO } from './fake-api';
import { createBundleFake, resetBundleStores, seriousViolations } from './bundles-fake';
import { renderApp } from './render-app';

afterEach(() => {
  resetBundleStores();
  vi.restoreAllMocks();
});

const LINE_STORED = '{"seq":5,"at":"2026-03-02T09:00:00.000Z","kind":"usage","op":"put","id":"7c0e","data":{"service":"PEC","date":"2026-03-02","period":"day","quantity_milli":40000}}';
const LINE_RECEIVED = '{"seq":5,"at":"2026-03-04T10:00:00.000Z","kind":"usage","op":"put","id":"9a1b","data":{"service":"PEC","date":"2026-03-04","period":"day","quantity_milli":45000}}';

function fork(over: Partial<BundleFork> = {}): BundleFork {
  return {
    forkNo: 1,
    sender: { kind: 'municipality', id: '041066', name: 'Urbania' },
    seq: 5,
    storedLine: LINE_STORED,
    storedHash: 'd'.repeat(64),
    receivedLine: LINE_RECEIVED,
    receivedHash: 'e'.repeat(64),
    sha256: 'f'.repeat(64),
    detectedAt: '2026-11-26T10:00:00.000Z',
    file: { name: 'urbania-tutto.cstb', receivedAt: '2026-11-26T10:00:00.000Z', range: { first: 1, last: 7 } },
    storedFrom: { name: 'urbania-marzo.cstb', receivedAt: '2026-03-05T08:00:00.000Z' },
    appliedSeq: 6,
    canAccept: true,
    resolution: null,
    ...over,
  };
}

function openForks(forks: BundleFork[]) {
  const api = createBundleFake(HUB, {
    'bundle.pending': () => [],
    'bundle.forks': () => forks,
    'bundle.resolveFork': ({ forkNo, decision, note }) => {
      const i = forks.findIndex((f) => f.forkNo === forkNo);
      const resolution: ForkResolution = { decision, by: 'Luca Bianchi', at: '2026-11-26T11:00:00.000Z', note, eventsRemoved: decision === 'accept' ? 2 : 0, eventsApplied: decision === 'accept' ? 3 : 0 };
      forks[i] = { ...(forks[i] as BundleFork), resolution };
      return { fork: forks[i] as BundleFork, alsoApplied: [] };
    },
  });
  window.history.replaceState(null, '', '/#/imports/forks');
  return { ...renderApp(api), api };
}

describe('fork resolution screen', () => {
  it('shows both versions readably, asks for a reason, says what will happen, then records the decision in the history', async () => {
    const { user, api } = openForks([fork()]);
    const card = await screen.findByRole('region', { name: 'Urbania (041066): dati diversi dalla registrazione n. 5' });
    const stored = within(card).getByRole('region', { name: 'Versione già registrata qui' });
    expect(within(stored).getByText('Utilizzo di un servizio')).toBeTruthy();
    expect(within(stored).getByText('Arrivata con il file «urbania-marzo.cstb» il 05/03/2026, 09:00.')).toBeTruthy();
    // Thousandths shown as units, ISO dates the Italian way, field names in words; what differs is marked.
    expect(within(stored).getByRole('row', { name: /^Quantità/ }).textContent).toBe('Quantità40diverso');
    expect(within(stored).getByRole('row', { name: /^Data/ }).textContent).toBe('Data02/03/2026diverso');
    expect(within(stored).getByRole('row', { name: /^Servizio/ }).textContent).toBe('ServizioPEC');
    // Values of a closed list in words, not the code the line carries ('day').
    expect(within(stored).getByRole('row', { name: /^Periodo/ }).textContent).toBe('Periodoun giorno');
    expect(within(card).getByText(/Accettando, 2 registrazioni di Urbania già ricevute qui \(dalla n\. 5 alla n\. 6\)/)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await user.click(within(card).getByRole('button', { name: 'Accetta la versione del comune' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accettare la versione di Urbania?' });
    expect(within(dialog).getByText(/Le 2 registrazioni di Urbania già ricevute qui dalla n\. 5 alla n\. 6 vengono cancellate e sostituite da quelle del file «urbania-tutto\.cstb» \(fino alla n\. 7\)/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Accetta la versione del comune' }));
    expect(await within(dialog).findByText('Scrivete il motivo della decisione.')).toBeTruthy();
    expect(api.callsOf('bundle.resolveFork')).toHaveLength(0);
    await user.type(within(dialog).getByRole('textbox', { name: /Motivo della decisione/ }), 'Backup ripristinato, confermato al telefono');
    await user.click(within(dialog).getByRole('button', { name: 'Accetta la versione del comune' }));
    expect(await screen.findByText('Versione di Urbania accettata: 3 registrazioni lette, 2 sostituite.')).toBeTruthy();
    expect(api.callsOf('bundle.resolveFork')).toEqual([{ forkNo: 1, decision: 'accept', note: 'Backup ripristinato, confermato al telefono' }]);
    expect(await screen.findByRole('heading', { name: 'Decisioni prese' })).toBeTruthy();
    expect(screen.getByText(/Accettata la versione del comune: deciso il 26\/11\/2026, 12:00 da Luca Bianchi \(2 registrazioni sostituite, 3 registrate\)/)).toBeTruthy();
    expect(screen.getByText('Motivo: Backup ripristinato, confermato al telefono')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accetta la versione del comune' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Dati in conflitto (0)' })).toBeTruthy();
  });

  it('a file that starts after the disputed entry: accepting is not offered, the screen says what to ask; keeping is', async () => {
    const { user, api } = openForks([fork({ receivedLine: null, canAccept: false, file: { name: 'urbania-7.cstb', receivedAt: '2026-11-26T10:00:00.000Z', range: { first: 7, last: 8 } } })]);
    const card = await screen.findByRole('region', { name: /Urbania \(041066\)/ });
    expect((within(card).getByRole('button', { name: 'Accetta la versione del comune' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(card).getByText(/chiedete al comune di inviare di nuovo con «Tutto dall’inizio»/)).toBeTruthy();
    expect(within(card).getByText(/Il file comincia dopo questa registrazione/)).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Mantieni i dati già ricevuti' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mantenere i dati già ricevuti da Urbania?' });
    expect(within(dialog).getByText(/il file «urbania-7\.cstb» resta rifiutato/)).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /Motivo della decisione/ }), 'I dati giusti sono i nostri');
    await user.click(within(dialog).getByRole('button', { name: 'Mantieni i dati già ricevuti' }));
    expect(await screen.findByText('Decisione registrata: i dati già ricevuti da Urbania restano validi.')).toBeTruthy();
    expect(api.callsOf('bundle.resolveFork')[0]).toMatchObject({ decision: 'keep' });
  });
});

describe('the same screen on a municipality, for the hub’s stream', () => {
  it('shows the consortium’s conflicting data on «Invii» in the municipality’s words', async () => {
    const forks = [fork({ sender: { kind: 'hub', id: 'CST-PU', name: 'CST Pesaro-Urbino' }, storedLine: LINE_STORED.replace('"usage"', '"service"'), receivedLine: LINE_RECEIVED.replace('"usage"', '"service"') })];
    const api = createBundleFake(URBINO, {
      'sync.status': () => ({
        role: 'municipality', hub: { id: 'CST-PU', name: 'CST Pesaro-Urbino', confirmed: true }, lastImportAt: null, hubSeqApplied: 6, hubSeqAppliedAt: null,
        ourLastSeq: 0, ourLastAt: null, ackedByHub: null, ackedAt: null, waiting: 0, pendingBundles: 0, lastExportAt: null, ackProblem: null,
        received: { services: 0, courses: 0, groups: 0, members: 0 },
      }),
      'bundle.history': () => ({ exports: [], receptions: [] }),
      'bundle.forks': () => forks,
      'bundle.resolveFork': ({ decision, note }) => {
        forks[0] = { ...forks[0]!, resolution: { decision, note, by: 'Maria Rossi', at: '2026-11-26T11:00:00.000Z', eventsRemoved: 2, eventsApplied: 3 } };
        return { fork: forks[0]!, alsoApplied: [] };
      },
    });
    window.history.replaceState(null, '', '/#/bundles');
    const { user } = renderApp(api);
    const section = await screen.findByRole('region', { name: 'Dati del consorzio in conflitto' });
    expect(within(section).getByText(/Il consorzio ha inviato una versione diversa/)).toBeTruthy();
    expect(within(section).getAllByText('Servizio del catalogo')).toHaveLength(2);
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(section).getByRole('button', { name: 'Accetta la versione del consorzio' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accettare la versione di CST Pesaro-Urbino?' });
    expect(within(dialog).getByText(/Catalogo, corsi, gruppi e decisioni del consorzio vengono aggiornati/)).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /Motivo della decisione/ }), 'Il consorzio ha ripristinato il backup');
    await user.click(within(dialog).getByRole('button', { name: 'Accetta la versione del consorzio' }));
    expect(await screen.findByText('Versione di CST Pesaro-Urbino accettata: 3 registrazioni lette, 2 sostituite.')).toBeTruthy();
    expect(await within(section).findByText('Motivo: Il consorzio ha ripristinato il backup')).toBeTruthy();
  });
});

describe('Invia al consorzio: saved as a download', () => {
  it('asks for the bytes (inline) and downloads the file under its name', async () => {
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: vi.fn((b: Blob) => (created.push(b), 'blob:fake')), revokeObjectURL: vi.fn() });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const sync: SyncStatus = {
      role: 'municipality', hub: { id: 'CST-PU', name: 'CST Pesaro-Urbino', confirmed: true }, lastImportAt: null, hubSeqApplied: 0, hubSeqAppliedAt: null,
      ourLastSeq: 12, ourLastAt: null, ackedByHub: null, ackedAt: null, waiting: 12, pendingBundles: 0, lastExportAt: null, ackProblem: null,
      received: { services: 0, courses: 0, groups: 0, members: 0 },
    };
    const api = createBundleFake(URBINO, {
      'sync.status': () => sync,
      'bundle.history': () => ({ exports: [], receptions: [] }),
      'bundle.export': () => [
        { path: '', fileName: 'cst-041067-per-CST-PU-1-12.cstb', recipient: { kind: 'hub', id: 'CST-PU' }, range: { first: 1, last: 12 }, events: 12, bytes: 3, encrypted: true, sha256: 'b'.repeat(64), bundleId: 'b1', contentBase64: btoa('abc') },
      ],
    });
    window.history.replaceState(null, '', '/#/bundles');
    const { user } = renderApp(api);
    await screen.findByText('Ci sono 12 registrazioni che il consorzio non ha ancora ricevuto.');
    // The window never chooses a folder (issue 11, item 2): no destination choice, no path field.
    expect(screen.queryByRole('radio', { name: 'Salva il pacchetto sul computer' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Dove salvare il file' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Prepara il file per il consorzio' }));
    expect(await screen.findByText(/Il file cst-041067-per-CST-PU-1-12\.cstb è stato scaricato/)).toBeTruthy();
    expect(api.callsOf('bundle.export')).toEqual([{ inline: true, all: false }]);
    expect(names).toEqual(['cst-041067-per-CST-PU-1-12.cstb']);
    expect(await created[0]!.text()).toBe('abc');
    expect(await seriousViolations()).toEqual([]);
  });
});
