import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Peer } from '../../shared/domain/bundles';
import { FINGERPRINT, URBINO } from './fake-api';
import { createBundleFake, peer, resetBundleStores, seriousViolations } from './bundles-fake';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

function open() {
  let peers: Peer[] = [];
  const api = createBundleFake(URBINO, {
    'peers.list': () => peers,
    'identity.import': () => {
      peers = [peer()];
      return peers[0] as Peer;
    },
    'identity.confirm': ({ fingerprint }) => {
      if (fingerprint.replace(/\D/g, '') !== FINGERPRINT.replace(/\D/g, '')) return { code: 'E_VALIDATION', message: 'Impronta diversa.' };
      peers = [peer({ status: 'confirmed', confirmedAt: '2026-11-26T10:00:00.000Z' })];
      return { peer: peers[0] as Peer, applied: [] };
    },
  });
  window.history.replaceState(null, '', '/#/bundles/identities');
  return { ...renderApp(api), api };
}

describe('identities: import a .cstid and confirm its fingerprint', () => {
  it('shows the fingerprint and cannot be confirmed with wrong or partial digits', async () => {
    const { user, api } = open();
    await screen.findByRole('heading', { level: 1, name: 'Invii al consorzio' });
    const input = screen.getByLabelText('Scegli il file .cstid') as HTMLInputElement;
    expect(input.getAttribute('accept')).toBe('.cstid');
    await user.upload(input, new File(['PK'], 'CST-PU.cstid'));
    const box = await screen.findByRole('region', { name: 'Conferma dell’impronta di CST Pesaro-Urbino (CST-PU)' });
    expect(within(box).getAllByText(/^\d{5}$/).map((g) => g.textContent).join(' ')).toBe(FINGERPRINT);
    expect(within(box).getByText(/Leggete al telefono le 30 cifre con l’altra parte: coincidono/)).toBeTruthy();
    expect(api.callsOf('identity.import')).toEqual([{ contentBase64: 'UEs=', fileName: 'CST-PU.cstid' }]);

    const field = within(box).getByRole('textbox', { name: /Cifre lette al telefono/ });
    // Pressing "Conferma" with nothing typed does nothing but say what to do.
    await user.click(within(box).getByRole('button', { name: 'Conferma' }));
    expect(document.getElementById(`${field.id}-error`)?.textContent).toBe('Scrivere le 30 cifre lette al telefono.');
    expect(field.getAttribute('aria-describedby')).toContain(`${field.id}-error`);
    await user.type(field, '52680 40966');
    await user.click(within(box).getByRole('button', { name: 'Conferma' }));
    expect(document.getElementById(`${field.id}-error`)?.textContent).toBe('Sono state scritte 10 cifre su 30: controllare e completare.');
    await user.clear(field);
    await user.type(field, '52680 40966 60774 80524 66126 89295');
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
    await user.type(field, '526804096660774805246612689294');
    await user.click(within(box).getByRole('button', { name: 'Conferma' }));
    await screen.findByText('Impronta confermata: ora i file di CST Pesaro-Urbino vengono letti.');
    expect(api.callsOf('identity.confirm')).toEqual([{ id: 'CST-PU', fingerprint: '526804096660774805246612689294' }]);
    const table = screen.getByRole('table', { name: 'Identità importate' });
    await waitFor(() => expect(within(table).getByText('Confermata')).toBeTruthy());
    expect(await seriousViolations()).toEqual([]);
  });
});
