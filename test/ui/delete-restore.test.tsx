/**
 * Deleting is safe (issue 13, item 13): every destructive confirmation opens with the focus on
 * "Annulla" (Enter pressed by habit cancels), and a deleted record is found in "Dati eliminati"
 * and restored from there, over the real core.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

async function open(path: string) {
  window.history.replaceState(null, '', `/#${path}`);
  const api = await openUiBackend({ as: 'municipality' });
  return api;
}

describe('deleting is safe', () => {
  it('a usage entry: the dialog starts on Annulla, Enter cancels; deleted, it is restored from «Dati eliminati»', async () => {
    const api = await open('/usage');
    await api.must('usage.record', { service: 'PEC', date: '2026-10-15', quantity: '4', note: 'caselle nuove' });
    await api.must('usage.record', { service: 'PEC', date: '2026-10-16', quantity: '1' });
    const { user } = renderApp(api);
    const list = await screen.findByRole('region', { name: 'Registrazioni' });
    await within(list).findByText('2 registrazioni trovate');
    // The unit agrees with the quantity (issue 13, item 7: never "1 caselle").
    expect(within(list).getByText('1 casella')).toBeTruthy();
    expect(within(list).getByText('4 caselle')).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: 'Elimina: registrazione del 15/10/2026, Posta elettronica certificata (PEC)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Eliminare la registrazione?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annulla' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Eliminare la registrazione?' })).toBeNull());
    expect(api.callsOf('usage.delete')).toHaveLength(0);

    await user.click(within(list).getByRole('button', { name: 'Elimina: registrazione del 15/10/2026, Posta elettronica certificata (PEC)' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Eliminare la registrazione?' })).getByRole('button', { name: 'Elimina' }));
    expect(await within(list).findByText('1 registrazione trovata')).toBeTruthy();

    // Below the list, the way to what was deleted.
    await user.click(screen.getByRole('link', { name: 'Dati eliminati: vedere e ripristinare' }));
    await screen.findByRole('heading', { level: 1, name: 'Dati eliminati' });
    expect((screen.getByRole('combobox', { name: 'Tipo di dato' }) as HTMLSelectElement).value).toBe('usage');
    const table = await screen.findByRole('table', { name: 'Dati eliminati' });
    const row = within(table).getByRole('row', { name: /Posta elettronica certificata \(PEC\), 15\/10\/2026: 4 caselle/ });
    expect(within(row).getByText('Utilizzo di un servizio')).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'Ripristina: Posta elettronica certificata (PEC), 15/10/2026: 4 caselle' }));
    expect(await screen.findByText('Ripristinato: Posta elettronica certificata (PEC), 15/10/2026: 4 caselle. Partirà verso il consorzio con il prossimo pacchetto.')).toBeTruthy();
    expect(await screen.findByText('Nessun dato di questo tipo eliminato.')).toBeTruthy();
    expect(api.callsOf('history.restore')).toHaveLength(1);

    // Back in the list, as it was; its history says it was deleted and came back.
    window.location.hash = '#/usage';
    const back = await screen.findByRole('region', { name: 'Registrazioni' });
    expect(await within(back).findByText('2 registrazioni trovate')).toBeTruthy();
    const history = await api.must('history.get', { kind: 'usage', id: (await api.must('usage.list', {})).rows.find((e) => e.date === '2026-10-15')!.id });
    expect(history.versions.map((v) => v.op)).toEqual(['put', 'delete', 'put']);
  });

  it('a person: the training list’s dialog starts on Annulla too; restored without the name, the clerk is told', async () => {
    const api = await open('/training');
    await api.must('staff.create', { code: 'P-001', displayName: 'Anna Neri', role: 'Istruttore', office: 'Anagrafe' });
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /^Elimina: P-001/ }));
    const dialog = await screen.findByRole('dialog');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annulla' }));
    await user.click(within(dialog).getByRole('button', { name: 'Elimina' }));
    await screen.findByText('Eliminato.');

    await user.click(screen.getByRole('link', { name: 'Dati eliminati: vedere e ripristinare' }));
    const table = await screen.findByRole('table', { name: 'Dati eliminati' });
    await user.click(within(table).getByRole('button', { name: 'Ripristina: P-001, Istruttore, Anagrafe' }));
    expect(await screen.findByText(/^Ripristinato: P-001, Istruttore, Anagrafe, senza il nome/)).toBeTruthy();
    expect((await api.must('staff.list', {})).map((s) => s.code)).toEqual(['P-001']);
  });
});
