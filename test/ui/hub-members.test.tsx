import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubService } from '../../shared/domain/hub-records';
import type { MemberOverview, RegistryMember } from '../../shared/domain/hub-views';
import { HUB } from './fake-api';
import { createBundleFake, recordDownloads, resetBundleStores, seriousViolations } from './bundles-fake';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

const urbino: RegistryMember = { istat: '041067', name: 'Urbino', province: 'PU', population: 14950, populationYear: 2021, status: 'confirmed', membership: 'active', memberSince: null };
const fano: RegistryMember = { istat: '041013', name: 'Fano', province: 'PU', population: 60069, populationYear: 2021, status: 'confirmed', membership: 'active', memberSince: null };

function ov(m: RegistryMember, over: Partial<MemberOverview>): MemberOverview {
  return { istat: m.istat, name: m.name, province: 'PU', membership: 'active', status: 'confirmed', lastBundleAt: null, lastSeq: 0, lastEventAt: null, daysSinceLastSync: null, stale: false, waitingBundles: 0, eventsWaiting: 0, ackedHubSeq: null, ...over };
}

const PEC: HubService = { id: 's1', code: 'PEC', nameIt: 'Posta elettronica certificata', nameEn: 'Certified e-mail', category: 'communication', unit: 'mailboxes', decimals: false, active: true, position: 1, fixedYearlyCents: null, unitCostCents: 1250, updatedBy: 'CST-PU', updatedAt: '2026-11-26T09:00:00.000Z' };

function open(path: string) {
  let members = [urbino, fano];
  let services = [PEC];
  const api = createBundleFake(HUB, {
    'members.list': () => members,
    'hub.members.overview': () => ({
      staleDays: 30,
      at: '2026-11-26T10:00:00.000Z',
      members: [
        ov(urbino, { lastBundleAt: '2026-11-25T10:00:00.000Z', lastSeq: 120, daysSinceLastSync: 1 }),
        ov(fano, { lastBundleAt: '2026-09-01T10:00:00.000Z', lastSeq: 40, daysSinceLastSync: 86, stale: true, waitingBundles: 1, eventsWaiting: 7 }),
      ],
    }),
    'members.update': (input) => {
      const m = members.find((x) => x.istat === input.istat) as RegistryMember;
      const next = { ...m, population: input.population ?? null, populationYear: input.populationYear ?? null };
      members = members.map((x) => (x.istat === input.istat ? next : x));
      return next;
    },
    'hub.services.list': () => services,
    'hub.services.save': (input) => {
      const saved: HubService = { ...PEC, ...input, id: `s-${input.code}`, decimals: false, position: 2, fixedYearlyCents: input.fixedYearlyCents, unitCostCents: input.unitCostCents };
      services = [...services.filter((s) => s.code !== input.code), saved];
      return saved;
    },
    'bundle.export': () => [
      { path: '', contentBase64: 'AAEC', fileName: 'cst-CST-PU-per-041067-1-14.cstb', recipient: { kind: 'municipality', id: '041067' }, range: { first: 1, last: 14 }, events: 14, bytes: 2048, encrypted: true, sha256: 'a'.repeat(64), bundleId: 'x1' },
    ],
  });
  window.history.replaceState(null, '', path);
  return { ...renderApp(api), api };
}

describe('hub members and catalogue', () => {
  it('members past the threshold are marked in words, not by colour alone', async () => {
    open('/#/members');
    const table = await screen.findByRole('table', { name: 'Elenco dei comuni aderenti' });
    const fanoRow = (await within(table).findByText('86')).closest('tr') as HTMLElement;
    expect(within(fanoRow).getByRole('rowheader').textContent).toBe('Fano');
    expect(within(fanoRow).getByText('oltre 30 giorni')).toBeTruthy();
    expect(within(fanoRow).getByText('7 dati in 1 file')).toBeTruthy();
    const urbinoRow = within(table).getByRole('link', { name: 'Urbino' }).closest('tr') as HTMLElement;
    expect(within(urbinoRow).queryByText(/oltre/)).toBeNull();
    expect(within(urbinoRow).getByText('120')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('population: errors next to the fields, then saved', async () => {
    const { user, api } = open('/#/members/041067');
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
    const { user, api } = open('/#/catalogue');
    const table = await screen.findByRole('table', { name: 'Servizi del catalogo' });
    expect(within(table).getByText('12,50 €')).toBeTruthy();
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
    await screen.findByText('Servizio SUE-01 salvato. Ricordate di inviare il catalogo ai membri.');
    expect(api.callsOf('hub.services.save')).toEqual([
      { code: 'SUE-01', nameIt: 'Sportello unico edilizia', nameEn: 'Building desk', category: 'territory', unit: 'cases', active: true, unitCostCents: 320, fixedYearlyCents: null },
    ]);
    expect(await within(table).findByRole('rowheader', { name: 'Sportello unico edilizia' })).toBeTruthy();

    const downloads = recordDownloads();
    await user.click(screen.getByRole('button', { name: 'Prepara i file per i membri' }));
    await screen.findByText('Pronto 1 file');
    expect(screen.getByText('041067: cst-CST-PU-per-041067-1-14.cstb (14 dati, 2,0 kB)')).toBeTruthy();
    // The bytes come back and are downloaded: the window never names a folder.
    expect(api.callsOf('bundle.export')).toEqual([{ allMembers: true, inline: true }]);
    expect(downloads).toEqual(['cst-CST-PU-per-041067-1-14.cstb']);
    expect(screen.getByText(/I file sono stati scaricati/)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
