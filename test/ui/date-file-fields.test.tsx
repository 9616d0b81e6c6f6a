import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isoToText, textToIso } from '../../renderer/src/components/date-text';
import { seriousViolations } from './axe-serious';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

/**
 * Dates typed gg/mm/aaaa and files chosen with the app's own words (issue 13, item 8): neither
 * depends on the browser's language. The fields are text and a labelled button of our own.
 */
describe('date text', () => {
  it('reads day first, in the ways a clerk types it, and refuses what is not a date', () => {
    for (const typed of ['06/12/2026', '6/12/2026', '06-12-2026', '06.12.2026', '06122026', ' 6 / 12 / 2026 ', '2026-12-06']) {
      expect(textToIso(typed, 'date'), typed).toBe('2026-12-06');
    }
    expect(textToIso('29/02/2028', 'date')).toBe('2028-02-29');
    for (const wrong of ['31/02/2026', '29/02/2026', '12/13/2026', '00/12/2026', '6/12/26', '06/12', 'domani', '2026-13-01']) {
      expect(textToIso(wrong, 'date'), wrong).toBeNull();
    }
    expect(textToIso('', 'date')).toBe('');
    expect(textToIso('3/2026', 'month')).toBe('2026-03');
    expect(textToIso('2026-03', 'month')).toBe('2026-03');
    expect(textToIso('13/2026', 'month')).toBeNull();
    expect(isoToText('2026-12-06', 'date')).toBe('06/12/2026');
    expect(isoToText('2026-03', 'month')).toBe('03/2026');
  });
});

async function open(path: string, locale: 'it' | 'en' = 'it') {
  window.history.replaceState(null, '', `/#${path}`);
  const api = await openUiBackend({ as: 'municipality', locale });
  return { ...renderApp(api, locale), api };
}

describe('the date field', () => {
  it('shows the pre-filled day as gg/mm/aaaa, says the pattern, and saves what was typed day first', async () => {
    const { user, api } = await open('/usage');
    const service = await screen.findByRole('combobox', { name: /^Servizio/ });
    const date = screen.getByRole('textbox', { name: /^Data/ }) as HTMLInputElement;
    // Today (the clerk's calendar) is pre-filled, day first.
    const now = new Date();
    expect(date.value).toBe(`${String(now.getDate()).padStart(2, '0')}/${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`);
    expect(date.type).toBe('text');
    expect(date.placeholder).toBe('gg/mm/aaaa');
    const hint = document.getElementById(date.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
    expect(hint?.textContent).toBe('Scrivere giorno/mese/anno, per esempio 25/03/2026.');

    await user.selectOptions(service, 'PEC');
    await user.clear(date);
    await user.type(date, '5/11/2026');
    await user.tab();
    expect(date.value).toBe('05/11/2026');
    await user.type(screen.getByRole('textbox', { name: /^Quantità/ }), '3{Enter}');
    expect(await screen.findByText(/Registrato: 3 .*\(05\/11\/2026\)\./)).toBeTruthy();
    expect(api.callsOf('usage.record')).toEqual([expect.objectContaining({ date: '2026-11-05' })]);
  });

  it('says in the field what is wrong with a date that does not exist, and the form refuses it', async () => {
    const { user, api } = await open('/usage');
    const service = await screen.findByRole('combobox', { name: /^Servizio/ });
    await user.selectOptions(service, 'PEC');
    const date = screen.getByRole('textbox', { name: /^Data/ }) as HTMLInputElement;
    await user.clear(date);
    await user.type(date, '31/02/2026');
    await user.tab();
    const error = 'Data non valida: scriverla come gg/mm/aaaa (giorno/mese/anno), per esempio 25/03/2026.';
    expect(screen.getByText(error)).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(date.getAttribute('aria-describedby')).toContain(`${date.id}-error`);
    await user.type(screen.getByRole('textbox', { name: /^Quantità/ }), '3{Enter}');
    // Never saved with another date: the typed text goes to the check, which refuses it.
    expect(await screen.findAllByText(/Data non valida/)).not.toHaveLength(0);
    expect(api.callsOf('usage.record').filter((c) => (c as { date?: string }).date !== '31/02/2026')).toEqual([]);
    // Corrected, the message goes.
    await user.clear(date);
    await user.type(date, '28/02/2026');
    expect(screen.queryByText(error)).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it('a filter waits for a whole date before it filters', async () => {
    const { user, api } = await open('/usage');
    const list = await screen.findByRole('region', { name: 'Registrazioni' });
    const before = api.callsOf('usage.list').length;
    await user.type(within(list).getByLabelText('Dal'), '01/1');
    expect(api.callsOf('usage.list').slice(before).every((c) => !('from' in (c as object)))).toBe(true);
    await user.type(within(list).getByLabelText('Dal'), '0/2026');
    await waitFor(() => expect(api.callsOf('usage.list').at(-1)).toEqual(expect.objectContaining({ from: '2026-10-01' })));
  });

  it('in English the pattern is dd/mm/yyyy: day first too', async () => {
    await open('/usage', 'en');
    await screen.findByRole('combobox', { name: /^Service/ });
    const date = screen.getByRole('textbox', { name: /^Date/ }) as HTMLInputElement;
    expect(date.placeholder).toBe('dd/mm/yyyy');
    expect(screen.getAllByText('Type day/month/year, for example 25/03/2026.').length).toBeGreaterThan(0);
  });

  it('a course’s end follows its start while it is typed, then keeps its own date', async () => {
    const { user } = await open('/training/courses');
    const form = await screen.findByRole('region', { name: 'Nuovo corso' });
    const start = within(form).getByRole('textbox', { name: /^Data di inizio/ }) as HTMLInputElement;
    const end = within(form).getByRole('textbox', { name: /^Data di fine/ }) as HTMLInputElement;
    await user.type(start, '5/3/2026');
    expect(end.value).toBe('05/03/2026');
    await user.clear(end);
    await user.type(end, '06/03/2026');
    await user.clear(start);
    await user.type(start, '04/03/2026');
    expect(end.value).toBe('06/03/2026');
  });
});

describe('the file field', () => {
  it('speaks the app’s language: "Scegli il file", then the chosen file’s name', async () => {
    const { user } = await open('/usage/csv');
    const input = (await screen.findByLabelText('File CSV')) as HTMLInputElement;
    expect(input.type).toBe('file');
    const field = input.closest('.cst-field') as HTMLElement;
    expect(within(field).getByText('Scegli il file').tagName).toBe('LABEL');
    expect(within(field).getByText('Nessun file scelto')).toBeTruthy();
    expect(input.getAttribute('aria-describedby')).toContain(`${input.id}-chosen`);
    await user.upload(input, new File(['servizio;data;quantità\r\nPEC;01/11/2026;1\r\n'], 'utilizzi.csv', { type: 'text/csv' }));
    expect(await within(field).findByText('File scelto: utilizzi.csv')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('in English: "Choose the file" and "No file chosen", from the catalogue', async () => {
    await open('/usage/csv', 'en');
    const input = (await screen.findByLabelText('CSV file')) as HTMLInputElement;
    const field = input.closest('.cst-field') as HTMLElement;
    expect(within(field).getByText('Choose the file')).toBeTruthy();
    expect(within(field).getByText('No file chosen')).toBeTruthy();
  });

  it('every file input of the app is drawn by our button (no browser "Choose File")', () => {
    // Chromium draws an unstyled input's own button in its language; ours is hidden and labelled.
    const sources = import.meta.glob('../../renderer/src/**/*.tsx', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    const withFileInputs = Object.entries(sources).filter(([, text]) => /type="file"/.test(text)).map(([path]) => path.replace(/^.*renderer\/src\//, ''));
    expect(withFileInputs).toEqual(['components/file-field.tsx']);
  });
});
