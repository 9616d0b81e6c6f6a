import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

async function openSettings(locale: 'it' | 'en' = 'it') {
  window.history.replaceState(null, '', '/#/settings');
  const api = await openUiBackend({ as: 'municipality', locale });
  return { ...renderApp(api, locale), api };
}

afterEach(() => vi.restoreAllMocks());

describe('settings', () => {
  it('shows the identity with its fingerprint, the data folder and the version', async () => {
    const { api } = await openSettings();
    const me = await api.must('identity.show', {});
    expect(await screen.findByRole('heading', { level: 1, name: 'Impostazioni' })).toBeTruthy();
    const identity = screen.getByRole('region', { name: 'Identità di questa postazione' });
    const groups = await within(identity).findAllByText(/^\d{5}$/);
    expect(groups.map((g) => g.textContent).join(' ')).toBe(me.fingerprint);
    const [first, second] = me.fingerprint.split(' ').map((g) => g.split('').join(' '));
    expect(within(identity).getByText(new RegExp(`Cifre da leggere: ${first}, ${second}`))).toBeTruthy();
    expect(within(identity).getByText(me.keyId)).toBeTruthy();
    expect(within(identity).getByText('Postazione del Comune')).toBeTruthy();
    expect(within(identity).getByText('26/11/2026, 10:00')).toBeTruthy(); // 09:00 UTC, Italian time
    const about = screen.getByRole('region', { name: 'Informazioni sul programma' });
    expect(within(about).getByText(api.dataDir)).toBeTruthy();
    expect(within(about).getByText('0.0.0-test')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Menu principale' });
    expect(within(nav).getByRole('link', { name: 'Impostazioni' }).getAttribute('aria-current')).toBe('page');
  });

  it('switches to English: labels, <html lang> and the saved setting', async () => {
    const { user, api } = await openSettings();
    await screen.findByRole('heading', { level: 1, name: 'Impostazioni' });
    const language = screen.getByRole('region', { name: 'Lingua' });
    const english = within(language).getByRole('button', { name: 'English' });
    expect(english.getAttribute('lang')).toBe('en');
    expect(english.getAttribute('aria-pressed')).toBe('false');

    await user.click(english);
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('navigation', { name: 'Main menu' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export identity file (.cstid)' })).toBeTruthy();
    expect(screen.getByText('Municipality workstation', { selector: 'dd' })).toBeTruthy();
    await waitFor(() => expect(api.callsOf('settings.setLocale')).toEqual([{ locale: 'en' }]));
    expect(within(screen.getByRole('region', { name: 'Language' })).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    await user.click(within(screen.getByRole('region', { name: 'Language' })).getByRole('button', { name: 'Italiano' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Impostazioni' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('it');
  });

  it('starts in English when that was saved', async () => {
    await openSettings('en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  it('exports the identity file as a download and says where it went', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:fake';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('identita-041067.cstid');
      expect(this.href).toBe('blob:fake');
    });

    const { user, api } = await openSettings();
    await user.click(await screen.findByRole('button', { name: 'Esporta file di identità (.cstid)' }));
    expect(await screen.findByText(/File «identita-041067.cstid» salvato/)).toBeTruthy();
    expect(api.callsOf('identity.export')).toHaveLength(1);
    expect(click).toHaveBeenCalledTimes(1);
    const file = await api.must('identity.export', {});
    expect(created[0]?.size).toBe(atob(file.contentBase64).length);
    expect(document.querySelector('a[download]')).toBeNull(); // the temporary link is gone

    await user.click(screen.getByRole('button', { name: 'Chiudi avviso' }));
    expect(screen.queryByText(/File «identita-041067.cstid» salvato/)).toBeNull();
  });

  it('shows an export refusal in words from the catalogue', async () => {
    window.history.replaceState(null, '', '/#/settings');
    // A full disk cannot be arranged here: this one answer stands in for the core's refusal.
    const api = await openUiBackend({ as: 'municipality' });
    api.override('identity.export', () => ({ ok: false, error: { code: 'E_IO', message: 'Disco pieno.' } }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Esporta file di identità (.cstid)' }));
    expect(await screen.findByText(/Il programma non risponde/)).toBeTruthy();
  });
});
