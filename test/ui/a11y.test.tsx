import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

/**
 * axe-core on the rendered screens: WCAG 2.1 AA asks for no serious or critical violation; these
 * screens have none of any impact, and keep it so. Colour contrast needs real layout and is
 * checked in Chromium (end-to-end), not here.
 */
async function violations(): Promise<string[]> {
  // Each page names itself from an effect after its first paint: wait for it (a page that never
  // does still fails, here), so that a slow machine does not run axe between the two.
  await waitFor(() => expect(document.title).not.toBe(''));
  const result = await axe.run(document, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core: no violation of any impact)', () => {
  it('setup: role choice', async () => {
    renderApp(await openUiBackend());
    await screen.findByRole('button', { name: /^In un Comune/ });
    expect(await violations()).toEqual([]);
  });

  it('setup: municipality form with errors and an open list', async () => {
    const { user } = renderApp(await openUiBackend());
    await user.click(await screen.findByRole('button', { name: /^In un Comune/ }));
    await user.click(await screen.findByRole('button', { name: 'Crea la postazione del Comune' }));
    await screen.findByText('Questo campo è obbligatorio.');
    expect(await violations()).toEqual([]);
    await user.type(screen.getByRole('combobox'), 'urb');
    await screen.findAllByRole('option');
    await user.keyboard('{ArrowDown}');
    expect(await violations()).toEqual([]);
    await user.keyboard('{Enter}');
    await screen.findByText('Comune scelto');
    expect(await violations()).toEqual([]);
  });

  it('setup: hub form with errors', async () => {
    const { user } = renderApp(await openUiBackend());
    await user.click(await screen.findByRole('button', { name: /^Nell’ufficio del consorzio \(hub\)/ }));
    await screen.findByRole('option', { name: /^PU/ });
    await user.click(screen.getByRole('button', { name: 'Crea la postazione del consorzio' }));
    expect(await violations()).toEqual([]);
  });

  it('setup: fingerprint step', async () => {
    const { user } = renderApp(await openUiBackend());
    await user.click(await screen.findByRole('button', { name: /^In un Comune/ }));
    await user.type(await screen.findByRole('combobox'), 'urbino');
    await user.click(await screen.findByRole('option', { name: /Urbino/ }));
    await user.type(screen.getByRole('textbox', { name: /Nome e cognome/ }), 'Maria Rossi');
    await user.click(screen.getByRole('button', { name: 'Crea la postazione del Comune' }));
    await screen.findAllByText(/^\d{5}$/);
    expect(await violations()).toEqual([]);
  });

  it('settings, in Italian and in English', async () => {
    window.history.replaceState(null, '', '/#/settings');
    const { user } = renderApp(await openUiBackend({ as: 'municipality' }));
    await screen.findAllByText(/^\d{5}$/);
    expect(await violations()).toEqual([]);
    await user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(await violations()).toEqual([]);
  });

  it('hub home and members', async () => {
    const api = await openUiBackend();
    await api.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' });
    const { user } = renderApp(api);
    await screen.findByText('50 comuni aderenti');
    expect(await violations()).toEqual([]);
    await user.click(within(screen.getByRole('navigation')).getByRole('link', { name: 'Membri' }));
    await screen.findByRole('table');
    expect(await violations()).toEqual([]);
  });

  it('the technical plan with no plan yet', async () => {
    window.history.replaceState(null, '', '/#/plan');
    renderApp(await openUiBackend({ as: 'hub' }));
    await screen.findByText('Nessun piano ancora: crearne uno indicando l’anno.');
    expect(await violations()).toEqual([]);
  });
});
