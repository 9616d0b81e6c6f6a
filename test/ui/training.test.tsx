import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openUiBackend, type UiBackend } from './real-backend';
import { renderApp } from './render-app';

async function open(path: string) {
  window.history.replaceState(null, '', `/#${path}`);
  const api = await openUiBackend({ as: 'municipality' });
  return { ...renderApp(api), api };
}

async function seedStaffAndCourse(api: UiBackend) {
  const a = await api.call('staff.create', { displayName: 'Anna Neri', role: 'Istruttore', office: 'Anagrafe' });
  const b = await api.call('staff.create', { displayName: 'Bruno Verdi' });
  const c = await api.call('courses.create', { title: 'Protezione dei dati', startDate: '2026-10-05', endDate: '2026-10-06', hours: '7,5', consortium: true });
  if (!a.ok || !b.ok || !c.ok) throw new Error('seed');
  return { anna: a.value, bruno: b.value, course: c.value };
}

describe('training: staff register', () => {
  it('explains the name sharing, off by default, and switches it', async () => {
    const { user, api } = await open('/training');
    const share = await screen.findByRole('checkbox', { name: 'Condividi i nomi del personale con il consorzio' });
    expect((share as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/contengono solo il codice della persona/)).toBeTruthy();
    await user.click(share);
    await waitFor(() => expect(api.callsOf('settings.update')).toEqual([{ shareNames: true }]));
    expect(await screen.findAllByText('I nomi sono condivisi con il consorzio.')).toHaveLength(2);
  });

  it('adds a person with a generated code; a bad code is explained next to its field', async () => {
    const { user, api } = await open('/training');
    const form = await screen.findByRole('region', { name: 'Aggiungere una persona' });
    await user.type(within(form).getByRole('textbox', { name: /^Codice/ }), 'P 001');
    await user.type(within(form).getByRole('textbox', { name: /^Nome e cognome/ }), 'Anna Neri{Enter}');
    const code = within(form).getByRole('textbox', { name: /^Codice/ });
    expect(await within(form).findByText(/Il codice usa lettere, cifre/)).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(code);
    await user.clear(code);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Persona salvata con codice P-001.')).toBeTruthy();
    const list = screen.getByRole('region', { name: 'Personale del Comune' });
    expect(await within(list).findByRole('rowheader', { name: 'P-001' })).toBeTruthy();
    expect(api.callsOf('staff.create')).toEqual([{ displayName: 'Anna Neri', role: '', office: '' }]);
  });
});

describe('training: courses and participations', () => {
  it('records a course: end before start is refused in words', async () => {
    const { user } = await open('/training/courses');
    const form = await screen.findByRole('region', { name: 'Nuovo corso' });
    await user.type(within(form).getByRole('textbox', { name: /^Titolo del corso/ }), 'Sicurezza informatica');
    await user.type(within(form).getByLabelText(/^Data di inizio/), '10/11/2026');
    const end = within(form).getByLabelText(/^Data di fine/);
    await user.clear(end);
    await user.type(end, '01/11/2026');
    await user.type(within(form).getByRole('textbox', { name: /^Ore di durata/ }), '6');
    await user.click(within(form).getByRole('radio', { name: 'Online' }));
    await user.click(within(form).getByRole('button', { name: 'Salva corso' }));
    expect(await within(form).findByText('La data di fine non può precedere quella di inizio.')).toBeTruthy();
    await user.clear(end);
    await user.type(end, '12/11/2026');
    await user.click(within(form).getByRole('button', { name: 'Salva corso' }));
    expect(await screen.findByText('Corso «Sicurezza informatica» salvato.')).toBeTruthy();
    const list = screen.getByRole('region', { name: 'Corsi' });
    expect(await within(list).findByText('dal 10/11/2026 al 12/11/2026')).toBeTruthy();
  });

  it('records two participations with an evaluation chosen with the arrow keys; totals per person and course', async () => {
    const { user, api } = await open('/training/participations');
    await seedStaffAndCourse(api);
    await user.click(await screen.findByRole('link', { name: 'Corsi' }));
    await user.click(screen.getByRole('link', { name: 'Partecipazioni' }));
    const form = await screen.findByRole('region', { name: 'Registrare una partecipazione' });
    await user.selectOptions(await within(form).findByRole('combobox', { name: /^Persona/ }), 'P-001 — Anna Neri');
    await user.selectOptions(within(form).getByRole('combobox', { name: /^Corso/ }), 'Protezione dei dati');
    const group = within(form).getByRole('group', { name: 'Valutazione del corso da parte della persona' });
    await user.click(within(group).getByRole('radio', { name: '3 – abbastanza utile' }));
    await user.keyboard('{ArrowRight}');
    expect((within(group).getByRole('radio', { name: '4 – utile' }) as HTMLInputElement).checked).toBe(true);
    await user.type(within(form).getByRole('textbox', { name: /^Commento/ }), 'Chiaro e utile');
    await user.click(within(form).getByRole('button', { name: 'Salva partecipazione' }));
    expect(await screen.findByText('Partecipazione di P-001 — Anna Neri a «Protezione dei dati» salvata.')).toBeTruthy();

    await user.selectOptions(within(form).getByRole('combobox', { name: /^Persona/ }), 'P-002 — Bruno Verdi');
    await user.type(within(form).getByRole('textbox', { name: /^Ore frequentate/ }), '4');
    await user.click(within(form).getByRole('button', { name: 'Salva partecipazione' }));
    await screen.findByText(/Partecipazione di P-002 — Bruno Verdi/);
    expect(api.callsOf('participations.create')).toEqual([
      expect.objectContaining({ evaluation: 4, comment: 'Chiaro e utile', completed: true }),
      expect.objectContaining({ hours: '4', evaluation: null }),
    ]);

    await user.click(screen.getByRole('link', { name: 'Totali' }));
    expect(await screen.findByText('Totale dell’anno 2026: 1 corso, 2 partecipazioni (2 completate), 11,5 ore.')).toBeTruthy();
    const perPerson = screen.getByRole('table', { name: 'Formazione per persona, anno 2026' });
    expect(within(perPerson).getByRole('row', { name: /Anna Neri.*7,5/ })).toBeTruthy();
  });

  it('asks to register people and courses first', async () => {
    await open('/training/participations');
    expect(await screen.findByText(/servono almeno una persona/)).toBeTruthy();
  });
});

describe('thematic groups', () => {
  it('names a local group, adds a person and records a meeting with attendees', async () => {
    const { user, api } = await open('/groups');
    await seedStaffAndCourse(api);
    const form = await screen.findByRole('region', { name: 'Nominare un gruppo' });
    await user.click(within(form).getByRole('button', { name: 'Salva gruppo' }));
    expect(await within(form).findByText('Questo campo è obbligatorio.')).toBeTruthy();
    await user.type(within(form).getByRole('textbox', { name: /^Nome del gruppo/ }), 'Transizione digitale{Enter}');
    const card = await screen.findByRole('region', { name: /Transizione digitale/ });
    expect(within(card).getByText('locale')).toBeTruthy();
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Persona da aggiungere' }), 'P-002 — Bruno Verdi');
    await user.click(within(card).getByRole('button', { name: /Aggiungi al gruppo/ }));
    expect(await screen.findByText('P-002 — Bruno Verdi aggiunta al gruppo.')).toBeTruthy();
    expect(await within(screen.getByRole('region', { name: /Transizione digitale/ })).findByRole('button', { name: /^Togli\s*P-002 — Bruno Verdi dal gruppo$/ })).toBeTruthy();

    const meeting = screen.getByRole('region', { name: 'Registrare una riunione' });
    await user.selectOptions(within(meeting).getByRole('combobox', { name: /^Gruppo/ }), 'Transizione digitale');
    await user.type(within(meeting).getByRole('textbox', { name: /^Ore/ }), '2');
    await user.type(within(meeting).getByRole('textbox', { name: /^Argomento/ }), 'Piano triennale');
    await user.click(within(meeting).getByRole('checkbox', { name: 'P-002 — Bruno Verdi' }));
    await user.click(within(meeting).getByRole('button', { name: 'Salva riunione' }));
    expect(await screen.findByText('Riunione salvata.')).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Riunioni dei gruppi' });
    expect(within(table).getByText('Piano triennale')).toBeTruthy();
    expect(within(table).getByText('P-002 — Bruno Verdi')).toBeTruthy();
  });
});
