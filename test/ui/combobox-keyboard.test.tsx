import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

/**
 * The municipality combobox from the keyboard alone (WAI-ARIA APG, editable combobox with list
 * autocomplete): what municipality-setup.test.tsx does not already press.
 */

async function typed(text: string) {
  window.history.replaceState(null, '', '/#/');
  const api = await openUiBackend();
  const app = renderApp(api);
  await app.user.click(await screen.findByRole('button', { name: /^In un Comune/ }));
  const combobox = await screen.findByRole('combobox', { name: /Comune/ });
  await app.user.type(combobox, text);
  const listbox = await screen.findByRole('listbox');
  await waitFor(() => expect(within(listbox).getAllByRole('option').length).toBeGreaterThan(1));
  return { ...app, api, combobox, options: () => within(screen.getByRole('listbox')).getAllByRole('option') };
}

const active = (combobox: HTMLElement) => combobox.getAttribute('aria-activedescendant');

describe('municipality combobox: keyboard', () => {
  it('Up with the list closed opens it on the last option; Down and Up wrap around', async () => {
    const { user, combobox, options } = await typed('urb');
    await user.keyboard('{Escape}');
    expect(combobox.getAttribute('aria-expanded')).toBe('false');

    await user.keyboard('{ArrowUp}');
    expect(combobox.getAttribute('aria-expanded')).toBe('true');
    const all = options();
    const last = all[all.length - 1];
    expect(active(combobox)).toBe(last?.id);
    expect(last?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(active(combobox)).toBe(all[0]?.id);
    await user.keyboard('{ArrowUp}');
    expect(active(combobox)).toBe(last?.id);
  });

  it('Alt+Down opens the list without highlighting an option', async () => {
    const { user, combobox } = await typed('urb');
    await user.keyboard('{Escape}');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(combobox.getAttribute('aria-expanded')).toBe('true');
    expect(active(combobox)).toBeNull();
  });

  it('Enter on a highlighted option chooses it and does not submit the form', async () => {
    const { user, api, combobox } = await typed('urb');
    await user.keyboard('{ArrowDown}{Enter}');
    expect((combobox as HTMLInputElement).value).toBe('Urbana'); // the first of the ISTAT list's matches (Urbana, PD)
    expect(screen.getByText('Comune scelto')).toBeTruthy();
    // A submitted form would have said that the operator's name is missing.
    expect(screen.queryByText('Questo campo è obbligatorio.')).toBeNull();
    expect(api.callsOf('setup.municipality')).toHaveLength(0);
  });

  it('Enter with nothing highlighted submits the form, which asks to choose from the list', async () => {
    const { user, combobox } = await typed('urb');
    await user.keyboard('{Escape}{Enter}');
    expect(await screen.findByText('Scegliere il Comune dall’elenco che compare mentre si scrive il nome.')).toBeTruthy();
    expect(combobox.getAttribute('aria-invalid')).toBe('true');
  });

  it('Tab leaves the box and closes the list without choosing; the text stays', async () => {
    const { user, combobox } = await typed('urb');
    await user.keyboard('{ArrowDown}');
    await user.tab();
    expect(combobox.getAttribute('aria-expanded')).toBe('false');
    expect((combobox as HTMLInputElement).value).toBe('urb');
    expect(screen.queryByText('Comune scelto')).toBeNull();
    expect(document.activeElement).not.toBe(combobox);
  });
});
