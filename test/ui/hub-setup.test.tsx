import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openUiBackend, pair } from './real-backend';
import { renderApp } from './render-app';

async function openHubForm() {
  const api = await openUiBackend();
  const app = renderApp(api);
  await app.user.click(await screen.findByRole('button', { name: /^Nell’ufficio del consorzio \(hub\)/ }));
  await screen.findByRole('heading', { level: 2, name: 'Dati del consorzio' });
  return { ...app, api };
}

describe('first run: consortium (hub)', () => {
  it('upper-cases the code as one types', async () => {
    const { user } = await openHubForm();
    const code = screen.getByRole('textbox', { name: /Codice del consorzio/ }) as HTMLInputElement;
    await user.type(code, 'cst-pu');
    expect(code.value).toBe('CST-PU');
    // Typing in the middle keeps the caret where it was.
    code.setSelectionRange(3, 3);
    await user.type(code, 'x', { initialSelectionStart: 3, initialSelectionEnd: 3 });
    expect(code.value).toBe('CSTX-PU');
    expect(code.selectionStart).toBe(4);
  });

  it('offers the provinces with their number of municipalities', async () => {
    const { user } = await openHubForm();
    const province = screen.getByRole('combobox', { name: /Provincia/ }) as HTMLSelectElement;
    const option = await within(province).findByRole('option', { name: 'PU — Pesaro e Urbino (50 comuni)' });
    expect(within(province).getAllByRole('option')[0]?.textContent).toBe('Nessuna provincia');
    await user.selectOptions(province, option);
    expect(province.value).toBe('PU');
  });

  it('shows errors next to the required fields', async () => {
    const { user, api } = await openHubForm();
    await user.click(screen.getByRole('button', { name: 'Crea la postazione del consorzio' }));
    const code = screen.getByRole('textbox', { name: /Codice del consorzio/ });
    const name = screen.getByRole('textbox', { name: /Nome del consorzio/ });
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(code);
    const codeError = document.getElementById('setup-hub-id-error');
    expect(codeError?.textContent).toBe('Questo campo è obbligatorio.');
    expect(code.getAttribute('aria-describedby')).toBe('setup-hub-id-hint setup-hub-id-error');
    expect(api.callsOf('setup.hub')).toEqual([]);

    await user.type(code, 'cst pu');
    await user.click(screen.getByRole('button', { name: 'Crea la postazione del consorzio' }));
    expect(document.getElementById('setup-hub-id-error')?.textContent).toBe(
      'Il codice usa solo lettere maiuscole, cifre e trattini (massimo 32), per esempio CST-PU.',
    );
  });

  it('creates the hub, shows the fingerprint, then the members prefilled from the province', async () => {
    const { user, api } = await openHubForm();
    await user.type(screen.getByRole('textbox', { name: /Codice del consorzio/ }), 'cst-pu');
    await user.type(screen.getByRole('textbox', { name: /Nome del consorzio/ }), 'CST Pesaro-Urbino');
    const province = screen.getByRole('combobox', { name: /Provincia/ });
    await user.selectOptions(province, await within(province).findByRole('option', { name: /^PU/ }));
    await user.click(screen.getByRole('button', { name: 'Crea la postazione del consorzio' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Postazione pronta' })).toBeTruthy();
    expect(api.callsOf('setup.hub')).toEqual([{ id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' }]);
    expect(screen.getByText(/si leggono al telefono al Comune/)).toBeTruthy();

    // Urbino's identity arrives and its fingerprint is confirmed on the phone.
    await pair(api, await openUiBackend({ as: 'municipality' }));
    await user.click(screen.getByRole('button', { name: 'Vai alla Home' }));
    expect(await screen.findByText('CST-PU — CST Pesaro-Urbino')).toBeTruthy();
    expect(await screen.findByText('50 comuni aderenti')).toBeTruthy();
    expect(screen.getByText('Identità confermata: 1')).toBeTruthy();

    const nav = screen.getByRole('navigation', { name: 'Menu principale' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Home',
      'Membri',
      'Importazioni',
      'Catalogo e invii',
      'Proposte',
      'Comitato tecnico',
      'Piano tecnico',
      'Cruscotto',
      'Impostazioni',
      'Guida',
    ]);
    expect(within(nav).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');

    await user.click(screen.getByRole('link', { name: 'Vedere l’elenco dei membri' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Membri del consorzio' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Membri' }).getAttribute('aria-current')).toBe('page');
    expect(document.activeElement?.id).toBe('page-title');
    const table = await screen.findByRole('table', { name: 'Elenco dei comuni aderenti' });
    const urbino = within(table).getByRole('rowheader', { name: 'Urbino' }).closest('tr') as HTMLElement;
    expect(within(urbino).getByText('13.803')).toBeTruthy();
    expect(within(urbino).getByText('Confermato')).toBeTruthy();
    expect(screen.getByText(/Fonte: ISTAT/)).toBeTruthy();

    // The search is the hub's (issue 12: name or ISTAT code, answered one page at a time).
    expect(await screen.findByText('Pagina 1 di 1 · 50 comuni')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Cerca un comune' }), 'sant angelo'.replace(' ', "'"));
    await waitFor(() => expect(screen.getByText('Pagina 1 di 1 · 1 comune')).toBeTruthy());
    const found = await screen.findByRole('table', { name: 'Elenco dei comuni aderenti' });
    expect(within(found).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(["Sant'Angelo in Vado"]);
  });
});
