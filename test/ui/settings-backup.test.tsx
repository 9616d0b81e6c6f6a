import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { page } from '../../renderer/src/platform/reload';
import type { BackupOverview } from '../../shared/domain/backup';
import { openTestBackend } from '../helpers/backend';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

const COPY = { name: 'cst-desk-2026-11-25T08-00-00Z.sqlite', takenAt: '2026-11-25T08:00:00Z', sizeBytes: 3_250_000, ok: true };
const FAILED: BackupOverview = {
  folder: '/tmp/cst-test/backups',
  backups: [COPY],
  lastAttempt: {
    at: '2026-11-26T08:00:00.000Z',
    ok: false,
    error: {
      code: 'E_IO',
      message: 'Copia di sicurezza non riuscita in /tmp/cst-test/backups: il disco è pieno. I dati non sono stati toccati; liberare spazio o controllare i permessi della cartella, poi riprovare.',
      params: { folder: '/tmp/cst-test/backups', reason: 'ENOSPC' },
    },
  },
  running: false,
};

async function violations(): Promise<string[]> {
  const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * A full disk cannot be arranged on this machine: for the failure shown after one, the overview
 * the core would give then (its own words, from backup-service's ioError) stands in for the real
 * `backup.list`; everything else is the real core.
 */
async function openSettings(overview: BackupOverview | null, locale: 'it' | 'en' = 'it') {
  window.history.replaceState(null, '', '/#/settings');
  const api = await openUiBackend({ as: 'municipality', locale });
  if (overview) api.override('backup.list', () => ({ ok: true, value: overview }));
  return { ...renderApp(api, locale), api };
}

describe('settings: Copie di sicurezza', () => {
  it('lists the copies, shows the last failure in words a clerk can act on and how to restore; no axe violation', async () => {
    await openSettings(FAILED);
    const card = await screen.findByRole('region', { name: 'Copie di sicurezza' });
    const table = await within(card).findByRole('table', { name: 'Copie di sicurezza presenti, dalla più recente' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('rowheader').textContent).toBe('25/11/2026, 09:00');
    expect(within(row).getByText(COPY.name)).toBeTruthy();
    expect(within(row).getByText('3,1 MB')).toBeTruthy();
    expect(within(row).getByText('Verificata')).toBeTruthy();
    expect(within(card).getByText('L’ultima copia non è riuscita (26/11/2026, 09:00)')).toBeTruthy();
    expect(within(card).getByText(/il disco è pieno/)).toBeTruthy();
    expect(within(card).getByText(`npx cst backup restore ${COPY.name}`)).toBeTruthy();
    expect(within(card).getByText(/Con CST Desk chiuso, lo stesso ripristino si fa anche da un terminale/)).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('in English the failure is said by its reason', async () => {
    await openSettings(FAILED, 'en');
    const card = await screen.findByRole('region', { name: 'Backups' });
    expect(await within(card).findByText(/The disk is full: free some space/)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Make a backup now' })).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('"Crea una copia adesso" makes one, confirms it and reloads the list', async () => {
    const { user, api } = await openSettings(null);
    const card = await screen.findByRole('region', { name: 'Copie di sicurezza' });
    expect(await within(card).findByText('Non c’è ancora nessuna copia di sicurezza.')).toBeTruthy();
    expect(within(card).getByText('npx cst backup restore NOME-DEL-FILE.sqlite')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Crea una copia adesso' }));
    const made = await screen.findByText(/^Copia creata e verificata: cst-desk-2026-11-26T09-00-\d\dZ\.sqlite\.$/);
    const name = /(cst-desk-\S+\.sqlite)/.exec(made.textContent ?? '')?.[1] ?? '';
    const table = await within(card).findByRole('table', { name: 'Copie di sicurezza presenti, dalla più recente' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByText(name)).toBeTruthy();
    expect(within(row).getByRole('rowheader').textContent).toBe('26/11/2026, 10:00');
    expect(within(row).getByText('Verificata')).toBeTruthy();
    expect(within(card).getByText(`npx cst backup restore ${name}`)).toBeTruthy();
    expect(api.callsOf('backup.now')).toHaveLength(1);
  });

  it('restores a copy of the list: the confirmation says what will happen (focus on Annulla), the core restores, the page reloads and says what was done', async () => {
    const reload = vi.spyOn(page, 'reload').mockImplementation(() => undefined);
    window.history.replaceState(null, '', '/#/settings');
    const api = await openUiBackend({ as: 'municipality' });
    await api.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    const copy = await api.must('backup.now', {});
    api.setTime('2026-11-26T15:30:00.000Z');
    await api.must('usage.record', { service: 'PEC', date: '2026-11-21', quantity: '4' });
    await api.must('usage.record', { service: 'PEC', date: '2026-11-22', quantity: '5' });
    const { user } = renderApp(api);
    const card = await screen.findByRole('region', { name: 'Copie di sicurezza' });
    await user.click(await within(card).findByRole('button', { name: 'Ripristina la copia del 26/11/2026, 10:00' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ripristinare la copia del 26/11/2026, 10:00?' });
    expect(within(dialog).getByText('È una copia dei dati del Comune di Urbino (codice ISTAT 041067), cioè di questa installazione.')).toBeTruthy();
    expect(within(dialog).getByText(/^Registrazioni fatte qui contenute nella copia: \d+ \(l’ultima del 26\/11\/2026, 10:00\)\.$/)).toBeTruthy();
    expect(within(dialog).getByText(/^Registrazioni nei dati attuali: \d+ \(l’ultima del 26\/11\/2026, 16:30\)\. Dopo il ripristino mancano le 2 più recenti: restano nella copia fatta prima del ripristino\.$/)).toBeTruthy();
    expect(within(dialog).getByText(/vengono salvati come nuova copia di sicurezza.*Nulla va perso\./)).toBeTruthy();
    expect(within(dialog).getByText(/^Poi la finestra si ricarica con i dati della copia\./)).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Annulla');
    expect(await violations()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    expect(api.callsOf('backup.restore')).toEqual([]);
    expect((await api.must('usage.list', {})).total).toBe(3);

    await user.click(within(card).getByRole('button', { name: 'Ripristina la copia del 26/11/2026, 10:00' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ripristina la copia' }));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(api.callsOf('backup.restore')).toEqual([{ name: copy.name }]);
    expect((await api.must('usage.list', {})).total).toBe(1);

    // After the reload (the same core, reopened on the restored database): what was done, and the way back.
    cleanup();
    const again = renderApp(api);
    const after = await screen.findByRole('region', { name: 'Copie di sicurezza' });
    expect(await within(after).findByText('Copia del 26/11/2026, 10:00 ripristinata')).toBeTruthy();
    const savedFirst = (await api.must('backup.list', {})).backups[0]!.name;
    expect(within(after).getByText(`I dati di prima sono nella copia ${savedFirst}, in questo elenco: ripristinandola si torna indietro.`)).toBeTruthy();
    expect(await violations()).toEqual([]);
    again.unmount();
    reload.mockRestore();
  });

  it('a file of another installation is refused with the CLI’s check, in words, and nothing is asked nor changed', async () => {
    const other = openTestBackend({ autoBackupDelayMs: false });
    await other.must('setup.municipality', { istat: '041013', operator: 'Paolo Verdi' });
    const theirs = await other.must('backup.now', {});
    const bytes = readFileSync(join(other.dataDir, 'backups', theirs.name));
    const { user, api } = await openSettings(null);
    const card = await screen.findByRole('region', { name: 'Copie di sicurezza' });
    await user.upload(within(card).getByLabelText('Ripristina da un file'), new File([bytes], theirs.name));
    expect(await within(card).findByText(/appartiene a un'altra installazione \(comune 041013\) e non a questa \(comune 041067\)\. Nulla è stato cambiato: scegliere una copia di sicurezza di questa installazione\./)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsOf('backup.restorePreview')).toHaveLength(1);
    expect(api.callsOf('backup.restore')).toEqual([]);
    expect(await violations()).toEqual([]);
  });
});

