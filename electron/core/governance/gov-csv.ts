/** CSV of every governance table, for Excel on Italian Windows (csv/csv-text.ts's writer). */
import type { ParsedInput } from '../../../shared/api/contract';
import type { CsvFile } from '../../../shared/domain/csv';
import type { AppContext } from '../platform/context';
import { writeCsv } from '../format/csv/csv-text';
import { allocationOf, computeStatement, savingsOf } from './allocation-service';
import { requireGovHub } from './gov-errors';
import { proposalRanking } from './evaluation-service';
import { readStatement } from './gov-store';
import { pickVersion } from './plan-service';
import { dateIt, keyText, monthIt, payersText, usageMeasureIt } from './report-format';
import { serviceUnits } from '../platform/store/service-units';
import { formatCents, formatHundredths, formatMilli } from '../../../shared/format/numbers';
import { APPROVAL_BODY_LABELS, PLAN_STATE_LABELS } from '../../../shared/governance/approvals';
import { PROPOSAL_STATE_LABELS } from '../../../shared/governance/proposal-track';
import type { VoteTally } from '../../../shared/governance/voting';
import { readReport } from './gov-store';
import { appError } from '../platform/errors';
import { stmt } from '../platform/store/statements';
import { requireInstallation } from '../platform/installation/installation-store';

// Excel on Italian Windows reads "1234,56" as a number: decimal comma, no thousands dots, no sign.
const euroCsv = (cents: number) => formatCents(cents, { grouping: false });
/** Hundredths (scores, basis points) → "7,65". */
const hundredthsCsv = (h: number) => formatHundredths(h, { grouping: false });
/** Thousandths → "12,5", "3". */
const milliCsv = (q: number) => formatMilli(q, { grouping: false });
const OUTCOME_LABELS: Record<VoteTally['outcome'], string> = { approved: 'approvato', rejected: 'respinto', no_quorum: 'mancanza del numero legale' };
const VOTE_LABELS = { for: 'favorevole', against: 'contrario', abstain: 'astenuto' } as const;

/** File names a clerk recognises in the Downloads folder. */
const FILE_NAMES: Record<ParsedInput<'gov.csv'>['table'], string> = {
  plan: 'voci-del-piano',
  allocation: 'ripartizione',
  statement: 'estratto-conto',
  savings: 'economie-di-scala',
  ranking: 'graduatoria-proposte',
  report: 'rapporto-del-consorzio',
  approvals: 'iter-di-approvazione',
  ballots: 'voti-per-votante',
};


export function memberNames(ctx: AppContext): Map<string, string> {
  return new Map((stmt(ctx.db, 'SELECT istat, name FROM members').all() as { istat: string; name: string }[]).map((m) => [m.istat, m.name]));
}

export function govCsv(ctx: AppContext, input: ParsedInput<'gov.csv'>): CsvFile {
  let header: string[];
  let rows: (string | number | null)[][];
  const name = `${FILE_NAMES[input.table]}-${input.year}${input.version ? `-versione-${input.version}` : ''}${input.istat ? `-${input.istat}` : ''}.csv`;
  switch (input.table) {
    case 'plan': {
      const v = pickVersion(ctx, input.year, input.version);
      const names = memberNames(ctx);
      // "Quantità prevista" empty: unknown (no usage received, none typed), never 0.
      header = ['Codice', 'Descrizione', 'Categoria', 'Servizio', 'Costo fisso (€)', 'Costo unitario (€)', 'Quantità prevista', 'Stimata dai mesi ricevuti', 'Una tantum (€)', 'Costo (€)', 'Parti uguali %', 'Popolazione %', 'Utilizzo %', 'Esenti', 'Chi paga', 'Comuni che pagano (ISTAT)'];
      rows = v.items.map((i) => [
        i.code, i.description, i.category, i.service, euroCsv(i.fixed_cents), euroCsv(i.unit_cents),
        i.quantity_milli === null ? null : milliCsv(i.quantity_milli),
        i.estimate && i.estimate.months > 0 ? `${monthIt(i.estimate.from)}–${monthIt(i.estimate.to)}` : null,
        euroCsv(i.one_off_cents), euroCsv(i.cost_cents), i.key.equal, i.key.population, i.key.usage, i.exempt.join(' '),
        payersText(i, names, 10_000), i.payers?.kind === 'only' ? i.payers.members.join(' ') : 'tutti',
      ]);
      break;
    }
    case 'allocation': {
      requireGovHub(ctx);
      const v = pickVersion(ctx, input.year, input.version);
      const alloc = allocationOf(ctx, v);
      // Which usage a share read: a count's total over the window, a level's monthly average.
      const units = serviceUnits(ctx.db);
      const measure = new Map(v.items.map((i) => [i.code, i.service && i.key.usage > 0 ? usageMeasureIt(units.get(i.service) ?? '', 'periodo') : '']));
      header = ['Voce', 'ISTAT', 'Popolazione', 'Utilizzo', 'Utilizzo: unità e misura', 'Esente', 'Quota (€)'];
      rows = alloc.items.flatMap((i) => {
        const ex = new Set(i.exempt);
        return i.shares.map((s) => [i.code, s.istat, s.population, milliCsv(s.usage), measure.get(i.code) ?? '', ex.has(s.istat) ? 'sì' : 'no', euroCsv(s.cents)]);
      });
      break;
    }
    case 'statement': {
      const istat = input.istat ?? (requireInstallation(ctx.db).role === 'municipality' ? requireInstallation(ctx.db).id : undefined);
      if (!istat) throw appError('gov.statementNeedsMember', {}, { field: 'istat' });
      const s = readStatement(ctx.db, input.year, istat) ?? computeStatement(ctx, pickVersion(ctx, input.year, input.version), istat);
      header = ['Codice', 'Voce', 'Chiave di riparto', 'Esente', 'Quota (€)', 'Costo se da solo (€)', 'Risparmio (€)'];
      rows = s.lines.map((l) => [l.code, l.description, keyText(l.key), l.exempt ? 'sì' : 'no', euroCsv(l.cents), l.stand_alone_cents === null ? null : euroCsv(l.stand_alone_cents), l.savings_cents === null ? null : euroCsv(l.savings_cents)]);
      break;
    }
    case 'savings': {
      requireGovHub(ctx);
      const s = savingsOf(ctx, pickVersion(ctx, input.year, input.version));
      header = ['Servizio', 'Soci', 'Costo se da soli (€)', 'Costo nel consorzio (€)', 'Risparmio (€)', 'Risparmio %'];
      rows = s.services.map((x) => [x.code, x.members, euroCsv(x.standAloneCents), euroCsv(x.costCents), euroCsv(x.savingsCents), x.savingsBasisPoints === null ? null : hundredthsCsv(x.savingsBasisPoints)]);
      break;
    }
    case 'ranking': {
      requireGovHub(ctx);
      header = ['Posizione', 'Proposta', 'Comune (ISTAT)', 'Punteggio', 'Stato'];
      rows = proposalRanking(ctx).map((r) => [r.position, r.title, r.owner, hundredthsCsv(r.totalHundredths), (PROPOSAL_STATE_LABELS as Record<string, string>)[r.status] ?? r.status]);
      break;
    }
    case 'approvals': {
      // The approval path of one version: its steps, then each recorded vote with its tally.
      const v = pickVersion(ctx, input.year, input.version);
      header = ['Data', 'Versione', 'Passo', 'Organo o persona', 'Verbale o note', 'Presenti', 'Aventi diritto', 'Favorevoli', 'Contrari', 'Astenuti', 'Peso favorevoli', 'Peso contrari', 'Peso astenuti', 'Quorum', 'Esito'];
      const steps = v.steps.map((st) => ({ date: st.date, vote: false, row: [dateIt(st.date), v.version, PLAN_STATE_LABELS[st.to], st.by, st.note, null, null, null, null, null, null, null, null, null, null] }));
      const votes = v.approvals.map((a) => {
        const t = a.tally as unknown as VoteTally;
        const row = [dateIt(a.date), v.version, 'votazione', APPROVAL_BODY_LABELS[a.body], a.minutesRef, t.presentMembers, t.members, t.forCount, t.againstCount, t.abstainCount, t.forWeight, t.againstWeight, t.abstainWeight, t.quorumReached ? 'raggiunto' : 'non raggiunto', OUTCOME_LABELS[t.outcome]];
        return { date: a.date, vote: true, row };
      });
      // In date order; on the same day a vote comes before the step it caused (stable sort keeps the rest).
      rows = [...steps, ...votes].sort((x, y) => x.date.localeCompare(y.date) || Number(y.vote) - Number(x.vote)).map((x) => x.row);
      break;
    }
    case 'ballots': {
      // Who voted how in each recorded vote (the roll call for the minutes).
      const v = pickVersion(ctx, input.year, input.version);
      const names = memberNames(ctx);
      header = ['Data', 'Organo', 'Verbale', 'Votante', 'Nome', 'Presente', 'Voto'];
      rows = v.approvals.flatMap((a) => {
        const vote = new Map(a.ballots.map((b) => [b.member, b.vote]));
        const people = [...new Set([...a.present, ...vote.keys()])];
        return people.map((p) => {
          const b = vote.get(p);
          return [dateIt(a.date), APPROVAL_BODY_LABELS[a.body], a.minutesRef, p, names.get(p) ?? '', a.present.includes(p) ? 'sì' : 'no', b ? VOTE_LABELS[b] : 'non ha votato'];
        });
      });
      break;
    }
    case 'report': {
      const r = readReport(ctx.db, input.year);
      if (!r) throw appError('gov.reportNotPublished', { year: input.year }, { field: 'year' });
      const services = [...new Set(r.data.rows.flatMap((x) => Object.keys(x.usage)))].sort();
      const units = serviceUnits(ctx.db);
      header = ['ISTAT', 'Comune', 'Classe', 'Ore di formazione per dipendente', 'Gruppi tematici', ...services.map((s) => `${s} (${usageMeasureIt(units.get(s) ?? '', 'anno')})`)];
      rows = r.data.rows.map((x) => [x.istat, x.name, x.size_label, milliCsv(x.hours_per_employee_milli), x.groups, ...services.map((s) => milliCsv(x.usage[s] ?? 0))]);
      break;
    }
  }
  const bytes = writeCsv(header, rows);
  return { fileName: name, contentBase64: bytes.toString('base64'), rows: rows.length };
}
