import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

async function openUsage(path = '/usage') {
  window.history.replaceState(null, '', `/#${path}`);
  const api = await openUiBackend({ as: 'municipality' });
  return { ...renderApp(api), api };
}

async function ready() {
  await screen.findByRole('heading', { level: 1, name: 'Utilizzo dei servizi' });
  return screen.findByRole('combobox', { name: /^Servizio/ });
}

describe('usage: quick entry', () => {
  it('records with the keyboard alone: Enter saves, keeps service and date, focus back on quantity', async () => {
    const { user, api } = await openUsage();
    const service = await ready();
    await user.selectOptions(service, 'PROTOCOLLO');
    expect(screen.getByText(/Unità di misura: documenti\. Solo numeri interi\./)).toBeTruthy();
    const date = screen.getByLabelText(/^Data/) as HTMLInputElement;
    await user.clear(date);
    await user.type(date, '05/11/2026');
    const quantity = screen.getByRole('textbox', { name: /^Quantità/ });
    await user.type(quantity, '40{Enter}');
    expect(await screen.findByText('Registrato: 40 documenti di «Protocollo informatico» (05/11/2026).')).toBeTruthy();
    expect(document.activeElement).toBe(quantity);
    expect((quantity as HTMLInputElement).value).toBe('');
    expect((service as HTMLSelectElement).value).toBe('PROTOCOLLO');
    expect(date.value).toBe('05/11/2026');

    await user.type(quantity, '1.234');
    await user.type(screen.getByRole('textbox', { name: 'Cittadini' }), '12');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Canale' }), 'counter');
    await user.type(screen.getByRole('textbox', { name: /^Note/ }), 'registro di novembre{Enter}');
    await screen.findByText(/Registrato: 1\.234 documenti/);
    expect(api.callsOf('usage.record')).toEqual([
      expect.objectContaining({ service: 'PROTOCOLLO', date: '2026-11-05', period: 'day', quantity: '40' }),
      expect.objectContaining({ quantity: '1234', beneficiaries: { citizens: 12, businesses: null, offices: null }, channel: 'counter', note: 'registro di novembre' }),
    ]);
    const list = screen.getByRole('region', { name: 'Registrazioni' });
    expect(await within(list).findByText('2 registrazioni trovate')).toBeTruthy();
    expect(within(list).getByText('1.274 documenti in 2 registrazioni')).toBeTruthy();
  });

  it('accepts decimals with a comma where the unit allows them, and a whole month', async () => {
    const { user, api } = await openUsage();
    await user.selectOptions(await ready(), 'SITO');
    await user.click(screen.getByRole('radio', { name: 'un mese intero' }));
    const month = screen.getByLabelText(/^Mese/) as HTMLInputElement;
    await user.clear(month);
    await user.type(month, '2026-10');
    await user.type(screen.getByRole('textbox', { name: /^Quantità/ }), '12,5{Enter}');
    await screen.findByText('Registrato: 12,5 GB di «Hosting del sito istituzionale» (mese di ottobre 2026).');
    expect(api.callsOf('usage.record')[0]).toMatchObject({ date: '2026-10-01', period: 'month', quantity: '12.5' });
  });

  it('shows each problem next to its field, in words, and focuses the first', async () => {
    const { user, api } = await openUsage();
    await ready();
    const quantity = screen.getByRole('textbox', { name: /^Quantità/ });
    await user.type(quantity, 'tre{Enter}');
    const service = screen.getByRole('combobox', { name: /^Servizio/ });
    expect(await screen.findByText('Scegliere il servizio dall’elenco.')).toBeTruthy();
    expect(service.getAttribute('aria-invalid')).toBe('true');
    expect(service.getAttribute('aria-describedby')).toContain('usage-new-service-error');
    expect(document.activeElement).toBe(service);
    expect(screen.getByText(/Scrivere un numero positivo/).id).toBe('usage-new-quantity-error');

    await user.selectOptions(service, 'PEC');
    await user.clear(quantity);
    await user.type(quantity, '2,5');
    await user.type(screen.getByRole('textbox', { name: 'Imprese' }), '1,5{Enter}');
    expect(await screen.findByText('Per «Posta elettronica certificata (PEC)» la quantità è un numero intero di caselle: scrivere un numero senza decimali.')).toBeTruthy();
    expect(screen.getByText(/Scrivere un numero intero, senza virgola/)).toBeTruthy();
    expect(document.activeElement).toBe(quantity);
    await user.clear(quantity);
    await user.type(quantity, '0');
    await user.clear(screen.getByRole('textbox', { name: 'Imprese' }));
    await user.keyboard('{Enter}');
    expect(await screen.findByText('La quantità deve essere maggiore di zero.')).toBeTruthy();
    expect(api.callsOf('usage.record')).toEqual([]);
  });

  it('refuses bad input in words and sends nothing: no date, a note too long, control characters', async () => {
    const { user, api } = await openUsage();
    await user.selectOptions(await ready(), 'PEC');
    await user.clear(screen.getByLabelText(/^Data/)); // what a date box holds after 31/02 or a half-typed date
    const note = screen.getByRole('textbox', { name: /^Note/ });
    await user.click(note);
    await user.paste('x'.repeat(2001));
    await user.type(screen.getByRole('textbox', { name: /^Quantità/ }), '3{Enter}');
    expect(await screen.findByText('Data non valida: scrivere una data esistente (gg/mm/aaaa).')).toBeTruthy();
    await user.type(screen.getByLabelText(/^Data/), '05/11/2026');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Massimo 2000 caratteri.')).toBeTruthy();
    expect(note.getAttribute('aria-invalid')).toBe('true');
    await user.clear(note);
    await user.click(note);
    await user.paste('riga\u0007campanello');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Contiene caratteri non ammessi.')).toBeTruthy();
    expect(api.callsOf('usage.record')).toEqual([]);
  });

  it('in English, with the same behaviour', async () => {
    window.history.replaceState(null, '', '/#/usage');
    const { user } = renderApp(await openUiBackend({ as: 'municipality', locale: 'en' }), 'en');
    await screen.findByRole('heading', { level: 1, name: 'Service usage' });
    await user.selectOptions(await screen.findByRole('combobox', { name: /^Service/ }), 'HELPDESK');
    await user.type(screen.getByRole('textbox', { name: /^Quantity/ }), '3{Enter}');
    expect(await screen.findByText(/Recorded: 3 requests of “Help desk”/)).toBeTruthy();
  });
});

describe('usage: list', () => {
  async function seed() {
    const ctx = await openUsage();
    await ready();
    const add = (service: string, date: string, quantity: string, note = '') =>
      ctx.api.call('usage.record', { service, date, quantity, note });
    await add('PROTOCOLLO', '2026-11-02', '10', 'registro mattina');
    await add('PEC', '2026-10-15', '3');
    await add('SITO', '2026-09-01', '2,5');
    // the list reads again after a save in the form
    await ctx.user.selectOptions(screen.getByRole('combobox', { name: /^Servizio/ }), 'HELPDESK');
    await ctx.user.type(screen.getByRole('textbox', { name: /^Quantità/ }), '1{Enter}');
    await screen.findByText('4 registrazioni trovate');
    return ctx;
  }

  it('filters by service, period and text, and clears the filters', async () => {
    const { user } = await seed();
    const list = screen.getByRole('region', { name: 'Registrazioni' });
    await user.selectOptions(within(list).getByRole('combobox', { name: 'Filtra per servizio' }), 'PEC');
    expect(await within(list).findByText('1 registrazione trovata')).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: 'Togli i filtri' }));
    await within(list).findByText('4 registrazioni trovate');
    const from = within(list).getByLabelText('Dal');
    await user.type(from, '01/10/2026');
    await user.type(within(list).getByLabelText('Al'), '31/10/2026');
    expect(await within(list).findByText('1 registrazione trovata')).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: 'Togli i filtri' }));
    await user.type(within(list).getByRole('textbox', { name: 'Cerca nelle note' }), 'mattina');
    expect(await within(list).findByText('1 registrazione trovata')).toBeTruthy();
    expect(within(list).getByText('registro mattina')).toBeTruthy();
  });

  it('corrects an entry (a new version) and the history shows both, field by field', async () => {
    const { user, api } = await seed();
    const list = screen.getByRole('region', { name: 'Registrazioni' });
    await user.click(within(list).getByRole('button', { name: 'Modifica: registrazione del 02/11/2026, Protocollo informatico' }));
    const dialog = await screen.findByRole('dialog', { name: 'Correggere la registrazione' });
    const quantity = within(dialog).getByRole('textbox', { name: /^Quantità/ });
    expect((quantity as HTMLInputElement).value).toBe('10');
    expect(document.activeElement).toBe(quantity);
    await user.clear(quantity);
    await user.type(quantity, '12{Enter}');
    expect(await screen.findByText('Correzione salvata (versione 2).')).toBeTruthy();
    expect(api.callsOf('usage.update')).toHaveLength(1);

    await user.click(within(list).getByRole('button', { name: 'Cronologia: registrazione del 02/11/2026, Protocollo informatico' }));
    const history = await screen.findByRole('dialog', { name: /^Cronologia/ });
    expect(await within(history).findByText('Versione 2 — Modifica')).toBeTruthy();
    expect(within(history).getByText('Versione 1 — Creazione')).toBeTruthy();
    const changes = within(history).getByRole('table', { name: 'Campi cambiati nella versione 2' });
    const row = within(changes).getByRole('row', { name: /Quantità/ });
    expect(within(row).getByText('10')).toBeTruthy();
    expect(within(row).getByText('12')).toBeTruthy();
    await user.click(within(history).getByRole('button', { name: 'Chiudi' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /^Cronologia/ })).toBeNull());
  });

  it('deletes after a confirmation', async () => {
    const { user, api } = await seed();
    const list = screen.getByRole('region', { name: 'Registrazioni' });
    await user.click(within(list).getByRole('button', { name: 'Elimina: registrazione del 15/10/2026, Posta elettronica certificata (PEC)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Eliminare la registrazione?' });
    await user.click(within(dialog).getByRole('button', { name: 'Elimina' }));
    expect(await screen.findByText('Registrazione eliminata.')).toBeTruthy();
    expect(await within(list).findByText('3 registrazioni trovate')).toBeTruthy();
    expect(api.callsOf('usage.delete')).toHaveLength(1);
  });

  it('pages through many entries', async () => {
    const ctx = await openUsage();
    await ready();
    for (let d = 1; d <= 25; d++) await ctx.api.call('usage.record', { service: 'PEC', date: `2026-10-${String(d).padStart(2, '0')}`, quantity: '1' });
    await ctx.user.selectOptions(screen.getByRole('combobox', { name: /^Servizio/ }), 'PEC');
    await ctx.user.type(screen.getByRole('textbox', { name: /^Quantità/ }), '1{Enter}');
    await screen.findByText('26 registrazioni trovate');
    const list = screen.getByRole('region', { name: 'Registrazioni' });
    expect(within(list).getAllByRole('row')).toHaveLength(21);
    await ctx.user.click(within(list).getByRole('button', { name: 'Pagina successiva' }));
    await waitFor(() => expect(within(list).getAllByRole('row')).toHaveLength(7));
    expect(within(list).getByText('Pagina 2')).toBeTruthy();
  });
});

describe('usage: monthly table, trend, CSV', () => {
  it('shows the service × month table and one accessible chart per service', async () => {
    const { user, api } = await openUsage('/usage/monthly');
    await screen.findByRole('heading', { level: 1, name: 'Utilizzo dei servizi' });
    await api.call('usage.record', { service: 'PEC', date: '2026-03-10', quantity: '4' });
    await api.call('usage.record', { service: 'PEC', date: '2026-11-10', quantity: '6' });
    await user.click(screen.getByRole('link', { name: 'Andamento 12 mesi' }));
    await user.click(screen.getByRole('link', { name: 'Riepilogo mensile' }));
    const table = await screen.findByRole('table', { name: 'Utilizzo per servizio e per mese, anno 2026' });
    const row = within(table).getByRole('row', { name: /Posta elettronica certificata/ });
    expect(within(row).getByText('4')).toBeTruthy();
    // Mailboxes are a level held: the year shows their average (4 and 6 → 5), not their sum.
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toContain('5 media');

    await user.click(screen.getByRole('link', { name: 'Andamento 12 mesi' }));
    const chart = await screen.findByRole('img', { name: /Posta elettronica certificata \(PEC\): ultimi 12 mesi, media mensile 5 caselle; il mese con il valore più alto è novembre 2026 con 6\./ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.querySelector('[style]')).toBeNull();
    const data = screen.getByRole('table', { name: 'Posta elettronica certificata (PEC) (caselle)' });
    expect(within(data).getAllByRole('row')).toHaveLength(13);
  });

  it('CSV: a preview names every bad row; import only once they are excluded', async () => {
    const { user, api } = await openUsage('/usage/csv');
    await screen.findByRole('heading', { level: 1, name: 'Utilizzo dei servizi' });
    const csv = 'servizio;data;quantita\nPEC;05/11/2026;3\nXYZ;05/11/2026;2\nPEC;31/02/2026;abc\nPEC;05/11/2026;3\n';
    const file = new File([csv], 'utilizzo.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('File CSV'), file);
    expect(await screen.findByText('Anteprima di «utilizzo.csv»')).toBeTruthy();
    const problems = screen.getByRole('table', { name: 'Problemi trovati nel file' });
    expect(within(problems).getByText('Il servizio «XYZ» non è nel catalogo: usare il codice (per esempio PEC) o il nome esatto.')).toBeTruthy();
    expect(within(problems).getByText('«abc» non è un numero: scrivere per esempio 12 oppure 12,5.')).toBeTruthy();
    expect(within(problems).getByText('Riga uguale alla riga 2: toglierla o escluderla.')).toBeTruthy();
    const importButton = screen.getByRole('button', { name: /^Importa/ });
    expect((importButton as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Ci sono ancora 3 righe con problemi non escluse: escluderle o correggere il file.')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Escludi la riga 3' }));
    expect(screen.getByText('Ci sono ancora 2 righe con problemi non escluse: escluderle o correggere il file.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Escludi tutte le righe con problemi' }));
    const ready = screen.getByRole('button', { name: 'Importa 1 riga' });
    expect((ready as HTMLButtonElement).disabled).toBe(false);
    await user.click(ready);
    expect(await screen.findByText('1 registrazione importata; righe escluse: 3.')).toBeTruthy();
    expect(api.callsOf('csv.import')[0]).toMatchObject({ kind: 'usage', exclude: [3, 4, 5] });
  });
});
