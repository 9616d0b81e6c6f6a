import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetBundleStores } from './bundle-stores';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

/**
 * What every record form now does the same way (useRecordForm / RecordForm / EditableList):
 * focus follows the form, Escape cancels an edit, errors follow a language switch, a second
 * press while saving sends nothing twice.
 */
afterEach(resetBundleStores);

async function openHub(path: string) {
  const api = await openUiBackend({ as: 'hub' });
  window.history.replaceState(null, '', `/#${path}`);
  return { ...renderApp(api), api };
}

describe('record forms', () => {
  it('hub: "Aggiungi" opens the form on its first field; Escape closes it and gives focus back', async () => {
    const { user } = await openHub('/catalogue/courses');
    const add = await screen.findByRole('button', { name: 'Aggiungi un corso' });
    await user.click(add);
    const form = screen.getByRole('form', { name: 'Nuovo corso' });
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: /Titolo del corso/ }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Nuovo corso' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Aggiungi un corso' }));
  });

  it('hub: errors go next to their fields, the first takes focus, and they follow a language switch', async () => {
    const { user, api } = await openHub('/catalogue/groups');
    await user.click(await screen.findByRole('button', { name: 'Aggiungi un gruppo' }));
    await user.click(screen.getByRole('button', { name: 'Salva il gruppo' }));
    const name = screen.getByRole('textbox', { name: /Nome del gruppo/ });
    expect(document.getElementById('group-name-error')?.textContent).toBe('Scrivere il nome.');
    expect(name.getAttribute('aria-describedby')).toBe('group-name-error');
    expect(document.activeElement).toBe(name);
    await user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
    expect(document.getElementById('group-name-error')?.textContent).toBe('Write the name.');
    expect(api.callsOf('hub.groups.save')).toEqual([]);
  });

  it('training: Escape in the edit dialog cancels the edit without saving', async () => {
    window.history.replaceState(null, '', '/#/training/courses');
    const api = await openUiBackend({ as: 'municipality' });
    const seeded = await api.call('courses.create', { title: 'Protezione dei dati', startDate: '2026-10-05', endDate: '2026-10-06', hours: '7,5' });
    if (!seeded.ok) throw new Error('seed');
    const { user } = renderApp(api);
    const list = await screen.findByRole('region', { name: 'Corsi' });
    await user.click(await within(list).findByRole('button', { name: 'Modifica: Protezione dei dati' }));
    const dialog = screen.getByRole('dialog', { name: 'Modificare il corso' });
    const title = within(dialog).getByRole('textbox', { name: /Titolo del corso/ });
    await user.clear(title);
    await user.type(title, 'Privacy{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsOf('courses.update')).toEqual([]);
  });

  it('a second press while saving sends the record once', async () => {
    window.history.replaceState(null, '', '/#/groups');
    let release: () => void = () => undefined;
    let sent = 0;
    const api = await openUiBackend({ as: 'municipality' });
    const call = api.call.bind(api);
    api.call = ((method: string, input: unknown) => {
      if (method !== 'groups.create') return call(method as never, input as never);
      sent += 1;
      return new Promise((resolve) => (release = () => resolve(call(method as never, input as never))));
    }) as typeof api.call;
    const { user } = renderApp(api);
    const form = await screen.findByRole('region', { name: 'Nominare un gruppo' });
    const name = within(form).getByRole('textbox', { name: /^Nome del gruppo/ });
    await user.type(name, 'Privacy{Enter}');
    expect((within(form).getByRole('button', { name: 'Salvataggio…' }) as HTMLButtonElement).disabled).toBe(true);
    await user.type(name, '{Enter}');
    release();
    expect(await screen.findByText(/«Privacy»/)).toBeTruthy();
    expect(sent).toBe(1);
  });
});
