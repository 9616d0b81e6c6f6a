import type { z } from 'zod';
import { api as contract, type Input, type MethodName, type Output } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';
import type { GovProposalRow, GovSettings, MyShare, PlanView, ProposalTrackView, StatementView } from '../../shared/domain/gov-plan';
import type { Member } from '../../shared/domain/installation';
import { DEFAULT_CRITERIA } from '../../shared/governance/evaluation';
import type { PlanItemData } from '../../shared/records/gov-records';
import { createFakeApi, MUNICIPALITIES, type FakeBackend } from './fake-api';
import type { Installation } from '../../shared/domain/installation';

/**
 * Governance answers for the UI tests, over the shared fake: inputs are validated with the
 * contract's schemas first (as the core's dispatcher does), so a wrong call fails the test.
 */
export const GOV_MEMBERS: Member[] = MUNICIPALITIES.filter((m) => m.province === 'PU').map((m) => ({
  istat: m.istat,
  name: m.name,
  province: m.province,
  population: m.population,
  populationYear: m.populationYear,
  status: 'confirmed',
}));

export const SETTINGS: GovSettings = {
  criteria: DEFAULT_CRITERIA,
  voting: {
    executive_committee: { weighting: 'one_member_one_vote', majority: { kind: 'simple' }, quorum: { of: 'members', numerator: 1, denominator: 2 } },
    assembly: { weighting: 'population', majority: { kind: 'simple' }, quorum: { of: 'weight', numerator: 1, denominator: 2 } },
  },
  reportNamed: false,
  executiveCommittee: { members: [], technicalDirector: '' },
};

export function track(status: ProposalTrackView['status'], extra: Partial<ProposalTrackView> = {}): ProposalTrackView {
  return {
    id: '0b7c1e2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d',
    proposal_id: '0b7c1e2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d',
    owner: '041066',
    title: 'Wi-Fi pubblico nelle frazioni',
    group_id: null,
    status,
    evaluation: null,
    criteria: [],
    max_score: 10,
    reason: null,
    notes: null,
    plan: null,
    progress: null,
    start_date: null,
    expected_end_date: null,
    completed_date: null,
    steps: [
      { from: null, to: 'received', date: '2026-10-01', by: 'Consorzio', note: '' },
      { from: 'received', to: 'under_evaluation', date: '2026-10-05', by: 'Comitato tecnico', note: '' },
    ],
    updated_by: 'Comitato tecnico',
    updatedAt: '2026-10-05T09:00:00.000Z',
    ...extra,
  };
}

export const ITEM: PlanItemData = {
  code: 'PEC',
  description: 'Posta elettronica certificata',
  category: 'service',
  service: 'PEC',
  proposal_id: null,
  fixed_cents: 100_000,
  unit_cents: 1_250,
  quantity_milli: 120_000,
  suggested_milli: 110_000,
  one_off_cents: 0,
  cost_cents: 250_000,
  key: { equal: 50, population: 50, usage: 0 },
  usage_basis: 'last_year',
  exempt: [],
  reference: null,
};

export function planView(state: PlanView['state'], items: PlanItemData[] = [ITEM]): PlanView {
  const locked = state === 'approved_by_assembly';
  const total = items.reduce((s, i) => s + i.cost_cents, 0);
  return {
    year: 2027,
    version: 1,
    state,
    stateLabel: state,
    locked,
    editable: state === 'draft',
    supersededBy: null,
    items,
    totalCents: total,
    byCategory: [{ category: 'service', label: 'Servizi', cents: total }],
    steps: [{ from: null, to: 'draft', date: '2026-11-01', by: 'Direttore tecnico', note: '' }],
    approvals: [],
    versions: [{ version: 1, state, supersededBy: null }],
  };
}

export const STATEMENT: StatementView = {
  year: 2027,
  version: 1,
  istat: '041066',
  population: 6892,
  size_class: 3,
  lines: [{ code: 'PEC', description: 'Posta elettronica certificata', category: 'service', key: { equal: 50, population: 50, usage: 0 }, exempt: false, cents: 30_012, stand_alone_cents: 90_000, savings_cents: 59_988 }],
  total_cents: 30_012,
  stand_alone_cents: 90_000,
  savings_cents: 59_988,
  savings_basis_points: 6_665,
  consortium_savings_cents: 1_234_567,
  name: 'Urbania',
  sizeLabel: 'da 5.001 a 10.000 abitanti',
};

type Handlers = Partial<{ [M in MethodName]: (input: z.output<(typeof contract)[M]['input']>) => Output<M> }>;

export function createGovApi(installation: Installation, handlers: Handlers): FakeBackend {
  const all: Handlers = {
    'members.list': () => GOV_MEMBERS,
    'gov.settings.get': () => SETTINGS,
    'hub.groups.list': () => [],
    ...handlers,
  };
  const override: Record<string, (input: unknown) => Result<unknown> | undefined> = {};
  for (const [method, handler] of Object.entries(all)) {
    override[method] = (input: unknown) => {
      const parsed = (contract[method as MethodName].input as z.ZodType).safeParse(input ?? {});
      if (!parsed.success) throw new Error(`${method}: invalid input ${JSON.stringify(parsed.error.issues)}`);
      return { ok: true, value: (handler as (i: unknown) => unknown)(parsed.data) };
    };
  }
  return createFakeApi({ installation, override: override as never });
}

export type { GovProposalRow, MyShare, Input };
