import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

async function open(path: string) {
  window.history.replaceState(null, '', `/#${path}`);
  const api = await openUiBackend({ as: 'municipality' });
  return { ...renderApp(api), api };
}

describe('proposals', () => {
  it('drafts with euros typed the Italian way and other municipalities from the ISTAT list', async () => {
    const { user, api } = await open('/proposals/new');
    await screen.findByRole('heading', { level: 1, name: 'Nuova proposta' });
    await user.type(screen.getByRole('textbox', { name: /^Titolo/ }), 'Firma digitale remota');
    await user.type(screen.getByRole('textbox', { name: /^Il problema/ }), 'Ogni ufficio compra la propria.');
    const oneOff = screen.getByRole('textbox', { name: /^Costo una tantum/ });
    await user.type(oneOff, '12,345');
    await user.type(screen.getByRole('textbox', { name: /^Costo annuale/ }), '1.234,56');
    const picker = screen.getByRole('combobox', { name: /^Altri comuni/ });
    await user.type(picker, 'urba');
    await user.click(await screen.findByRole('option', { name: /Urbania/ }));
    expect(screen.getByRole('button', { name: 'Togli: Urbania (PU)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Salva bozza' }));
    expect(await screen.findByText('Scrivere un importo in euro, per esempio 1.234,56 (virgola per i centesimi).')).toBeTruthy();
    expect(oneOff.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(oneOff);
    await user.clear(oneOff);
    await user.type(oneOff, '5.000');
    await user.click(screen.getByRole('button', { name: 'Salva bozza' }));
    expect(await screen.findByText('Bozza salvata.')).toBeTruthy();
    expect(api.callsOf('proposals.create')).toEqual([expect.objectContaining({ title: 'Firma digitale remota', oneOffCents: 500000, yearlyCents: 123456, beneficiaries: ['041066'] })]);
    // now on the proposal's page, still a draft, still editable
    expect(await screen.findByRole('heading', { level: 1, name: 'Proposta: Firma digitale remota' })).toBeTruthy();
    expect(screen.getByText(/Non ancora inviata · ultima modifica/)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /^Costo annuale/ }) as HTMLInputElement).value).toBe('1.234,56');
  });

  it('checks attachments before uploading; submitting locks the content; Modifica makes a new version; every version is listed', async () => {
    const { user, api } = await open('/proposals');
    const created = await api.call('proposals.create', { title: 'Wi-Fi nelle biblioteche' });
    if (!created.ok) throw new Error('seed');
    window.location.hash = `#/proposals/${created.value.id}`;
    const input = await screen.findByLabelText('Aggiungi un allegato');

    // The picker offers only the allowed types, but "All files" is one click away in every OS dialog.
    await userEvent.setup({ applyAccept: false }).upload(input, new File(['MZ'], 'programma.exe', { type: 'application/octet-stream' }));
    expect(await screen.findByText('Il file «programma.exe» non è di un tipo ammesso: usare PDF, ODT, DOCX, PNG o JPEG.')).toBeTruthy();
    const huge = new File(['%PDF'], 'planimetria.pdf', { type: 'application/pdf' });
    Object.defineProperty(huge, 'size', { value: 60 * 1024 * 1024 });
    await user.upload(input, huge);
    expect(await screen.findByText(/Il file «planimetria.pdf» è di 60 MB: il massimo è 50 MB/)).toBeTruthy();
    expect(api.callsOf('attachments.add')).toEqual([]);
    await user.upload(input, new File(['%PDF-1.4 test'], 'preventivo.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('Allegato «preventivo.pdf» aggiunto.')).toBeTruthy();
    expect(api.callsOf('attachments.add')[0]).toMatchObject({ name: 'preventivo.pdf', type: 'application/pdf', contentBase64: btoa('%PDF-1.4 test') });

    // Submitting without a solution: refused, in words, next to the field, which takes focus.
    await user.click(screen.getByRole('button', { name: 'Invia al Comitato tecnico' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Inviare la proposta?' })).getByRole('button', { name: 'Invia al Comitato tecnico' }));
    expect(await screen.findByText('Per presentare la proposta descrivere il problema e la soluzione proposta.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Il problema/ })));
    await user.type(screen.getByRole('textbox', { name: /^Il problema/ }), 'Nessuna rete nelle biblioteche.');
    await user.type(screen.getByRole('textbox', { name: /^La soluzione/ }), 'Un punto di accesso per sede.');
    await user.click(screen.getByRole('button', { name: 'Salva bozza' }));
    await screen.findByText('Bozza salvata.');

    await user.click(screen.getByRole('button', { name: 'Invia al Comitato tecnico' }));
    const dialog = await screen.findByRole('dialog', { name: 'Inviare la proposta?' });
    await user.click(within(dialog).getByRole('button', { name: 'Invia al Comitato tecnico' }));
    expect(await screen.findByText('Proposta inviata (versione 1).')).toBeTruthy();
    expect(await screen.findByText(/Proposta inviata: il contenuto è bloccato/)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /^Titolo/ })).toBeNull();
    expect(screen.queryByLabelText('Aggiungi un allegato')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Modifica (nuova versione)' }));
    const title = await screen.findByRole('textbox', { name: /^Titolo/ });
    await user.clear(title);
    await user.type(title, 'Wi-Fi pubblico nelle biblioteche');
    await user.click(screen.getByRole('button', { name: 'Salva come nuova versione' }));
    expect(await screen.findByText('Nuova versione 2 salvata.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('textbox', { name: /^Titolo/ })).toBeNull());

    const versions = screen.getByRole('region', { name: 'Versioni' });
    const items = within(versions).getAllByRole('listitem');
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items[0]?.textContent).toContain('Versione 2 · Inviata');

    await user.click(screen.getByRole('button', { name: 'Ritira la proposta' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Ritirare la proposta?' })).getByRole('button', { name: 'Ritira la proposta' }));
    expect(await screen.findByText('Proposta ritirata: il contenuto non si può più cambiare.')).toBeTruthy();

    window.location.hash = '#/proposals';
    const table = await screen.findByRole('table', { name: 'Proposte del Comune' });
    expect(within(table).getByText('Ritirata')).toBeTruthy();
  });
});

describe('municipality home', () => {
  it('shows this month, the changes not yet sent and the quick actions', async () => {
    window.history.replaceState(null, '', '/#/');
    const api = await openUiBackend({ as: 'municipality' });
    await api.call('usage.record', { service: 'PEC', date: '2026-11-03', quantity: '1500' });
    renderApp(api);
    const month = await screen.findByRole('region', { name: 'Questo mese (novembre 2026)' });
    expect(within(month).getByText('1 registrazione di utilizzo')).toBeTruthy();
    expect(within(month).getByText('1.500')).toBeTruthy();
    expect(screen.getByText('1 modifica non ancora inviata al consorzio.')).toBeTruthy();
    expect(screen.getByText('Non è ancora stato preparato nessun invio.')).toBeTruthy();
    const actions = screen.getByRole('region', { name: 'Azioni rapide' });
    expect(within(actions).getByRole('link', { name: 'Registra utilizzo' }).getAttribute('href')).toBe('#/usage');
    expect(within(actions).getByRole('link', { name: 'Registra formazione' }).getAttribute('href')).toBe('#/training/participations');
    expect(within(actions).getByRole('link', { name: 'Nuova proposta' }).getAttribute('href')).toBe('#/proposals/new');
  });
});
