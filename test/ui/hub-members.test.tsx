import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { recordDownloads } from './downloads';
import { exportBundles, openUiBackend, pair, type UiBackend } from './real-backend';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

async function send(from: UiBackend, to: UiBackend) {
  await to.must('bundle.import', { files: (await exportBundles(from)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
}

async function town(istat: string, operator: string) {
  const t = await openUiBackend();
  await t.must('setup.municipality', { istat, operator });
  return t;
}

/** The hub CST-PU with Urbino paired (the default municipality of the UI tests). */
async function open(path: string) {
  const api = await openUiBackend({ as: 'hub' });
  const urbino = await openUiBackend({ as: 'municipality' });
  await pair(api, urbino);
  window.history.replaceState(null, '', path);
  return { api, urbino, render: () => renderApp(api) };
}

describe('hub members and catalogue', () => {
  it('members past the threshold are marked in words, not by colour alone', async () => {
    const { api, urbino, render } = await open('/#/members');
    // Fano's last file reached the hub on 1 September (86 days before the 26 November view);
    // Urbino's the day before; Pesaro sent a file the hub keeps until its identity is confirmed.
    const fano = await town('041013', 'Paolo Verdi');
    await pair(api, fano);
    await fano.must('usage.record', { service: 'PEC', date: '2026-08-31', quantity: '2' });
    api.setTime('2026-09-01T10:00:00.000Z');
    await send(fano, api);
    for (let d = 10; d <= 14; d++) await urbino.must('usage.record', { service: 'PEC', date: `2026-11-${d}`, quantity: '3' });
    api.setTime('2026-11-25T10:00:00.000Z');
    await send(urbino, api);
    const pesaro = await town('041044', 'Giulia Neri');
    await pesaro.must('identity.import', { ...(await api.must('identity.export', {})) });
    const hubId = await api.must('identity.show', {});
    await pesaro.must('identity.confirm', { id: hubId.id, fingerprint: hubId.fingerprint });
    await api.must('identity.import', { ...(await pesaro.must('identity.export', {})) });
    await send(pesaro, api);
    const urbinoSeq = (await urbino.must('sync.status', {})).ourLastSeq;
    // Noon: the imports above read the clock many times, one millisecond each.
    api.setTime('2026-11-26T12:00:00.000Z');
    render();

    const table = await screen.findByRole('table', { name: 'Elenco dei comuni aderenti' });
    const fanoRow = (await within(table).findByText('86')).closest('tr') as HTMLElement;
    expect(within(fanoRow).getByRole('rowheader').textContent).toBe('Fano');
    expect(within(fanoRow).getByText('oltre 30 giorni')).toBeTruthy();
    const pesaroRow = within(table).getByRole('rowheader', { name: /Pesaro/ }).closest('tr') as HTMLElement;
    // A file kept until the fingerprint is confirmed is counted; its events are not read yet, so
    // the count of data says 0 (reported to the lead: "0 dati" under-states what the file holds).
    expect(within(pesaroRow).getByText(/ dati in 1 file$/)).toBeTruthy();
    expect(within(pesaroRow).getByText('Impronta da confermare')).toBeTruthy();
    const urbinoRow = within(table).getByRole('link', { name: 'Urbino' }).closest('tr') as HTMLElement;
    expect(within(urbinoRow).queryByText(/oltre/)).toBeNull();
    expect(urbinoSeq).toBe(5);
    // Its last change is shown as the date and time it was made, not as the event's number 5 (issue 13).
    expect(within(urbinoRow).queryByText('5')).toBeNull();
    expect(within(urbinoRow).getAllByText(/^\d\d\/\d\d\/\d{4},? \d\d:\d\d$/).length).toBeGreaterThan(0);
    expect(await seriousViolations()).toEqual([]);
  });

  it('population: errors next to the fields, then saved', async () => {
    const { api, render } = await open('/#/members/041067');
    const { user } = render();
    await screen.findByRole('heading', { level: 1, name: 'Comune di Urbino' });
    const pop = screen.getByRole('textbox', { name: /Abitanti/ });
    const year = screen.getByRole('textbox', { name: /Anno del dato ISTAT/ });
    await user.clear(pop);
    await user.type(pop, '15.1,5');
    await user.clear(year);
    await user.type(year, '3024');
    await user.click(screen.getByRole('button', { name: 'Salva la popolazione' }));
    expect(document.getElementById('member-population-value-error')?.textContent).toMatch(/numero intero/);
    expect(pop.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('member-population-year-error')?.textContent).toMatch(/anno di quattro cifre/);
    expect(api.callsOf('members.update')).toEqual([]);
    expect(await seriousViolations()).toEqual([]);
    await user.clear(pop);
    await user.type(pop, '15.102');
    await user.clear(year);
    await user.type(year, '2025');
    await user.click(screen.getByRole('button', { name: 'Salva la popolazione' }));
    await screen.findByText('Salvato: Urbino ha 15.102 abitanti (ISTAT 2025).');
    expect(api.callsOf('members.update')).toEqual([{ istat: '041067', population: 15102, populationYear: 2025 }]);
  });

  it('catalogue: validation next to the fields, a new service saved, then sent to the members', async () => {
    const { api, render } = await open('/#/catalogue');
    await api.must('hub.services.save', { code: 'PEC', nameIt: 'Posta elettronica certificata', nameEn: 'Certified e-mail', category: 'communication', unit: 'mailboxes', active: true, unitCostCents: 1250, fixedYearlyCents: null });
    const { user } = render();
    const table = await screen.findByRole('table', { name: 'Servizi del catalogo' });
    expect(await within(table).findByText('12,50 €')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Aggiungi un servizio' }));
    await user.type(screen.getByRole('textbox', { name: /Codice/ }), '1x');
    await user.type(screen.getByRole('textbox', { name: /Costo unitario/ }), 'dieci');
    await user.click(screen.getByRole('button', { name: 'Salva il servizio' }));
    expect(document.getElementById('service-code-error')?.textContent).toMatch(/inizia con una lettera/);
    expect(document.getElementById('service-name-it-error')?.textContent).toBe('Scrivere il nome.');
    expect(document.getElementById('service-unit-cost-error')?.textContent).toMatch(/importo in euro/);
    expect(api.callsOf('hub.services.save')).toEqual([]);
    expect(await seriousViolations()).toEqual([]);

    const code = screen.getByRole('textbox', { name: /Codice/ });
    await user.clear(code);
    await user.type(code, 'sue-01');
    await user.type(screen.getByRole('textbox', { name: /Nome in italiano/ }), 'Sportello unico edilizia');
    await user.type(screen.getByRole('textbox', { name: /Nome in inglese/ }), 'Building desk');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Categoria' }), 'territory');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unità di misura' }), 'cases');
    const cost = screen.getByRole('textbox', { name: /Costo unitario/ });
    await user.clear(cost);
    await user.type(cost, '3,20');
    await user.click(screen.getByRole('button', { name: 'Salva il servizio' }));
    await screen.findByText('Servizio SUE-01 salvato. Arriverà ai membri con il prossimo invio del catalogo.');
    expect(api.callsOf('hub.services.save')).toEqual([
      { code: 'SUE-01', nameIt: 'Sportello unico edilizia', nameEn: 'Building desk', category: 'territory', unit: 'cases', active: true, unitCostCents: 320, fixedYearlyCents: null },
    ]);
    expect(await within(table).findByRole('rowheader', { name: 'Sportello unico edilizia' })).toBeTruthy();

    const downloads = recordDownloads();
    await user.click(screen.getByRole('button', { name: 'Prepara i file per i membri' }));
    // ONE download for every member: a ZIP with a bundle per member, named by town, and LEGGIMI.txt.
    await screen.findByText('Pronto il file CST-PU-membri-2026-11-26.zip con il pacchetto per 1 comune');
    expect(api.callsOf('bundle.exportArchive')).toEqual([{ lang: 'it' }]);
    expect(api.callsOf('bundle.export')).toEqual([]);
    expect(downloads).toEqual(['CST-PU-membri-2026-11-26.zip']);
    const [sent] = (await api.must('bundle.history', {})).exports;
    expect(screen.getByText(new RegExp(`^Urbino: Urbino-2026-11-26\\.cstb \\(${sent!.events} dati, \\d+,\\d kB\\)$`))).toBeTruthy();
    expect(screen.getByText(/Contiene un pacchetto per ogni comune, chiamato con il nome del comune, e LEGGIMI\.txt con l’elenco/)).toBeTruthy();
    expect(screen.getByText(/Estrarre il file ZIP/)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('in Electron the files go to a folder chosen in the main process’s dialog, named by town', async () => {
    const { api, urbino, render } = await open('/#/catalogue');
    const saveToFolder = vi.fn(async (files: { fileName: string; contentBase64: string }[]) => ({ saved: true as const, folder: '/media/CHIAVETTA', files: files.map((f) => f.fileName) }));
    Object.assign(window, { cstApi: { saveToFolder } });
    try {
      const { user } = render();
      await user.click(await screen.findByRole('button', { name: 'Prepara i file per i membri' }));
      await screen.findByText('Salvato 1 file');
      expect(screen.getByText('Nella cartella /media/CHIAVETTA: un pacchetto per ogni comune, chiamato con il nome del comune.')).toBeTruthy();
      // The window asks for the bytes and hands them to main with the backend's names: no path from the page.
      expect(api.callsOf('bundle.export')).toEqual([{ allMembers: true, inline: true }]);
      const [files] = saveToFolder.mock.calls[0]!;
      expect(files.map((f) => f.fileName)).toEqual(['Urbino-2026-11-26.cstb']);
      const [res] = await urbino.must('bundle.import', { files: [{ name: 'Urbino-2026-11-26.cstb', contentBase64: files[0]!.contentBase64 }] });
      expect(res!.outcome).toBe('applied');

      saveToFolder.mockResolvedValueOnce({ saved: false } as never);
      await user.click(screen.getByRole('button', { name: 'Prepara i file per i membri' }));
      await screen.findByText(/Nessuna cartella scelta: i file non sono stati salvati/);
      expect(await seriousViolations()).toEqual([]);
    } finally {
      Reflect.deleteProperty(window, 'cstApi');
    }
  });
});

