import { z } from 'zod';
import { recordKind } from './registry';
import { Cents, Count, IsoDate, lineText, Milli, noteText, RecordId, UpdatedBy } from './common';
import { VotingRulesSchema } from '../governance/schemas';

/**
 * The hub's governance records (issue 5). Every change is a `put` of the record's full new
 * state, appended to the hub's outbox in the change's transaction, so it travels to every
 * member and the outbox is its audit trail (who, when, why: each step carries them).
 *
 * Ids are derived from a natural key and the hub's id (see governance/gov-ids.ts): the status of
 * a proposal from the proposal's id, a plan version from (year, version), a statement from
 * (year, version, ISTAT), the consortium report from its year.
 */

const Istat = z.string().regex(/^[0-9]{6}$/, { message: 'Codice ISTAT di 6 cifre.' });
/**
 * What the app itself wrote in a step's note, as a catalogue key and its figures, so that each
 * member's screen says it in its own language; `note` keeps the Italian sentence (the audit
 * trail, and what a reader without the key shows).
 */
export const STEP_NOTE_KEYS = ['score_total', 'plan_version', 'progress', 'new_version', 'approval'] as const;
export type StepNoteKey = (typeof STEP_NOTE_KEYS)[number];
/** A `tc_meeting` named by a step: its id, and its date so the timeline reads without the meeting. */
export const MeetingRef = z.object({ id: RecordId, date: IsoDate }).strict();
const NoteParams = z.record(z.string().max(40), z.union([z.string().max(300), z.number()]));
const Step = <S extends z.ZodType>(state: S) =>
  z
    .object({
      from: state.nullable(),
      to: state,
      date: IsoDate,
      by: lineText(100),
      note: noteText(),
      note_key: z.enum(STEP_NOTE_KEYS).optional(),
      note_params: NoteParams.optional(),
      /** The Technical Committee meeting that decided the step (issue 15; absent on older steps and steps decided elsewhere). */
      meeting: MeetingRef.optional(),
    })
    .strict();

export const ProposalTrackState = z.enum(['received', 'under_evaluation', 'admitted', 'not_admitted', 'returned', 'approved', 'in_progress', 'completed']);

/** The state of a member's proposal on the hub: evaluation, decision, plan, progress, with every step. */
export const ProposalStatusData = z
  .object({
    proposal_id: RecordId,
    /** ISTAT code of the proposing member. */
    owner: Istat,
    title: lineText(200),
    group_id: RecordId.nullable(),
    status: ProposalTrackState,
    /** One integer score per criterion id, and Σ weight × score (hundredths of a point). */
    evaluation: z.object({ scores: z.record(z.string(), z.number().int().min(0).max(100)), total_hundredths: z.number().int().min(0).max(10_000) }).strict().nullable(),
    /** The criteria the scores refer to (labels and weights), as configured when scoring. */
    criteria: z.array(z.object({ id: lineText(40), label: lineText(200), weight: z.number().int().min(0).max(100), label_key: z.string().max(80).optional() }).strict()).max(50),
    max_score: z.number().int().min(1).max(100),
    reason: noteText().nullable(),
    notes: noteText().nullable(),
    plan: z.object({ year: z.number().int(), version: z.number().int().min(1) }).strict().nullable(),
    progress: z.number().int().min(0).max(100).nullable(),
    start_date: IsoDate.nullable(),
    expected_end_date: IsoDate.nullable(),
    completed_date: IsoDate.nullable(),
    steps: z.array(Step(ProposalTrackState)).max(1000),
    updated_by: UpdatedBy,
  })
  .strict();
export type ProposalStatusData = z.infer<typeof ProposalStatusData>;

export const proposalStatusKind = recordKind({
  kind: 'proposal_status',
  owner: 'hub',
  schema: ProposalStatusData,
  description: 'Valutazione e stato di una proposta di un socio (Comitato tecnico): gruppo, punteggi, esito, piano, avanzamento, ogni passo con chi, quando e perché.',
});

export const PlanStateEnum = z.enum(['draft', 'proposed_by_executive', 'approved_by_executive', 'submitted_to_assembly', 'approved_by_assembly']);
export const ItemCategory = z.enum(['service', 'initiative', 'quota']);
export type ItemCategory = z.infer<typeof ItemCategory>;

export const Key = z.object({ equal: z.number().int().min(0).max(100), population: z.number().int().min(0).max(100), usage: z.number().int().min(0).max(100) }).strict();

export const ReferenceData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('size_class'), cents: z.array(Cents).min(1).max(20) }).strict(),
  z.object({ kind: z.literal('per_unit'), fixedCents: Cents.optional(), unitCents: Cents }).strict(),
]);

/**
 * Who pays an item (issue 13): every active member except the item's `exempt` ones, or only the
 * members listed (an initiative of a few towns: its proposer, beneficiaries and joiners, see
 * governance/proposal-participants.ts). Written on every item since issue 13; an item stored
 * before has no `payers` and keeps the meaning it was allocated with: every member but `exempt`
 * (allocations already approved were frozen with that meaning, and the hub's events that carry
 * those items cannot be rewritten, so the absence is read the same way everywhere).
 */
export const PayersData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('only'), members: z.array(Istat).min(1).max(10_000) }).strict(),
]);
export type PayersData = z.infer<typeof PayersData>;

/**
 * Where an item's suggested quantity comes from (issue 13): the last twelve months the hub has
 * received, `from`–`to` ('YYYY-MM'), `months` of them with a figure; a count is their sum, a
 * level (GB, mailboxes) their average (shared/domain/unit-measure.ts).
 */
export const QuantityEstimate = z
  .object({ from: z.string().regex(/^\d{4}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}$/), months: z.number().int().min(0).max(12), measure: z.enum(['count', 'level']) })
  .strict();
export type QuantityEstimate = z.infer<typeof QuantityEstimate>;

/** One item of the plan: a catalogue service, an initiative from a proposal, or the membership quota. */
export const PlanItemData = z
  .object({
    code: lineText(40),
    description: lineText(200),
    category: ItemCategory,
    /** Catalogue service (usage key reads its usage). */
    service: z.string().max(40).nullable(),
    proposal_id: RecordId.nullable(),
    fixed_cents: Cents,
    unit_cents: Cents,
    /**
     * Projected quantity (thousandths of the unit) and what the usage received suggested; null:
     * unknown (no usage received and none typed), never read as zero: the item's cost then leaves
     * out the unit cost, its savings are not computed and the plan cannot be proposed.
     */
    quantity_milli: Milli.nullable(),
    suggested_milli: Milli.nullable(),
    /** The months `suggested_milli` was estimated from (absent on items stored before issue 13). */
    estimate: QuantityEstimate.nullable().optional(),
    one_off_cents: Cents,
    /** fixed + unit × quantity (rounded to the cent) + one-off. */
    cost_cents: Cents,
    key: Key,
    usage_basis: z.enum(['last_year', 'projected']),
    exempt: z.array(Istat).max(10_000),
    payers: PayersData.optional(),
    reference: ReferenceData.nullable(),
  })
  .strict();
export type PlanItemData = z.infer<typeof PlanItemData>;

const Weight = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** The outcome the app computed (shared/governance/voting.ts), kept with the vote. */
const VoteTallySchema = z
  .object({
    weighting: z.enum(['one_member_one_vote', 'population', 'quota']),
    members: Weight,
    presentMembers: Weight,
    totalWeight: Weight,
    presentWeight: Weight,
    forWeight: Weight,
    againstWeight: Weight,
    abstainWeight: Weight,
    notVotingWeight: Weight,
    forCount: Weight,
    againstCount: Weight,
    abstainCount: Weight,
    quorumReached: z.boolean(),
    outcome: z.enum(['approved', 'rejected', 'no_quorum']),
  })
  .strict();

const Ballot = z.object({ member: lineText(100), vote: z.enum(['for', 'against', 'abstain']) }).strict();
export const ApprovalData = z
  .object({
    body: z.enum(['executive_committee', 'assembly']),
    date: IsoDate,
    minutesRef: lineText(200),
    present: z.array(lineText(100)).max(100_000),
    ballots: z.array(Ballot).max(100_000),
    rules: VotingRulesSchema,
    tally: VoteTallySchema,
  })
  .strict();

/** One version of the yearly technical plan, with its steps and recorded votes. */
export const PlanVersionData = z
  .object({
    year: z.number().int().min(2000).max(2999),
    version: z.number().int().min(1),
    state: PlanStateEnum,
    superseded_by: z.number().int().min(1).nullable(),
    items: z.array(PlanItemData).max(10_000),
    total_cents: z.number().int().min(0),
    steps: z.array(Step(PlanStateEnum)).max(1000),
    approvals: z.array(ApprovalData).max(1000),
    updated_by: UpdatedBy,
  })
  .strict();
export type PlanVersionData = z.infer<typeof PlanVersionData>;

export const planVersionKind = recordKind({
  kind: 'plan_version',
  owner: 'hub',
  schema: PlanVersionData,
  description: 'Versione del piano tecnico annuale: voci con costi e chiavi di riparto, stato, passi di approvazione e votazioni con esito calcolato.',
});

/** A member's cost statement of an approved plan: each item, its key, its share, stand-alone cost and savings. */
export const CostStatementData = z
  .object({
    year: z.number().int(),
    version: z.number().int().min(1),
    istat: Istat,
    population: Count,
    size_class: z.number().int().min(0),
    lines: z
      .array(
        z
          .object({
            code: lineText(40),
            description: lineText(200),
            category: ItemCategory,
            key: Key,
            exempt: z.boolean(),
            cents: Cents,
            stand_alone_cents: Cents.nullable(),
            savings_cents: z.number().int().nullable(),
          })
          .strict(),
      )
      .max(10_000),
    total_cents: Cents,
    stand_alone_cents: Cents,
    savings_cents: z.number().int(),
    savings_basis_points: z.number().int().nullable(),
    /** The whole consortium's savings, for comparison. */
    consortium_savings_cents: z.number().int(),
  })
  .strict();
export type CostStatementData = z.infer<typeof CostStatementData>;

export const costStatementKind = recordKind({
  kind: 'cost_statement',
  owner: 'hub',
  schema: CostStatementData,
  description: 'Estratto conto di un socio per il piano approvato: quota per voce, chiave, costo autonomo e risparmio.',
});

/** One member's line of the consortium report (named, or by size class). */
export const ConsortiumReportRow = z
  .object({
    /** ISTAT code and name when the Assembly chose to name members, else null. */
    istat: Istat.nullable(),
    name: z.string().max(120).nullable(),
    size_class: z.number().int().min(0),
    size_label: z.string().max(60),
    usage: z.record(z.string(), Milli),
    training_hours_milli: Milli,
    staff: Count,
    /** Training hours per employee, thousandths of an hour. */
    hours_per_employee_milli: Milli,
    groups: Count,
  })
  .strict();
export type ConsortiumReportRow = z.infer<typeof ConsortiumReportRow>;

/** An initiative completed from a proposal, shown to every member as a good practice. */
export const GoodPractice = z.object({ proposal_id: RecordId, title: lineText(200), member: z.string().max(120), completed_date: IsoDate.nullable() }).strict();
export type GoodPractice = z.infer<typeof GoodPractice>;

/**
 * The consortium report (condivisione) of a year, as published: this summary plus `parts`
 * records (`consortium_report_part`) carrying its rows and good practices in order. One record
 * per year would not fit a bundle line (1 MiB) with every municipality of Italy, so the rows
 * travel in parts of at most REPORT_PART_BYTES each. `revision` counts the publications of the
 * year: a reader takes the report only once it holds every part of the summary's revision.
 */
export const ConsortiumReportData = z
  .object({
    year: z.number().int(),
    named: z.boolean(),
    revision: z.number().int().min(1),
    parts: z.number().int().min(0).max(100_000),
    row_count: Count,
    practice_count: Count,
    published_by: UpdatedBy,
  })
  .strict();
export type ConsortiumReportData = z.infer<typeof ConsortiumReportData>;

export const consortiumReportKind = recordKind({
  kind: 'consortium_report',
  owner: 'hub',
  schema: ConsortiumReportData,
  description: "Rapporto del consorzio a tutti i soci (sommario dell'anno): nominativo o per classe di popolazione, revisione, numero di parti, righe e buone pratiche.",
});

/** One part of a year's report: consecutive rows, then consecutive good practices. */
export const ConsortiumReportPartData = z
  .object({
    year: z.number().int(),
    revision: z.number().int().min(1),
    part: z.number().int().min(0).max(99_999),
    rows: z.array(ConsortiumReportRow).max(10_000),
    good_practices: z.array(GoodPractice).max(10_000),
  })
  .strict();
export type ConsortiumReportPartData = z.infer<typeof ConsortiumReportPartData>;

export const consortiumReportPartKind = recordKind({
  kind: 'consortium_report_part',
  owner: 'hub',
  schema: ConsortiumReportPartData,
  description: 'Una parte del rapporto del consorzio: per socio utilizzo dei servizi, ore di formazione per dipendente, gruppi tematici; buone pratiche.',
});

/** The whole report of a year, assembled from its summary and parts (what views and exports read). */
export interface ConsortiumReportContent {
  year: number;
  named: boolean;
  revision: number;
  rows: ConsortiumReportRow[];
  good_practices: GoodPractice[];
  published_by: string;
}

export const GOV_RECORD_KINDS = [proposalStatusKind, planVersionKind, costStatementKind, consortiumReportKind, consortiumReportPartKind] as const;
