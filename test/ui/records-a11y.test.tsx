import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { openUiBackend, type UiBackend } from './real-backend';
import { renderApp } from './render-app';

/** axe-core on every screen of the municipality's records, with data, errors and dialogs open. */
async function violations(): Promise<string[]> {
  const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function seeded(): Promise<UiBackend> {
  const api = await openUiBackend({ as: 'municipality' });
  await api.call('usage.record', { service: 'PEC', date: '2026-11-03', quantity: '4', note: 'caselle nuove' });
  await api.call('usage.record', { service: 'SITO', date: '2026-10-01', period: 'month', quantity: '12.5' });
  const anna = await api.call('staff.create', { displayName: 'Anna Neri' });
  const course = await api.call('courses.create', { title: 'Protezione dei dati', startDate: '2026-10-05', endDate: '2026-10-05', hours: '6' });
  if (anna.ok && course.ok) await api.call('participations.create', { staffId: anna.value.id, courseId: course.value.id, evaluation: 5 });
  const group = await api.call('groups.create', { name: 'Transizione digitale' });
  if (group.ok && anna.ok) {
    await api.call('groups.addMember', { groupId: group.value.id, staffId: anna.value.id, since: '2026-01-10' });
    await api.call('meetings.create', { groupId: group.value.id, date: '2026-11-02', hours: '2', topic: 'Piano triennale', attendees: [anna.value.id] });
  }
  await api.call('proposals.create', { title: 'Firma remota', oneOffCents: 100000 });
  return api;
}

function at(path: string) {
  window.history.replaceState(null, '', `/#${path}`);
}

describe('accessibility of the records screens (axe-core: no violation of any impact)', () => {
  it('usage: entry form with errors, list, correction dialog, history dialog', async () => {
    at('/usage');
    const { user } = renderApp(await seeded());
    await screen.findByText('2 registrazioni trovate');
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Salva registrazione' }));
    await screen.findByText('Scegliere il servizio dall’elenco.');
    expect(await violations()).toEqual([]);
    await user.click(screen.getAllByRole('button', { name: /^Modifica:/ })[0] as HTMLElement);
    await screen.findByRole('dialog', { name: 'Correggere la registrazione' });
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Annulla' }));
    await user.click(screen.getAllByRole('button', { name: /^Cronologia:/ })[0] as HTMLElement);
    await within(await screen.findByRole('dialog', { name: /^Cronologia/ })).findByText(/Versione 1/);
    expect(await violations()).toEqual([]);
  });

  it('usage: monthly table, trend charts, CSV preview with problems (in English too)', async () => {
    at('/usage/monthly');
    const { user } = renderApp(await seeded());
    await screen.findByRole('table', { name: /Utilizzo per servizio e per mese/ });
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Andamento 12 mesi' }));
    await screen.findAllByRole('img');
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Importa ed esporta CSV' }));
    await user.upload(await screen.findByLabelText('File CSV'), new File(['servizio;data;quantita\nXYZ;01/11/2026;1\n'], 'a.csv', { type: 'text/csv' }));
    await screen.findByRole('table', { name: 'Problemi trovati nel file' });
    expect(await violations()).toEqual([]);
    await user.click(screen.getAllByRole('button', { name: 'English' })[0] as HTMLElement);
    await screen.findByRole('table', { name: 'Problems found in the file' });
    expect(await violations()).toEqual([]);
  });

  it('training: staff, courses, participations, totals', async () => {
    at('/training');
    const { user } = renderApp(await seeded());
    await screen.findByRole('rowheader', { name: 'P-001' });
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Corsi' }));
    await screen.findByRole('rowheader', { name: 'Protezione dei dati' });
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Partecipazioni' }));
    await screen.findByRole('group', { name: 'Valutazione del corso da parte della persona' });
    await user.click(screen.getByRole('button', { name: 'Salva partecipazione' }));
    await screen.findByText('Scegliere una persona dall’elenco.');
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Totali' }));
    await screen.findByRole('table', { name: /Formazione per persona/ });
    expect(await violations()).toEqual([]);
  });

  it('thematic groups and meetings', async () => {
    at('/groups');
    renderApp(await seeded());
    await screen.findByRole('table', { name: 'Riunioni dei gruppi' });
    expect(await violations()).toEqual([]);
  });

  it('proposals: list, new, a draft with its attachments and versions', async () => {
    at('/proposals');
    const { user } = renderApp(await seeded());
    await screen.findByRole('link', { name: 'Firma remota' });
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Firma remota' }));
    await screen.findByLabelText('Aggiungi un allegato');
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Torna all’elenco delle proposte' }));
    await user.click(await screen.findByRole('link', { name: 'Nuova proposta' }));
    await user.click(await screen.findByRole('button', { name: 'Salva bozza' }));
    await screen.findByText('Questo campo è obbligatorio.');
    expect(await violations()).toEqual([]);
  });

  it('municipality home', async () => {
    at('/');
    renderApp(await seeded());
    await screen.findByRole('region', { name: /Questo mese/ });
    expect(await violations()).toEqual([]);
  });
});
