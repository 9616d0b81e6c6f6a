import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundleHistory } from '../../shared/domain/bundles';
import type { SyncStatus } from '../../shared/domain/hub-views';
import { URBINO } from './fake-api';
import { createBundleFake, recordDownloads, resetBundleStores, result, seriousViolations } from './bundles-fake';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

const SYNC: SyncStatus = {
  role: 'municipality',
  hub: { id: 'CST-PU', name: 'CST Pesaro-Urbino', confirmed: true },
  lastImportAt: null,
  hubSeqApplied: 0,
  hubSeqAppliedAt: null,
  ourLastSeq: 12,
  ourLastAt: '2026-11-25T09:00:00.000Z',
  ackedByHub: null,
  ackedAt: null,
  waiting: 12,
  pendingBundles: 0,
  lastExportAt: null,
  ackProblem: null,
  received: { services: 0, courses: 0, groups: 0, members: 0 },
};

function open() {
  let sync = SYNC;
  const history: BundleHistory = { exports: [], receptions: [] };
  const api = createBundleFake(URBINO, {
    'sync.status': () => sync,
    'bundle.history': () => history,
    'bundle.export': ({ all }) => {
      const fileName = 'cst-041067-per-CST-PU-1-12.cstb';
      history.exports.push({
        bundleId: 'b1', createdAt: '2026-11-26T10:00:00.000Z', recipient: { kind: 'hub', id: 'CST-PU' }, range: { first: 1, last: 12 },
        events: 12, bytes: 4321, fileName, encrypted: true, acknowledged: false, acknowledgedAt: null,
      });
      sync = { ...sync, lastExportAt: '2026-11-26T10:00:00.000Z' };
      return [{ path: '', contentBase64: 'AAEC', fileName, recipient: { kind: 'hub', id: 'CST-PU' }, range: { first: all ? 1 : 1, last: 12 }, events: 12, bytes: 4321, encrypted: true, sha256: 'b'.repeat(64), bundleId: 'b1' }];
    },
    'bundle.import': () => {
      sync = { ...sync, lastImportAt: '2026-11-26T11:00:00.000Z', hubSeqApplied: 9, hubSeqAppliedAt: '2026-11-26T10:30:00.000Z', ackedByHub: 12, waiting: 0, received: { services: 10, courses: 2, groups: 1, members: 5 } };
      history.exports[0] = { ...history.exports[0]!, acknowledged: true, acknowledgedAt: '2026-11-26T11:00:00.000Z' };
      return [result({ file: 'cst-CST-PU-per-041067-1-9.cstb', sender: { kind: 'hub', id: 'CST-PU' }, range: { first: 1, last: 9 }, eventsApplied: 9, message: 'Applicati 9 eventi di CST-PU.' })];
    },
  });
  window.history.replaceState(null, '', '/#/bundles');
  return { ...renderApp(api), api };
}

describe('Invii: send to the consortium and read its file', () => {
  it('exports what the hub has not acknowledged and says what to do with the file', async () => {
    const { user, api } = open();
    await screen.findByText('Ci sono 12 registrazioni che il consorzio non ha ancora ricevuto.');
    expect(screen.getByText('Non è ancora stato letto nessun file del consorzio.')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    // No folder to type: the file is downloaded (a save dialog in Electron).
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByText(/Il file viene scaricato come ogni file da Internet/)).toBeTruthy();
    const downloads = recordDownloads();
    await user.click(screen.getByRole('button', { name: 'Prepara il file per il consorzio' }));
    const done = await screen.findByText('File pronto per il consorzio');
    const alert = done.closest('.alert') as HTMLElement;
    expect(within(alert).getByText(/contiene 12 registrazioni \(dalla n\. 1 alla n\. 12, 4,3 kB\)/)).toBeTruthy();
    expect(within(alert).getByText(/Il file cst-041067-per-CST-PU-1-12\.cstb è stato scaricato/)).toBeTruthy();
    expect(within(alert).getByText(/chiavetta USB/)).toBeTruthy();
    expect(within(alert).getByText(/e-mail/)).toBeTruthy();
    expect(api.callsOf('bundle.export').at(-1)).toEqual({ inline: true, all: false });
    expect(downloads).toEqual(['cst-041067-per-CST-PU-1-12.cstb']);
    expect(await seriousViolations()).toEqual([]);

    // "Tutto dall'inizio" asks for every event.
    await user.click(screen.getByRole('checkbox', { name: 'Tutto dall’inizio' }));
    await user.click(screen.getByRole('button', { name: 'Prepara il file per il consorzio' }));
    expect(api.callsOf('bundle.export').at(-1)).toEqual({ inline: true, all: true });
  });

  it('reads the hub’s file: outcome in words, then "Sincronizzato fino al …" and the history acknowledged', async () => {
    const { user } = open();
    recordDownloads();
    await screen.findByText('Ci sono 12 registrazioni che il consorzio non ha ancora ricevuto.');
    await user.click(screen.getByRole('button', { name: 'Prepara il file per il consorzio' }));
    await screen.findByText('File pronto per il consorzio');
    await user.upload(screen.getByLabelText('Scegli il file del consorzio'), new File(['x'], 'cst-CST-PU-per-041067-1-9.cstb'));
    await screen.findByText('Applicati 9 eventi di CST-PU.');
    expect(screen.getByText('1 file: 1 letto, 0 in attesa, 0 rifiutati.')).toBeTruthy();
    expect(await screen.findByText('Sincronizzato fino al 26/11/2026')).toBeTruthy();
    expect(screen.getByText('nessuno: il consorzio ha ricevuto tutto')).toBeTruthy();
    expect(screen.getByText('servizi: 10 · corsi: 2 · gruppi: 1 · comuni aderenti: 5')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await user.click(screen.getByRole('link', { name: 'Storico degli invii' }));
    const table = await screen.findByRole('table', { name: 'File inviati' });
    expect(within(table).getByText('Confermato il 26/11/2026, 12:00')).toBeTruthy();
    expect(within(table).getByText('dalla n. 1 alla n. 12')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
