import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, FINGERPRINT, URBINO } from './fake-api';
import { renderApp } from './render-app';

function openSettings(locale: 'it' | 'en' = 'it') {
  window.history.replaceState(null, '', '/#/settings');
  const api = createFakeApi({ installation: URBINO, locale });
  return { ...renderApp(api, locale), api };
}

afterEach(() => vi.restoreAllMocks());

describe('settings', () => {
  it('shows the identity with its fingerprint, the data folder and the version', async () => {
    openSettings();
    expect(await screen.findByRole('heading', { level: 1, name: 'Impostazioni' })).toBeTruthy();
    const identity = screen.getByRole('region', { name: 'Identità di questa postazione' });
    const groups = await within(identity).findAllByText(/^\d{5}$/);
    expect(groups.map((g) => g.textContent).join(' ')).toBe(FINGERPRINT);
    expect(within(identity).getByText(/Cifre da leggere: 5 2 6 8 0, 4 0 9 6 6/)).toBeTruthy();
    expect(within(identity).getByText('5E85F8966369CF7E')).toBeTruthy();
    expect(within(identity).getByText('Postazione del Comune')).toBeTruthy();
    expect(within(identity).getByText('26/11/2026, 10:00')).toBeTruthy(); // 09:00 UTC, Italian time
    const about = screen.getByRole('region', { name: 'Informazioni sul programma' });
    expect(within(about).getByText('/tmp/cst-test')).toBeTruthy();
    expect(within(about).getByText('0.1.0')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Menu principale' });
    expect(within(nav).getByRole('link', { name: 'Impostazioni' }).getAttribute('aria-current')).toBe('page');
  });

  it('switches to English: labels, <html lang> and the saved setting', async () => {
    const { user, api } = openSettings();
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
    openSettings('en');
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
      expect(this.download).toBe('041067.cstid');
      expect(this.href).toBe('blob:fake');
    });

    const { user, api } = openSettings();
    await user.click(await screen.findByRole('button', { name: 'Esporta file di identità (.cstid)' }));
    expect(await screen.findByText(/File «041067.cstid» salvato/)).toBeTruthy();
    expect(api.callsOf('identity.export')).toHaveLength(1);
    expect(click).toHaveBeenCalledTimes(1);
    expect(created[0]?.size).toBe(8);
    expect(document.querySelector('a[download]')).toBeNull(); // the temporary link is gone

    await user.click(screen.getByRole('button', { name: 'Chiudi avviso' }));
    expect(screen.queryByText(/File «041067.cstid» salvato/)).toBeNull();
  });

  it('shows an export refusal in words from the catalogue', async () => {
    window.history.replaceState(null, '', '/#/settings');
    const api = createFakeApi({
      installation: URBINO,
      override: { 'identity.export': () => ({ ok: false, error: { code: 'E_IO', message: 'Disco pieno.' } }) },
    });
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Esporta file di identità (.cstid)' }));
    expect(await screen.findByText(/Il programma non risponde/)).toBeTruthy();
  });
});
