/** CSV of every governance table, for Excel on Italian Windows (csv/csv-text.ts's writer). */
import type { ParsedInput } from '../../../shared/api/contract';
import type { CsvFile } from '../../../shared/domain/csv';
import type { AppContext } from '../context';
import { writeCsv } from '../csv/csv-text';
import { allocationOf, computeStatement, savingsOf } from './allocation-service';
import { requireGovHub } from './gov-errors';
import { proposalRanking } from './evaluation-service';
import { readStatement } from './gov-store';
import { pickVersion } from './plan-service';
import { euroCsv, keyText } from './report-format';
import { readReport } from './gov-store';
import { AppError } from '../errors';
import { requireInstallation } from '../installation/installation-store';

const milliCsv = (q: number) => (q % 1000 === 0 ? String(q / 1000) : (q / 1000).toFixed(3).replace(/0+$/, '').replace('.', ','));

export function govCsv(ctx: AppContext, input: ParsedInput<'gov.csv'>): CsvFile {
  let header: string[];
  let rows: (string | number | null)[][];
  const name = `${input.table}-${input.year}${input.istat ? `-${input.istat}` : ''}.csv`;
  switch (input.table) {
    case 'plan': {
      const v = pickVersion(ctx, input.year);
      header = ['Codice', 'Descrizione', 'Categoria', 'Servizio', 'Costo fisso (€)', 'Costo unitario (€)', 'Quantità prevista', 'Una tantum (€)', 'Costo (€)', 'Parti uguali %', 'Popolazione %', 'Utilizzo %', 'Esenti'];
      rows = v.items.map((i) => [i.code, i.description, i.category, i.service, euroCsv(i.fixed_cents), euroCsv(i.unit_cents), milliCsv(i.quantity_milli), euroCsv(i.one_off_cents), euroCsv(i.cost_cents), i.key.equal, i.key.population, i.key.usage, i.exempt.join(' ')]);
      break;
    }
    case 'allocation': {
      requireGovHub(ctx);
      const alloc = allocationOf(ctx, pickVersion(ctx, input.year));
      header = ['Voce', 'ISTAT', 'Popolazione', 'Utilizzo', 'Esente', 'Quota (€)'];
      rows = alloc.items.flatMap((i) => {
        const ex = new Set(i.exempt);
        return i.shares.map((s) => [i.code, s.istat, s.population, milliCsv(s.usage), ex.has(s.istat) ? 'sì' : 'no', euroCsv(s.cents)]);
      });
      break;
    }
    case 'statement': {
      const istat = input.istat ?? (requireInstallation(ctx.db).role === 'municipality' ? requireInstallation(ctx.db).id : undefined);
      if (!istat) throw new AppError('E_VALIDATION', "Per l'estratto conto indicare il comune (codice ISTAT).", { field: 'istat' });
      const s = readStatement(ctx.db, input.year, istat) ?? computeStatement(ctx, pickVersion(ctx, input.year), istat);
      header = ['Codice', 'Voce', 'Chiave di riparto', 'Esente', 'Quota (€)', 'Costo se da solo (€)', 'Risparmio (€)'];
      rows = s.lines.map((l) => [l.code, l.description, keyText(l.key), l.exempt ? 'sì' : 'no', euroCsv(l.cents), l.stand_alone_cents === null ? null : euroCsv(l.stand_alone_cents), l.savings_cents === null ? null : euroCsv(l.savings_cents)]);
      break;
    }
    case 'savings': {
      requireGovHub(ctx);
      const s = savingsOf(ctx, pickVersion(ctx, input.year));
      header = ['Servizio', 'Soci', 'Costo se da soli (€)', 'Costo nel consorzio (€)', 'Risparmio (€)'];
      rows = s.services.map((x) => [x.code, x.members, euroCsv(x.standAloneCents), euroCsv(x.costCents), euroCsv(x.savingsCents)]);
      break;
    }
    case 'ranking': {
      requireGovHub(ctx);
      header = ['Posizione', 'Proposta', 'Comune', 'Punteggio (centesimi)', 'Stato'];
      rows = proposalRanking(ctx).map((r) => [r.position, r.title, r.owner, r.totalHundredths, r.status]);
      break;
    }
    case 'report': {
      const r = readReport(ctx.db, input.year);
      if (!r) throw new AppError('E_NOT_FOUND', `Il rapporto del consorzio per il ${input.year} non è stato ancora pubblicato.`, { field: 'year' });
      const services = [...new Set(r.data.rows.flatMap((x) => Object.keys(x.usage)))].sort();
      header = ['ISTAT', 'Comune', 'Classe', 'Ore di formazione per dipendente', 'Gruppi tematici', ...services];
      rows = r.data.rows.map((x) => [x.istat, x.name, x.size_label, milliCsv(x.hours_per_employee_milli), x.groups, ...services.map((s) => milliCsv(x.usage[s] ?? 0))]);
      break;
    }
  }
  const bytes = writeCsv(header, rows);
  return { fileName: name, contentBase64: bytes.toString('base64'), rows: rows.length };
}
