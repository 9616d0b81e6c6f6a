import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { copyOfData, exportBundles, openUiBackend, pair, restoreCopy, type UiBackend } from './real-backend';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

const named = async (from: UiBackend, name: string, o: { all?: boolean } = {}) =>
  (await exportBundles(from, o)).map((b) => ({ name, contentBase64: b.contentBase64 }));

/**
 * A real fork on the hub: Urbania sends entries 1–6 (40 PEC mailboxes a day), is restored from
 * a copy taken after entry 3 and records entries 4… again with 45, sent whole («Tutto dall’inizio»).
 * With `ack`, Urbania's next file starts after the disputed entry: its second version went first
 * to another copy of the hub (restored from before the first version), which acknowledged
 * entries up to 6; then entry 7 alone reaches the hub that holds the first version.
 */
async function forkOnHub(o: { ack?: boolean } = {}) {
  let hub = await openUiBackend({ as: 'hub', start: '2026-10-07T07:00:00.000Z' });
  const urbania = await openUiBackend();
  await urbania.must('setup.municipality', { istat: '041066', operator: 'Anna Neri' });
  await pair(hub, urbania);
  const hubPaired = copyOfData(hub);
  for (let d = 1; d <= 3; d++) await urbania.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: '40' });
  const copy = copyOfData(urbania);
  for (let d = 4; d <= 6; d++) await urbania.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: '40' });
  await hub.must('bundle.import', { files: await named(urbania, 'urbania-ottobre.cstb') });
  const restored = await restoreCopy(urbania, copy, '2026-11-26T09:00:00.000Z');
  let file: { name: string; contentBase64: string }[];
  if (o.ack) {
    const hubFirst = copyOfData(hub);
    const other = await restoreCopy(hub, hubPaired, '2026-11-26T09:00:00.000Z');
    for (let d = 4; d <= 6; d++) await restored.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: '45' });
    await other.must('bundle.import', { files: await named(restored, 'urbania-1-6.cstb') });
    await restored.must('bundle.import', { files: await named(other, 'consorzio.cstb') });
    await restored.must('usage.record', { service: 'PEC', date: '2026-10-07', quantity: '45' });
    file = await named(restored, 'urbania-7.cstb');
    hub = await restoreCopy(other, hubFirst, '2026-11-26T10:00:00.000Z');
  } else {
    for (let d = 4; d <= 7; d++) await restored.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: '45' });
    file = await named(restored, 'urbania-tutto.cstb', { all: true });
    hub.setTime('2026-11-26T10:00:00.000Z');
  }
  expect((await hub.must('bundle.import', { files: file }))[0]).toMatchObject({ outcome: 'refused', code: 'E_FORK' });
  window.history.replaceState(null, '', '/#/imports/forks');
  return { ...renderApp(hub), api: hub };
}

describe('fork resolution screen', () => {
  it('shows both versions readably, asks for a reason, says what will happen, then records the decision in the history', async () => {
    const { user, api } = await forkOnHub();
    const card = await screen.findByRole('region', { name: 'Urbania (041066): dati diversi dalla registrazione n. 4' });
    const stored = within(card).getByRole('region', { name: 'Versione già registrata qui' });
    expect(within(stored).getByText('Utilizzo di un servizio')).toBeTruthy();
    expect(within(stored).getByText('Arrivata con il file «urbania-ottobre.cstb» il 07/10/2026, 09:00.')).toBeTruthy();
    // Thousandths shown as units, ISO dates the Italian way, field names in words; what differs is marked.
    expect(within(stored).getByRole('row', { name: /^Quantità/ }).textContent).toBe('Quantità40diverso');
    expect(within(stored).getByRole('row', { name: /^Data/ }).textContent).toBe('Data04/10/2026');
    expect(within(stored).getByRole('row', { name: /^Servizio/ }).textContent).toBe('ServizioPEC');
    // Values of a closed list in words, not the code the line carries ('day').
    expect(within(stored).getByRole('row', { name: /^Periodo/ }).textContent).toBe('Periodoun giorno');
    expect(within(card).getByText(/Accettando, 3 registrazioni di Urbania già ricevute qui \(dalla n\. 4 alla n\. 6\)/)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await user.click(within(card).getByRole('button', { name: 'Accetta la versione del comune' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accettare la versione di Urbania?' });
    expect(within(dialog).getByText(/Le 3 registrazioni di Urbania già ricevute qui dalla n\. 4 alla n\. 6 vengono cancellate e sostituite da quelle del file «urbania-tutto\.cstb» \(fino alla n\. 7\)/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Accetta la versione del comune' }));
    expect(await within(dialog).findByText('Scrivere il motivo della decisione.')).toBeTruthy();
    expect(api.callsOf('bundle.resolveFork')).toHaveLength(0);
    await user.type(within(dialog).getByRole('textbox', { name: /Motivo della decisione/ }), 'Backup ripristinato, confermato al telefono');
    await user.click(within(dialog).getByRole('button', { name: 'Accetta la versione del comune' }));
    expect(await screen.findByText('Versione di Urbania accettata: registrazioni lette: 4; sostituite: 3.')).toBeTruthy();
    expect(api.callsOf('bundle.resolveFork')).toEqual([{ forkNo: 1, decision: 'accept', note: 'Backup ripristinato, confermato al telefono' }]);
    expect(await screen.findByRole('heading', { name: 'Decisioni prese' })).toBeTruthy();
    expect(screen.getByText(/Accettata la versione del comune: deciso il 26\/11\/2026, 11:00 da Luca Bianchi \(registrazioni sostituite: 3; registrate: 4\)/)).toBeTruthy();
    expect(screen.getByText('Motivo: Backup ripristinato, confermato al telefono')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accetta la versione del comune' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Dati in conflitto (0)' })).toBeTruthy();
  });

  it('a file that starts after the disputed entry: accepting is not offered, the screen says what to ask; keeping is', async () => {
    const { user, api } = await forkOnHub({ ack: true });
    const card = await screen.findByRole('region', { name: /Urbania \(041066\)/ });
    expect((within(card).getByRole('button', { name: 'Accetta la versione del comune' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(card).getByText(/chiedere al comune di inviare di nuovo con «Tutto dall’inizio»/)).toBeTruthy();
    expect(within(card).getByText(/Il file comincia dopo questa registrazione/)).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Mantieni i dati già ricevuti' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mantenere i dati già ricevuti da Urbania?' });
    expect(within(dialog).getByText(/il file «urbania-7\.cstb» resta rifiutato/)).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /Motivo della decisione/ }), 'I dati giusti sono i nostri');
    await user.click(within(dialog).getByRole('button', { name: 'Mantieni i dati già ricevuti' }));
    expect(await screen.findByText('Decisione registrata: i dati già ricevuti da Urbania restano validi.')).toBeTruthy();
    expect(api.callsOf('bundle.resolveFork')[0]).toMatchObject({ decision: 'keep' });
  });
});

describe('the same screen on a municipality, for the hub’s stream', () => {
  it('shows the consortium’s conflicting data on «Invii» in the municipality’s words', async () => {
    // The hub sends a catalogue service, loses its folder, is restored from a copy taken before
    // and saves another service under the same number of its stream: Urbino receives both.
    const hub = await openUiBackend({ as: 'hub' });
    const urbino = await openUiBackend({ as: 'municipality' });
    await pair(hub, urbino);
    const copy = copyOfData(hub);
    await hub.must('hub.services.save', { code: 'PAGOPA', nameIt: 'Pagamenti pagoPA', nameEn: 'pagoPA payments', category: 'citizens', unit: 'requests' });
    await urbino.must('bundle.import', { files: await named(hub, 'consorzio-1.cstb') });
    const restored = await restoreCopy(hub, copy, '2026-11-26T10:00:00.000Z');
    await restored.must('hub.services.save', { code: 'GIS', nameIt: 'GIS e cartografia', nameEn: 'GIS and mapping', category: 'territory', unit: 'accesses' });
    const second = await named(restored, 'consorzio-2.cstb', { all: true });
    expect((await urbino.must('bundle.import', { files: second }))[0]).toMatchObject({ outcome: 'refused', code: 'E_FORK' });
    window.history.replaceState(null, '', '/#/bundles');
    const { user } = renderApp(urbino);
    const section = await screen.findByRole('region', { name: 'Dati del consorzio in conflitto' });
    expect(within(section).getByText(/Il consorzio ha inviato una versione diversa/)).toBeTruthy();
    expect(within(section).getAllByText('Servizio del catalogo')).toHaveLength(2);
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(section).getByRole('button', { name: 'Accetta la versione del consorzio' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accettare la versione di CST Pesaro-Urbino?' });
    expect(within(dialog).getByText(/Catalogo, corsi, gruppi e decisioni del consorzio vengono aggiornati/)).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /Motivo della decisione/ }), 'Il consorzio ha ripristinato il backup');
    await user.click(within(dialog).getByRole('button', { name: 'Accetta la versione del consorzio' }));
    expect(await screen.findByText('Versione di CST Pesaro-Urbino accettata: registrazioni lette: 1; sostituite: 1.')).toBeTruthy();
    expect(await within(section).findByText('Motivo: Il consorzio ha ripristinato il backup')).toBeTruthy();
    expect((await urbino.must('catalogue.list', {})).map((s) => s.code)).toContain('GIS');
  });
});

describe('Invia al consorzio: saved as a download', () => {
  it('asks for the bytes (inline) and downloads the file under its name', async () => {
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: vi.fn((b: Blob) => (created.push(b), 'blob:download')), revokeObjectURL: vi.fn() });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const hub = await openUiBackend({ as: 'hub' });
    const urbino = await openUiBackend({ as: 'municipality' });
    await pair(hub, urbino);
    for (let d = 1; d <= 3; d++) await urbino.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: '1' });
    window.history.replaceState(null, '', '/#/bundles');
    const { user } = renderApp(urbino);
    await screen.findByText('Ci sono 3 registrazioni che il consorzio non ha ancora ricevuto.');
    // The window never chooses a folder (issue 11, item 2): no destination choice, no path field.
    expect(screen.queryByRole('radio', { name: 'Salva il pacchetto sul computer' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Dove salvare il file' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Prepara il file per il consorzio' }));
    expect(await screen.findByText(/Il file cst-041067-per-CST-PU-1-3\.cstb è stato scaricato/)).toBeTruthy();
    expect(urbino.callsOf('bundle.export')).toEqual([{ inline: true, all: false }]);
    expect(names).toEqual(['cst-041067-per-CST-PU-1-3.cstb']);
    // The downloaded bytes are the real bundle: the hub reads them.
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    const contentBase64 = btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
    expect((await hub.must('bundle.import', { files: [{ name: names[0]!, contentBase64 }] }))[0]).toMatchObject({ outcome: 'applied' });
    expect(await seriousViolations()).toEqual([]);
  });
});
