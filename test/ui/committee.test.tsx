/**
 * The Technical Committee on the screens (issue 15), with the real core and real bundles:
 * Urbino designates its technician with the form (checked next to the fields, in Italian),
 * changes it, sees the history; the hub shows the roster on a day with the Technical Director,
 * the members with nobody designated, and saves its CSV; the roster reaches Pesaro, which sees
 * who represents Urbino. Both languages; axe stays clean.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-serious';
import { recordDownloads } from './downloads';
import { exportBundles, openUiBackend, pair, type UiBackend } from './real-backend';
import { renderApp } from './render-app';

async function hubTo(hub: UiBackend, town: UiBackend, istat: string): Promise<void> {
  const [made] = await hub.must('bundle.export', { inline: true, for: istat });
  const [r] = await town.must('bundle.import', { files: [{ name: made!.fileName, contentBase64: made!.contentBase64 ?? '' }] });
  if (r?.code) throw new Error(r.message);
}

async function townTo(town: UiBackend, hub: UiBackend): Promise<void> {
  const [r] = await hub.must('bundle.import', { files: (await exportBundles(town)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
  if (r?.code) throw new Error(r.message);
}

describe('Technical Committee screens', () => {
  it('Urbino designates its technician with the form, in Italian; mistakes are said next to the fields', async () => {
    const town = await openUiBackend({ as: 'municipality' });
    window.location.hash = '#/committee';
    const { user } = renderApp(town);
    await screen.findByRole('heading', { level: 1, name: 'Comitato tecnico' });
    expect(await screen.findByText('Il Comune non ha ancora designato un tecnico. Compilare il modulo qui sotto.')).toBeTruthy();
    const form = screen.getByRole('region', { name: 'Designa il tecnico' });
    await user.type(within(form).getByRole('textbox', { name: /Codice del sostituto/ }), 'con spazi');
    await user.type(within(form).getByRole('textbox', { name: /E-mail dell’ufficio/ }), 'ced at comune');
    await user.click(within(form).getByRole('button', { name: 'Salva la designazione' }));
    expect(document.getElementById('designation-technician-name-error')?.textContent).toBe('Questo campo è obbligatorio.');
    expect(document.getElementById('designation-office-email-error')?.textContent).toBe('Scrivere un solo indirizzo e-mail, per esempio ced@comune.urbino.pu.it.');
    expect(document.getElementById('designation-substitute-code-error')?.textContent).toMatch(/^Il codice usa lettere, cifre/);
    expect(town.callsOf('committee.designation.save')).toEqual([]);
    expect(await seriousViolations()).toEqual([]);

    await user.type(within(form).getByRole('textbox', { name: /Nome e cognome del tecnico/ }), 'Mario Rossi');
    await user.clear(within(form).getByRole('textbox', { name: /Codice del sostituto/ }));
    await user.type(within(form).getByRole('textbox', { name: /Nome e cognome del sostituto/ }), 'Anna Verdi');
    await user.clear(within(form).getByRole('textbox', { name: /E-mail dell’ufficio/ }));
    await user.type(within(form).getByRole('textbox', { name: /E-mail dell’ufficio/ }), 'ced@comune.urbino.pu.it');
    await user.type(within(form).getByLabelText(/^Fino al/), '01/01/2026');
    await user.click(within(form).getByRole('button', { name: 'Salva la designazione' }));
    // The backend's rule across fields, said next to the end date.
    expect(await screen.findByText(/data di fine viene prima della data di inizio/i)).toBeTruthy();
    await user.clear(within(form).getByLabelText(/^Fino al/));
    await user.click(within(form).getByRole('button', { name: 'Salva la designazione' }));
    expect(await screen.findByText('Designazione salvata: parte con il prossimo invio al consorzio.')).toBeTruthy();
    const current = await screen.findByRole('region', { name: 'La designazione del Comune' });
    expect(within(current).getByText('Mario Rossi (TEC-1)')).toBeTruthy();
    expect(within(current).getByText('Anna Verdi (SOS-1)')).toBeTruthy();
    expect(within(current).getByText('dal 26/11/2026')).toBeTruthy();
    expect(within(current).getByText(/Il consorzio non ha ancora ricevuto questa versione/)).toBeTruthy();
    expect(within(current).getByText(/Al consorzio arrivano solo i codici \(TEC-1, SOS-1\)/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Cambia la designazione' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Termina la designazione' })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    // The history lists the version; the CSV of the history downloads.
    await user.click(within(current).getByRole('button', { name: /Cronologia/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByText(/26\/11\/2026/).length).toBeGreaterThan(0);
    await user.keyboard('{Escape}');
    const downloads = recordDownloads();
    await user.click(within(current).getByRole('button', { name: 'Esporta la cronologia in CSV' }));
    await screen.findByText(/File salvato: designazione-comitato-tecnico-041067\.csv/);
    expect(downloads).toEqual(['designazione-comitato-tecnico-041067.csv']);
  });

  it('the hub shows the roster with the Technical Director and the members with nobody; the roster reaches Pesaro (both languages)', async () => {
    const hub = await openUiBackend({ as: 'hub' });
    const urbino = await openUiBackend({ as: 'municipality' });
    await pair(hub, urbino);
    const pesaro = await openUiBackend();
    await pesaro.must('setup.municipality', { istat: '041044', operator: 'Anna Verdi' });
    await pair(hub, pesaro);
    await urbino.must('settings.update', { shareNames: true });
    await urbino.must('committee.designation.save', { technicianName: 'Mario Rossi', substituteName: 'Anna Verdi', role: 'Responsabile servizi informativi', officeEmail: 'ced@comune.urbino.pu.it', officePhone: '0722 309111', from: '2026-01-01' });
    await townTo(urbino, hub);
    await hub.must('gov.settings.update', { executiveCommittee: { members: ['041067'], technicalDirector: 'Ing. Carla Ferri' } });

    window.location.hash = '#/committee';
    const { user, unmount } = renderApp(hub);
    await screen.findByRole('heading', { level: 1, name: 'Comitato tecnico' });
    expect(await screen.findByText('Coordinatore: Ing. Carla Ferri, Direttore tecnico.')).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Componenti del Comitato tecnico al 26/11/2026' });
    const urbinoRow = within(table).getByRole('row', { name: /Urbino/ });
    expect(within(urbinoRow).getByText('Mario Rossi (TEC-1)')).toBeTruthy();
    expect(within(urbinoRow).getByText('Sostituto: Anna Verdi (SOS-1)')).toBeTruthy();
    expect(within(urbinoRow).getByText('ced@comune.urbino.pu.it')).toBeTruthy();
    // The members with nobody designated are named below the committee, not in fifty rows of "nobody".
    expect(within(table).queryByRole('row', { name: /Pesaro/ })).toBeNull();
    const without = screen.getByRole('heading', { name: /^Senza tecnico designato al 26\/11\/2026: \d+ comuni$/ });
    expect(without.nextElementSibling?.textContent).toMatch(/Pesaro, .*Vallefoglia\.$/);
    expect(screen.getByText(/^1 comune su \d+ ha un tecnico designato\.$/)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
    // Before the designation began, nobody represented Urbino.
    await user.clear(screen.getByLabelText(/Composizione al giorno/));
    await user.type(screen.getByLabelText(/Composizione al giorno/), '31/12/2025');
    await screen.findByRole('heading', { name: /^Senza tecnico designato al 31\/12\/2025/ });
    expect(screen.getByText('Nessun comune ha un tecnico designato in questo giorno.')).toBeTruthy();
    const downloads = recordDownloads();
    await user.click(screen.getByRole('button', { name: 'Esporta il Comitato in CSV' }));
    await screen.findByText(/File salvato: comitato-tecnico-2025-12-31\.csv/);
    expect(downloads).toEqual(['comitato-tecnico-2025-12-31.csv']);
    unmount();

    // In English (the saved language is the one the app opens in).
    await hub.must('settings.setLocale', { locale: 'en' });
    window.location.hash = '#/committee';
    const en = renderApp(hub, 'en');
    await screen.findByRole('heading', { level: 1, name: 'Technical Committee' });
    expect(await screen.findByText('Coordinator: Ing. Carla Ferri, Technical Director.')).toBeTruthy();
    const enTable = await screen.findByRole('table', { name: 'Members of the Technical Committee on 26/11/2026' });
    expect(within(enTable).getByRole('row', { name: /Urbino/ }).textContent).toMatch(/Mario Rossi \(TEC-1\)Substitute: Anna Verdi \(SOS-1\)/);
    expect(screen.getByRole('heading', { name: /^Without a designated technician on 26\/11\/2026: \d+ municipalities$/ })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
    en.unmount();

    // Back to the members: Pesaro sees who represents Urbino, in both languages.
    await hubTo(hub, pesaro, '041044');
    window.location.hash = '#/committee';
    const it = renderApp(pesaro);
    const roster = await screen.findByRole('region', { name: 'Il Comitato tecnico' });
    const row = within(await within(roster).findByRole('table')).getByRole('row', { name: /Urbino/ });
    expect(within(row).getByText('Mario Rossi (TEC-1)')).toBeTruthy();
    expect(row.textContent).toMatch(/ced@comune\.urbino\.pu\.it.*0722 309111/);
    expect(within(row).getByText('dal 01/01/2026')).toBeTruthy();
    expect(within(roster).getByText('Coordinatore: Ing. Carla Ferri, Direttore tecnico.')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
    it.unmount();
    await pesaro.must('settings.setLocale', { locale: 'en' });
    window.location.hash = '#/committee';
    renderApp(pesaro, 'en');
    await screen.findByRole('heading', { level: 1, name: 'Technical Committee' });
    expect(await screen.findByText('The municipality has not designated a technician yet. Fill in the form below.')).toBeTruthy();
    const enRoster = await screen.findByRole('region', { name: 'The Technical Committee' });
    expect(within(within(await within(enRoster).findByRole('table')).getByRole('row', { name: /Urbino/ })).getByText('from 01/01/2026')).toBeTruthy();
    expect(within(enRoster).getByText('Coordinator: Ing. Carla Ferri, Technical Director.')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  }, 120_000);
});
