import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetBundleStores } from './bundle-stores';
import { seriousViolations } from './axe-serious';
import { bundleAsFile, openUiBackend } from './real-backend';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

/** Urbino's workstation on the identities page, and the hub's real identity file (.cstid). */
async function open() {
  const hub = await openUiBackend({ as: 'hub' });
  const file = await hub.must('identity.export', {});
  const { fingerprint } = await hub.must('identity.show', {});
  const api = await openUiBackend({ as: 'municipality' });
  window.history.replaceState(null, '', '/#/bundles/identities');
  return { ...renderApp(api), api, fingerprint, cstid: bundleAsFile({ name: 'CST-PU.cstid', contentBase64: file.contentBase64 }), contentBase64: file.contentBase64 };
}

describe('identities: import a .cstid and confirm its fingerprint', () => {
  it('shows the fingerprint and cannot be confirmed with wrong or partial digits', async () => {
    const { user, api, fingerprint, cstid, contentBase64 } = await open();
    await screen.findByRole('heading', { level: 1, name: 'Invii al consorzio' });
    const input = screen.getByLabelText('Scegli il file .cstid') as HTMLInputElement;
    expect(input.getAttribute('accept')).toBe('.cstid');
    await user.upload(input, cstid);
    const box = await screen.findByRole('region', { name: 'Conferma dell’impronta di CST Pesaro-Urbino (CST-PU)' });
    expect(within(box).getAllByText(/^\d{5}$/).map((g) => g.textContent).join(' ')).toBe(fingerprint);
    expect(within(box).getByText(/Leggere al telefono le 30 cifre con l’altra parte: coincidono/)).toBeTruthy();
    expect(api.callsOf('identity.import')).toEqual([{ contentBase64, fileName: 'CST-PU.cstid' }]);

    const field = within(box).getByRole('textbox', { name: /Cifre lette al telefono/ });
    // Pressing "Conferma" with nothing typed does nothing but say what to do.
    await user.click(within(box).getByRole('button', { name: 'Conferma' }));
    expect(document.getElementById(`${field.id}-error`)?.textContent).toBe('Scrivere le 30 cifre lette al telefono.');
    expect(field.getAttribute('aria-describedby')).toContain(`${field.id}-error`);
    await user.type(field, fingerprint.slice(0, 11));
    await user.click(within(box).getByRole('button', { name: 'Conferma' }));
    expect(document.getElementById(`${field.id}-error`)?.textContent).toBe('Sono state scritte 10 cifre su 30: controllare e completare.');
    await user.clear(field);
    await user.type(field, `${fingerprint.slice(0, -1)}${(Number(fingerprint.slice(-1)) + 1) % 10}`);
    await user.click(within(box).getByRole('button', { name: 'Conferma' }));
    expect(document.getElementById(`${field.id}-error`)?.textContent).toMatch(/^Le cifre non coincidono/);
    expect(api.callsOf('identity.confirm')).toEqual([]);
    expect(await seriousViolations()).toEqual([]);
    // The error follows a language switch made while it shows.
    await user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
    expect((await screen.findByText(/^The digits do not match/)).id).toBe(`${field.id}-error`);
    await user.click(screen.getAllByRole('button', { name: 'Italiano' })[0] as HTMLElement);
    await screen.findByText(/^Le cifre non coincidono/);

    await user.clear(field);
    const digits = fingerprint.replace(/\D/g, '');
    await user.type(field, digits);
    await user.click(within(box).getByRole('button', { name: 'Conferma' }));
    await screen.findByText('Impronta confermata: ora i file di CST Pesaro-Urbino vengono letti.');
    expect(api.callsOf('identity.confirm')).toEqual([{ id: 'CST-PU', fingerprint: digits }]);
    const table = screen.getByRole('table', { name: 'Identità importate' });
    await waitFor(() => expect(within(table).getByText('Confermata')).toBeTruthy());
    expect(await seriousViolations()).toEqual([]);
  });
});
