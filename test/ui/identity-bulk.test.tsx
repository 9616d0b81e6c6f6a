import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useBulkEnrolmentStore } from '../../renderer/src/features/identities/bulk-store';
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { bundleAsFile, memberIdentityFiles, openUiBackend, zipOf } from './real-backend';
import { renderApp } from './render-app';

afterEach(() => {
  resetBundleStores();
  useBulkEnrolmentStore.getState().reset();
});

const csvFile = (lines: string[]) => new File(['\ufeff' + ['Codice ISTAT;Impronta', ...lines].join('\r\n') + '\r\n'], 'impronte.csv', { type: 'text/csv' });

/** The hub CST-PU (50 members) on Membri › Identità, with a real identity file for each member. */
async function open() {
  const api = await openUiBackend({ as: 'hub' });
  const members = await api.must('members.list', {});
  const ids = memberIdentityFiles(members.map((m) => ({ istat: m.istat, name: m.name })));
  window.history.replaceState(null, '', '/#/members/identities');
  return { api, ids, ...renderApp(api) };
}

describe('hub: many members enrolled at once', () => {
  it('imports a ZIP and loose files, lists the bad ones with the reason, and pages the full list', async () => {
    const { api, ids, user } = await open();
    const region = await screen.findByRole('region', { name: '1. Importa i file di identità' });
    const input = within(region).getByLabelText('Scegli i file .cstid o lo ZIP') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    expect(input.getAttribute('accept')).toBe('.cstid,.zip');
    const roma = memberIdentityFiles([{ istat: '058091', name: 'Roma' }])[0]!;
    await user.upload(input, [
      bundleAsFile({ name: 'soci.zip', contentBase64: zipOf('identita', ids) }),
      bundleAsFile({ name: roma.fileName, contentBase64: roma.contentBase64 }),
      new File(['non è un file di identità'], 'rotto.cstid'),
    ]);
    const summary = await within(region).findByText('Importate, da confermare: 50');
    expect(summary.closest('ul')?.textContent).toContain('Con problemi, non importate: 2');
    expect(api.callsOf('identity.importMany')).toHaveLength(1);
    // The list of imported identities is read again: the 50 members, pending.
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Identità importate' })).getAllByText('Da confermare')).toHaveLength(50));

    // The problems first: two rows, each with the Italian reason.
    const table = within(region).getByRole('table', { name: 'File di identità letti' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([roma.fileName, 'rotto.cstid']);
    expect(rows[0]!.textContent).toContain("Il comune Roma (058091) non è nell'elenco dei soci del consorzio");
    expect(rows[1]!.textContent).toContain('Il file scelto non è un file di identità CST valido (.cstid)');
    expect(await seriousViolations()).toEqual([]);

    // All 52, 50 a page.
    await user.selectOptions(within(region).getByLabelText('File da mostrare'), 'all');
    const pager = within(region).getByRole('navigation', { name: 'Pagine: File di identità letti' });
    expect(within(pager).getByText('Pagina 1 di 2 · 52 righe')).toBeTruthy();
    expect(within(within(region).getByRole('table')).getAllByRole('row')).toHaveLength(51);
    await user.click(within(pager).getByRole('button', { name: 'Pagina successiva ›' }));
    expect(within(pager).getByText('Pagina 2 di 2 · 52 righe')).toBeTruthy();
    expect((within(pager).getByRole('button', { name: 'Pagina successiva ›' }) as HTMLButtonElement).disabled).toBe(true);
    expect(await seriousViolations()).toEqual([]);
  });

  it('confirms from the CSV list: the matching members, and each other row with its line and reason', async () => {
    const { api, ids, user } = await open();
    // Rome joins too: 51 identities, more than one page of the imported identities' list.
    await api.must('members.add', { istat: '058091', memberSince: null });
    const roma = memberIdentityFiles([{ istat: '058091', name: 'Roma' }])[0]!;
    await api.must('identity.importMany', { files: [{ name: 'soci.zip', contentBase64: zipOf('identita', [...ids, roma]) }] });
    const [first, second, ...rest] = ids;
    const wrong = memberIdentityFiles([{ istat: second!.istat, name: second!.name }])[0]!.fingerprint;
    const region = await screen.findByRole('region', { name: '2. Conferma con l’elenco delle impronte' });
    await user.upload(within(region).getByLabelText('Scegli l’elenco CSV'), csvFile([
      `${first!.istat};${first!.fingerprint}`,
      `${second!.istat};${wrong}`,
      `999999;${first!.fingerprint}`,
      ...rest.map((m) => `${m.istat};${m.fingerprint}`),
    ]));
    const summary = await within(region).findByText('Confermate ora: 49');
    expect(summary.closest('ul')?.textContent).toContain('Non confermate: 2');

    const mismatches = within(region).getByRole('table', { name: 'Righe non confermate' });
    const rows = within(mismatches).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['3', '4']);
    expect(rows[0]!.textContent).toContain(`L’impronta dell’elenco non coincide con quella del file importato per ${second!.name} (${second!.istat}): non confermato.`);
    expect(rows[1]!.textContent).toContain('Il codice 999999 non è di nessun comune italiano (elenco ISTAT): nessuna conferma.');
    // 49 confirmed rows: one page of them, not all at once.
    const confirmed = within(region).getByRole('table', { name: 'Righe confermate' });
    expect(within(confirmed).getAllByRole('row')).toHaveLength(50);
    expect(within(region).queryByRole('navigation')).toBeNull();
    expect(await seriousViolations()).toEqual([]);
    const peers = await api.must('peers.list', {});
    expect(peers.filter((p) => p.status === 'confirmed')).toHaveLength(49);
    const identities = screen.getByRole('navigation', { name: 'Pagine: Identità importate' });
    await waitFor(() => expect(within(identities).getByText('Pagina 1 di 2 · 51 righe')).toBeTruthy());

    // The reasons follow the language.
    await user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
    await waitFor(() => expect(within(region).getByText(/The code 999999 is not that of any Italian municipality/)).toBeTruthy());
    expect(within(region).getByText('Confirmed now: 49')).toBeTruthy();
  });
});
