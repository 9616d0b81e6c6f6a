import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { recordDownloads } from './downloads';
import { exportBundles, openUiBackend, pair, type UiBackend } from './real-backend';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

/** A real PDF of 2 kB, so that its size reads "2,0 kB". */
const PDF = `%PDF-1.4\n${'%'.repeat(2048 - 17)}\n%%EOF\n`.slice(0, 2048);

/** The hub CST-PU with Urbino paired. */
async function open(path: string) {
  const api = await openUiBackend({ as: 'hub' });
  const town = await openUiBackend({ as: 'municipality' });
  await pair(api, town);
  window.history.replaceState(null, '', path);
  return { api, town, render: () => renderApp(api) };
}

/** Urbino's proposal, submitted as «Wi-Fi», then amended while submitted (version 2), with a quote attached. */
async function sendProposal(town: UiBackend, hub: UiBackend) {
  const p = await town.must('proposals.create', { title: 'Wi-Fi', problem: 'Niente rete.', solution: 'Access point.', benefits: 'Studenti.', beneficiaries: ['041067'], oneOffCents: 1_234_56, yearlyCents: 50_000 });
  await town.must('attachments.add', { proposalId: p.id, name: 'preventivo.pdf', type: 'application/pdf', contentBase64: btoa(PDF) });
  await town.must('proposals.submit', { id: p.id });
  await town.must('proposals.update', { id: p.id, title: 'Wi-Fi nelle biblioteche', problem: 'Niente rete.', solution: 'Access point.', benefits: 'Studenti.', beneficiaries: ['041067'], oneOffCents: 1_234_56, yearlyCents: 50_000 });
  await hub.must('bundle.import', { files: (await exportBundles(town)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
}

describe('hub records: courses, groups, received proposals', () => {
  it('a course: dates and hours checked next to the fields, then saved', async () => {
    const { api, render } = await open('/#/catalogue/courses');
    const { user } = render();
    await user.click(await screen.findByRole('button', { name: 'Aggiungi un corso' }));
    await user.type(screen.getByRole('textbox', { name: /Titolo del corso/ }), 'Privacy');
    await user.type(screen.getByLabelText(/Primo giorno/), '06/10/2026');
    await user.type(screen.getByLabelText(/Ultimo giorno/), '05/10/2026');
    await user.type(screen.getByRole('textbox', { name: /^Ore/ }), '-3');
    await user.click(screen.getByRole('button', { name: 'Salva il corso' }));
    expect(document.getElementById('course-end-error')?.textContent).toBe('L’ultimo giorno non può venire prima del primo.');
    expect(document.getElementById('course-hours-error')?.textContent).toMatch(/numero positivo/);
    expect(api.callsOf('hub.courses.save')).toEqual([]);
    expect(await seriousViolations()).toEqual([]);
    await user.clear(screen.getByLabelText(/Ultimo giorno/));
    await user.type(screen.getByLabelText(/Ultimo giorno/), '07/10/2026');
    await user.clear(screen.getByRole('textbox', { name: /^Ore/ }));
    await user.type(screen.getByRole('textbox', { name: /^Ore/ }), '7,5');
    await user.click(screen.getByRole('button', { name: 'Salva il corso' }));
    await screen.findByText('Corso «Privacy» salvato. Arriverà ai membri con il prossimo invio del catalogo.');
    expect(api.callsOf('hub.courses.save')).toEqual([{ title: 'Privacy', startDate: '2026-10-06', endDate: '2026-10-07', hours: '7.5', mode: 'in_person', area: '', provider: '', description: '' }]);
    expect(await screen.findByText('06/10/2026 – 07/10/2026')).toBeTruthy();
  });

  it('a group with its coordinating referent, chosen among the technicians designated in the Technical Committee', async () => {
    const { api, town, render } = await open('/#/catalogue/groups');
    await town.must('settings.update', { shareNames: true });
    await town.must('committee.designation.save', { technicianName: 'Anna Neri', substituteName: 'Marco Blu', from: '2026-01-01' });
    await api.must('bundle.import', { files: (await exportBundles(town)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
    const { user } = render();
    await user.click(await screen.findByRole('button', { name: 'Aggiungi un gruppo' }));
    await user.type(screen.getByRole('textbox', { name: /Nome del gruppo/ }), 'Transizione digitale');
    const select = screen.getByRole('combobox', { name: 'Referente coordinatore' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Nessun referente', 'Anna Neri (Urbino)', 'Marco Blu (Urbino, sostituto)']);
    await user.selectOptions(select, 'Anna Neri (Urbino)');
    await user.click(screen.getByRole('button', { name: 'Salva il gruppo' }));
    await screen.findByText('Gruppo «Transizione digitale» salvato. Arriverà ai membri con il prossimo invio del catalogo.');
    expect(api.callsOf('hub.groups.save')).toEqual([{ name: 'Transizione digitale', description: '', coordinator: { istat: '041067', person: 'Anna Neri' }, active: true }]);
    expect(await screen.findByText('Anna Neri (Urbino)')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('a received proposal: content, versions and its attachment downloaded', async () => {
    const downloads = recordDownloads();
    const { api, town, render } = await open('/#/members/proposals');
    await sendProposal(town, api);
    const { user } = render();
    const table = await screen.findByRole('table', { name: /Proposte ricevute/ });
    expect(within(table).getByText('1.234,56 €')).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'Wi-Fi nelle biblioteche' }));
    await screen.findByText('Access point.');
    expect(screen.getByText(/versione 1 — «Wi-Fi»/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Scarica preventivo.pdf (2,0 kB)' }));
    const [got] = api.callsOf('hub.attachments.get') as { sha256: string }[];
    expect(api.callsOf('hub.attachments.get')).toHaveLength(1);
    expect((await api.must('hub.attachments.get', { sha256: got!.sha256 })).contentBase64).toBe(btoa(PDF));
    expect(downloads).toEqual(['preventivo.pdf']);
    expect(await seriousViolations()).toEqual([]);
  });
});
