import { z } from 'zod';
import { IstatCode } from '../domain/ids';
import { IsoDate, lineText, noteText } from '../records/common';
import type { ApprovalInput } from './approvals';
import type { AllocationMember, ItemToAllocate, PlanItemInput, PlanMember, SharingKey, UsageEntry } from './allocation';
import type { CriteriaConfig, Criterion, RankingEntry } from './evaluation';
import type { ProposalAction } from './proposal-track';
import { CentsSchema } from './money';
import type { StandAloneReference } from './statement';
import type { Ballot, Elector, MajorityRule, QuorumRule, VoteInput, VotingRules } from './voting';

/**
 * zod schemas of the inputs of the governance rules, with Italian messages, for the API contract
 * to reuse. They check shape and ranges field by field (so the UI can point at the field); the
 * pure functions check every rule again and throw a GovernanceError, so a caller that skips the
 * schema is still safe. Each schema is checked against the function's TypeScript type.
 */

const percent = z
  .number({ message: 'La percentuale deve essere un numero.' })
  .int({ message: 'La percentuale deve essere un numero intero (per esempio 40).' })
  .min(0, { message: 'La percentuale non può essere negativa.' })
  .max(100, { message: 'La percentuale non può superare 100.' });

const count = (what: string) =>
  z
    .number({ message: `${what}: serve un numero.` })
    .int({ message: `${what}: serve un numero intero.` })
    .min(0, { message: `${what}: non può essere negativo.` })
    .max(Number.MAX_SAFE_INTEGER, { message: `${what}: valore troppo grande.` });

const cents = CentsSchema;

const year = z.number().int().min(2000, { message: 'Anno non valido (per esempio 2027).' }).max(2999, { message: 'Anno non valido (per esempio 2027).' });

/** An item code of the plan, as typed in the spreadsheet ("PEC", "PROT-01"). */
export const ItemCodeSchema = lineText(40);

export const SharingKeySchema = z
  .object({ equal: percent, population: percent, usage: percent })
  .strict()
  .refine((k) => k.equal + k.population + k.usage === 100, {
    message: 'Le percentuali della chiave di riparto (parti uguali, popolazione, utilizzo) devono sommare a 100.',
  }) satisfies z.ZodType<SharingKey>;

export const AllocationMemberSchema = z
  .object({ istat: IstatCode, population: count('Popolazione'), usage: count('Utilizzo (in millesimi)'), exempt: z.boolean() })
  .strict() satisfies z.ZodType<AllocationMember>;

export const ItemToAllocateSchema = z.object({ code: ItemCodeSchema, costCents: cents, key: SharingKeySchema }).strict() satisfies z.ZodType<ItemToAllocate>;

export const PlanMemberSchema = z.object({ istat: IstatCode, population: count('Popolazione') }).strict() satisfies z.ZodType<PlanMember>;

export const UsageEntrySchema = z.object({ istat: IstatCode, usage: count('Utilizzo (in millesimi)') }).strict() satisfies z.ZodType<UsageEntry>;

export const PlanItemInputSchema = z
  .object({
    code: ItemCodeSchema,
    costCents: cents,
    key: SharingKeySchema,
    exempt: z.array(IstatCode).max(100_000).optional(),
    usage: z.array(UsageEntrySchema).max(100_000).optional(),
  })
  .strict() satisfies z.ZodType<PlanItemInput>;

const unique = <T>(xs: readonly T[], key: (x: T) => string) => new Set(xs.map(key)).size === xs.length;

/** Input of `allocatePlan` (`cst plan allocate`). */
export const AllocatePlanInputSchema = z
  .object({
    year,
    items: z.array(PlanItemInputSchema).max(10_000),
    members: z.array(PlanMemberSchema).min(1, { message: 'Il consorzio non ha membri fra cui ripartire i costi.' }).max(100_000),
  })
  .strict()
  .refine((p) => unique(p.items, (i) => i.code), { message: 'Ogni voce del piano deve avere un codice diverso.', path: ['items'] })
  .refine((p) => unique(p.members, (m) => m.istat), { message: 'Ogni comune va indicato una sola volta fra i membri.', path: ['members'] });

export const SizeClassBoundsSchema = z
  .array(count('Limite della classe').nullable())
  .min(1)
  .max(20)
  .refine((b) => b[b.length - 1] === null && b.slice(0, -1).every((x, i, a) => x !== null && (i === 0 || x > a[i - 1]!)), {
    message: "Limiti superiori delle classi crescenti, l'ultima classe senza limite.",
  });

export const StandAloneReferenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('size_class'), bounds: SizeClassBoundsSchema.optional(), cents: z.array(cents).min(1).max(20) }).strict(),
  z.object({ kind: z.literal('per_unit'), fixedCents: cents.optional(), unitCents: cents }).strict(),
]) satisfies z.ZodType<StandAloneReference>;

/** Reference prices per item code. */
export const StandAloneReferencesSchema = z.record(ItemCodeSchema, StandAloneReferenceSchema);

const fraction = (what: string, min: number) =>
  z
    .object({
      numerator: z.number().int({ message: `${what}: numeratore intero.` }).min(min, { message: `${what}: numeratore non valido.` }),
      denominator: z.number().int({ message: `${what}: denominatore intero.` }).min(1, { message: `${what}: il denominatore è almeno 1.` }),
    })
    .refine((f) => f.numerator <= f.denominator, { message: `${what}: la frazione non può superare 1.` });

export const WeightingSchema = z.enum(['one_member_one_vote', 'population', 'quota'], { message: 'Ponderazione: un membro un voto, per popolazione o per quota.' });

export const MajorityRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('simple') }).strict(),
  z.object({ kind: z.literal('absolute') }).strict(),
  z
    .object({ kind: z.literal('qualified'), numerator: z.number().int().min(1), denominator: z.number().int().min(1), of: z.enum(['cast', 'present', 'all']) })
    .strict()
    .refine((f) => f.numerator <= f.denominator, { message: 'Maggioranza qualificata: la frazione non può superare 1 (per esempio 2/3).' }),
]) satisfies z.ZodType<MajorityRule>;

export const QuorumRuleSchema = z.object({ of: z.enum(['members', 'weight']) }).and(fraction('Quorum', 0)) satisfies z.ZodType<QuorumRule>;

export const VotingRulesSchema = z.object({ weighting: WeightingSchema, majority: MajorityRuleSchema, quorum: QuorumRuleSchema }).strict() satisfies z.ZodType<VotingRules>;

export const ElectorSchema = z
  .object({ id: lineText(100), population: count('Popolazione').optional(), quota: count('Quota').optional() })
  .strict() satisfies z.ZodType<Elector>;

export const BallotSchema = z
  .object({ member: lineText(100), vote: z.enum(['for', 'against', 'abstain'], { message: 'Voto: favorevole, contrario o astenuto.' }) })
  .strict() satisfies z.ZodType<Ballot>;

const voteShape = {
  electorate: z.array(ElectorSchema).min(1, { message: "Indicare i componenti dell'organo." }).max(100_000),
  present: z.array(lineText(100)).max(100_000),
  ballots: z.array(BallotSchema).max(100_000),
  rules: VotingRulesSchema,
};
const votesNotMoreThanPresent = (v: { present: unknown[]; ballots: unknown[] }) => v.ballots.length <= v.present.length;
const tooManyVotes = { message: 'I voti espressi sono più dei membri presenti.', path: ['ballots'] };

export const VoteInputSchema = z.object(voteShape).strict().refine(votesNotMoreThanPresent, tooManyVotes) satisfies z.ZodType<VoteInput>;

export const ApprovalInputSchema = z
  .object({
    version: z.number().int().min(1),
    body: z.enum(['executive_committee', 'assembly'], { message: 'Organo: Comitato esecutivo o Assemblea.' }),
    date: IsoDate,
    minutesRef: lineText(200),
    ...voteShape,
  })
  .strict()
  .refine(votesNotMoreThanPresent, tooManyVotes) satisfies z.ZodType<ApprovalInput>;

/** Input of proposeByExecutive / submitToAssembly. */
export const PlanStepInputSchema = z.object({ version: z.number().int().min(1), date: IsoDate, by: lineText(100), note: noteText().optional() }).strict();
export const NewVersionInputSchema = z.object({ date: IsoDate, by: lineText(100), reason: lineText(500) }).strict();

export const CriterionSchema = z
  .object({
    id: lineText(40),
    label: lineText(200),
    weight: z.number().int({ message: 'Il peso è un numero intero.' }).min(0).max(100, { message: 'Il peso non supera 100.' }),
    /** Accepted as read back from the settings; the hub recomputes it (withLabelKeys). */
    label_key: z.string().max(80).optional(),
  })
  .strict() satisfies z.ZodType<Criterion>;

export const CriteriaConfigSchema = z
  .object({ criteria: z.array(CriterionSchema).min(1, { message: 'Indicare almeno un criterio.' }).max(50), maxScore: z.number().int().min(1).max(100) })
  .strict()
  .refine((c) => c.criteria.reduce((s, x) => s + x.weight, 0) === 100, { message: 'I pesi dei criteri devono sommare a 100.', path: ['criteria'] })
  .refine((c) => unique(c.criteria, (x) => x.id), { message: 'Ogni criterio ha un codice diverso.', path: ['criteria'] }) satisfies z.ZodType<CriteriaConfig>;

export const ScoresSchema = z.record(lineText(40), z.number().int({ message: 'Il punteggio è un numero intero.' }).min(0, { message: 'Il punteggio non può essere negativo.' }).max(100));

export const RankingEntrySchema = z.object({ id: lineText(100), receivedAt: IsoDate, scores: ScoresSchema }).strict() satisfies z.ZodType<RankingEntry>;

const stepBase = { date: IsoDate, by: lineText(100) };
export const ProposalActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start_evaluation'), ...stepBase }).strict(),
  z.object({ type: z.literal('evaluate'), ...stepBase, criteria: CriteriaConfigSchema, scores: ScoresSchema }).strict(),
  z.object({ type: z.literal('admit'), ...stepBase, note: noteText().optional() }).strict(),
  z.object({ type: z.literal('not_admit'), ...stepBase, reason: noteText().pipe(z.string().min(1, { message: 'Indicare il motivo della non ammissione.' })) }).strict(),
  z.object({ type: z.literal('return'), ...stepBase, notes: noteText().pipe(z.string().min(1, { message: 'Indicare le modifiche richieste.' })) }).strict(),
  z.object({ type: z.literal('resubmit'), ...stepBase }).strict(),
  z.object({ type: z.literal('approve_with_plan'), ...stepBase, planYear: year, planVersion: z.number().int().min(1) }).strict(),
  z
    .object({
      type: z.literal('start'),
      ...stepBase,
      expectedEndDate: IsoDate.optional(),
      progress: z.number().int({ message: "L'avanzamento è una percentuale intera." }).min(0).max(100, { message: "L'avanzamento non supera 100%." }).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('report_progress'),
      ...stepBase,
      progress: z.number().int({ message: "L'avanzamento è una percentuale intera." }).min(0, { message: "L'avanzamento non può essere negativo." }).max(100, { message: "L'avanzamento non supera 100%." }),
      note: noteText().optional(),
    })
    .strict(),
  z.object({ type: z.literal('complete'), ...stepBase, note: noteText().optional() }).strict(),
]) satisfies z.ZodType<ProposalAction>;
