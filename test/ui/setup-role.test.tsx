import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

describe('first run: role choice', () => {
  it('shows the two roles when the workstation is not set up', async () => {
    const { user } = renderApp(await openUiBackend());
    expect(await screen.findByRole('heading', { level: 1, name: 'Configurazione iniziale' })).toBeTruthy();
    const municipality = screen.getByRole('button', { name: /^In un Comune/ });
    const hub = screen.getByRole('button', { name: /^Nell’ufficio del consorzio \(hub\)/ });
    expect(municipality).toBeTruthy();
    expect(hub).toBeTruthy();

    await user.click(municipality);
    const step = await screen.findByRole('heading', { level: 2, name: 'Dati del Comune' });
    expect(document.activeElement).toBe(step);
    expect(screen.getByRole('combobox', { name: /Comune/ })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Indietro/ }));
    await user.click(await screen.findByRole('button', { name: /^Nell’ufficio del consorzio \(hub\)/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Dati del consorzio' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Codice del consorzio/ })).toBeTruthy();
  });

  it('shows no menu before setup', async () => {
    renderApp(await openUiBackend());
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('starts in the saved language', async () => {
    renderApp(await openUiBackend({ locale: 'en' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'First-time setup' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });
});
