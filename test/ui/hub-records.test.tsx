import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfferedCourse, ThematicGroup } from '../../shared/domain/hub-records';
import type { HubProposalDetail, RegistryMember } from '../../shared/domain/hub-views';
import { HUB } from './fake-api';
import { createBundleFake, resetBundleStores, seriousViolations } from './bundles-fake';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

const urbino: RegistryMember = { istat: '041067', name: 'Urbino', province: 'PU', population: 14950, populationYear: 2021, status: 'confirmed', membership: 'active', memberSince: null };

const DETAIL: HubProposalDetail = {
  proposal: { id: '0190d9a0-0000-7000-8000-000000000001', member: '041067', memberName: 'Urbino', status: 'submitted', version: 2, title: 'Wi-Fi nelle biblioteche', oneOffCents: 1_234_56, yearlyCents: 50_000, attachments: 1, submittedAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-21T10:00:00.000Z', lastSeq: 40 },
  data: { status: 'submitted', version: 2, title: 'Wi-Fi nelle biblioteche', problem: 'Niente rete.', solution: 'Access point.', group_id: null, benefits: 'Studenti.', beneficiaries: ['041067'], one_off_cents: 1_234_56, yearly_cents: 50_000, attachments: [], submitted_at: '2026-11-20T10:00:00.000Z', updated_by: 'Maria Rossi' },
  versions: [],
  attachments: [{ sha256: 'a'.repeat(64), bytes: 2048, name: 'preventivo.pdf', type: 'application/pdf', available: true }],
};
DETAIL.versions = [
  { seq: 30, at: '2026-11-20T10:00:00.000Z', status: 'submitted', version: 1, data: { ...DETAIL.data, version: 1, title: 'Wi-Fi' } },
  { seq: 40, at: '2026-11-21T10:00:00.000Z', status: 'submitted', version: 2, data: DETAIL.data },
];

function open(path: string) {
  let courses: OfferedCourse[] = [];
  let groups: ThematicGroup[] = [];
  const api = createBundleFake(HUB, {
    'members.list': () => [urbino],
    'hub.courses.list': () => courses,
    'hub.courses.save': (i) => {
      const c: OfferedCourse = { id: '0190d9a0-0000-7000-8000-0000000000c1', title: i.title, area: i.area, startDate: i.startDate, endDate: i.endDate, hours: i.hours, hoursMilli: Math.round(Number(i.hours) * 1000), mode: i.mode, provider: i.provider, description: i.description, updatedBy: 'CST-PU', updatedAt: '2026-11-26T10:00:00.000Z' };
      courses = [c];
      return c;
    },
    'hub.groups.list': () => groups,
    'hub.groups.save': (i) => {
      const g: ThematicGroup = { id: '0190d9a0-0000-7000-8000-0000000000g1'.replace('g', 'a'), name: i.name, description: i.description, coordinator: i.coordinator ? { ...i.coordinator, memberName: 'Urbino' } : null, active: i.active, updatedBy: 'CST-PU', updatedAt: '2026-11-26T10:00:00.000Z' };
      groups = [g];
      return g;
    },
    'hub.proposals.list': () => [DETAIL.proposal],
    'hub.proposals.get': () => DETAIL,
    'hub.attachments.get': ({ sha256 }) => ({ sha256, type: 'application/pdf', bytes: 4, contentBase64: 'JVBERg==', name: 'preventivo.pdf' }),
  });
  window.history.replaceState(null, '', path);
  return { ...renderApp(api), api };
}

describe('hub records: courses, groups, received proposals', () => {
  it('a course: dates and hours checked next to the fields, then saved', async () => {
    const { user, api } = open('/#/catalogue/courses');
    await user.click(await screen.findByRole('button', { name: 'Aggiungi un corso' }));
    await user.type(screen.getByRole('textbox', { name: /Titolo del corso/ }), 'Privacy');
    await user.type(screen.getByLabelText(/Primo giorno/), '2026-10-06');
    await user.type(screen.getByLabelText(/Ultimo giorno/), '2026-10-05');
    await user.type(screen.getByRole('textbox', { name: /^Ore/ }), '-3');
    await user.click(screen.getByRole('button', { name: 'Salva il corso' }));
    expect(document.getElementById('course-end-error')?.textContent).toBe('L’ultimo giorno non può venire prima del primo.');
    expect(document.getElementById('course-hours-error')?.textContent).toMatch(/numero positivo/);
    expect(api.callsOf('hub.courses.save')).toEqual([]);
    expect(await seriousViolations()).toEqual([]);
    await user.clear(screen.getByLabelText(/Ultimo giorno/));
    await user.type(screen.getByLabelText(/Ultimo giorno/), '2026-10-07');
    await user.clear(screen.getByRole('textbox', { name: /^Ore/ }));
    await user.type(screen.getByRole('textbox', { name: /^Ore/ }), '7,5');
    await user.click(screen.getByRole('button', { name: 'Salva il corso' }));
    await screen.findByText('Corso «Privacy» salvato. Ricordate di inviarlo ai membri.');
    expect(api.callsOf('hub.courses.save')).toEqual([{ title: 'Privacy', startDate: '2026-10-06', endDate: '2026-10-07', hours: '7.5', mode: 'in_person', area: '', provider: '', description: '' }]);
    expect(await screen.findByText('06/10/2026 – 07/10/2026')).toBeTruthy();
  });

  it('a group with its coordinating referent', async () => {
    const { user, api } = open('/#/catalogue/groups');
    await user.click(await screen.findByRole('button', { name: 'Aggiungi un gruppo' }));
    await user.type(screen.getByRole('textbox', { name: /Nome del gruppo/ }), 'Transizione digitale');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Comune del referente' }), '041067');
    await user.click(screen.getByRole('button', { name: 'Salva il gruppo' }));
    expect(document.getElementById('group-person-error')?.textContent).toMatch(/^Scrivere il nome del referente/);
    await user.type(screen.getByRole('textbox', { name: /Nome e cognome del referente/ }), 'Anna Neri');
    await user.click(screen.getByRole('button', { name: 'Salva il gruppo' }));
    await screen.findByText('Gruppo «Transizione digitale» salvato. Ricordate di inviarlo ai membri.');
    expect(api.callsOf('hub.groups.save')).toEqual([{ name: 'Transizione digitale', description: '', coordinator: { istat: '041067', person: 'Anna Neri' }, active: true }]);
    expect(await screen.findByText('Anna Neri (Urbino)')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('a received proposal: content, versions and its attachment downloaded', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = (b: Blob) => {
      created.push(b);
      return 'blob:x';
    };
    URL.revokeObjectURL = () => undefined;
    const { user, api } = open('/#/members/proposals');
    const table = await screen.findByRole('table', { name: /Proposte ricevute/ });
    expect(within(table).getByText('1.234,56 €')).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'Wi-Fi nelle biblioteche' }));
    await screen.findByText('Access point.');
    expect(screen.getByText(/versione 1 — «Wi-Fi»/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Scarica preventivo.pdf (2,0 kB)' }));
    expect(api.callsOf('hub.attachments.get')).toEqual([{ sha256: 'a'.repeat(64) }]);
    expect(created).toHaveLength(1);
    expect(await seriousViolations()).toEqual([]);
  });
});
