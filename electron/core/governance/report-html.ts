/**
 * The plan document and a member's cost statement: built once as data (ReportDocument, for the
 * in-app preview) and rendered here to self-contained HTML (no network: styles in the page,
 * system fonts), Italian, with a print stylesheet (A4, repeated table headers, no row split
 * across pages). Electron prints that HTML with printToPDF; the CLI and the browser shell with a
 * local headless Chromium (report-pdf.ts).
 */
import type { ReportDocument, ReportRow, ReportSection, ReportTable } from '../../../shared/domain/report-document';
import { isNumericCell } from '../../../shared/domain/report-document';
import { APPROVAL_BODY_LABELS, PLAN_STATE_LABELS } from '../../../shared/governance/approvals';
import type { VoteTally } from '../../../shared/governance/voting';
import type { PlanItemData, PlanVersionData } from '../../../shared/records/gov-records';
import type { AppContext } from '../platform/context';
import { appError } from '../platform/errors';
import { requireInstallation } from '../platform/installation/installation-store';
import { stmt } from '../platform/store/statements';
import { computeStatement, savingsOf, toStatementView } from './allocation-service';
import { readPlanVersions, readStatement } from './gov-store';
import { pickVersion, toPlanView } from './plan-service';
import { dateIt, esc, keyText, monthIt, payersText } from './report-format';
import { memberNames } from './gov-csv';
import { formatBasisPoints, formatEuro, formatInteger, formatMilli } from '../../../shared/format/numbers';

/**
 * Only for the stand-alone page (saved file, PDF): it carries its own CSP allowing this one
 * inline style. The app's preview uses renderer/src/features/reports/report-document.css.
 */
const PRINT_STYLE = `
  @page { size: A4; margin: 18mm 15mm 20mm 15mm; }
  html { font-family: "Titillium Web", "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1a1a1a; }
  h1 { font-size: 18pt; color: #06c; margin: 0 0 4mm; } h2 { font-size: 13pt; color: #06c; margin: 8mm 0 3mm; break-after: avoid; }
  p.meta { margin: 0 0 2mm; color: #444; }
  table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
  thead { display: table-header-group; } tr { break-inside: avoid; }
  th, td { border-bottom: 0.3mm solid #ccc; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
  th { background: #e8f0fb; font-weight: 600; }
  td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  th.n { white-space: normal; }
  table { font-size: 9pt; } td:last-child { min-width: 28mm; }
  tr.total td { font-weight: 700; border-top: 0.5mm solid #06c; }
  footer { margin-top: 8mm; font-size: 8pt; color: #555; border-top: 0.3mm solid #ccc; padding-top: 2mm; }
  @media screen { body { max-width: 190mm; margin: 10mm auto; } }
`;

const tallyText = (t: VoteTally) =>
  `presenti ${t.presentMembers} su ${t.members}; favorevoli ${t.forCount} (peso ${t.forWeight}), contrari ${t.againstCount} (peso ${t.againstWeight}), astenuti ${t.abstainCount} (peso ${t.abstainWeight}); quorum ${t.quorumReached ? 'raggiunto' : 'non raggiunto'}; esito: ${
    t.outcome === 'approved' ? 'approvato' : t.outcome === 'rejected' ? 'respinto' : 'mancanza del numero legale'
  }`;

const col = (label: string, numeric = false) => (numeric ? { label, numeric } : { label });
const row = (texts: string[]): ReportRow => ({ cells: texts.map((text) => ({ text })) });
/** A total row: its label spans `span` columns, then the figures. */
const totalRow = (label: string, span: number, texts: string[]): ReportRow => ({ total: true, cells: [{ text: label, span }, ...texts.map((text) => ({ text }))] });

const notComputedText = (items: readonly { code: string }[]) =>
  `Risparmio non calcolato per ${items.map((n) => n.code).join(', ')}: manca la quantità prevista (nessun utilizzo ricevuto negli ultimi 12 mesi), quindi il costo della voce è incompleto.`;

/** The quantity on paper: unknown said as such, an estimate with the months it comes from. */
function quantityCell(i: PlanItemData): string {
  if (i.quantity_milli === null) return 'non nota';
  const estimated = i.estimate && i.estimate.months > 0 && i.quantity_milli === i.suggested_milli;
  return estimated ? `${formatMilli(i.quantity_milli)} (stima ${monthIt(i.estimate!.from)}–${monthIt(i.estimate!.to)})` : formatMilli(i.quantity_milli);
}

function planDocument(ctx: AppContext, v: PlanVersionData, consortium: string): ReportDocument {
  const view = toPlanView(v, readPlanVersions(ctx.db, v.year));
  const names = memberNames(ctx);
  // A member holds the plan but not every member's usage: the savings are the hub's to compute.
  const savings = requireInstallation(ctx.db).role === 'hub' ? savingsOf(ctx, v) : null;
  const sections: ReportSection[] = [
    {
      heading: 'Voci del piano',
      table: {
        columns: [col('Codice'), col('Descrizione'), col('Categoria'), col('Costo fisso annuo', true), col('Costo unitario', true), col('Quantità prevista', true), col('Una tantum', true), col('Costo', true), col('Chiave di riparto'), col('Chi paga')],
        rows: [
          ...v.items.map((i) =>
            row([
              i.code,
              i.description,
              view.byCategory.find((c) => c.category === i.category)?.label ?? i.category,
              formatEuro(i.fixed_cents),
              formatEuro(i.unit_cents),
              quantityCell(i),
              formatEuro(i.one_off_cents),
              formatEuro(i.cost_cents),
              keyText(i.key),
              payersText(i, names),
            ]),
          ),
          totalRow('Totale del piano', 7, [formatEuro(v.total_cents), '', '']),
        ],
      },
    },
    {
      heading: 'Totali per categoria',
      table: { columns: [col('Categoria'), col('Totale', true)], rows: [...view.byCategory.map((c) => row([c.label, formatEuro(c.cents)])), totalRow('Totale', 1, [formatEuro(v.total_cents)])] },
    },
  ];
  if (savings && savings.services.length === 0 && savings.notComputed?.length) {
    // Nothing comparable because a quantity is missing: the reason, not a table of zeros.
    sections.push({ heading: 'Economie di scala', paragraphs: [notComputedText(savings.notComputed)] });
  } else if (savings) {
    sections.push({
      heading: 'Economie di scala',
      table: {
        columns: [col('Servizio'), col('Soci', true), col('Costo se da soli', true), col('Costo nel consorzio', true), col('Risparmio', true), col('%', true)],
        rows: [
          ...savings.services.map((s) => row([s.code, String(s.members), formatEuro(s.standAloneCents), formatEuro(s.costCents), formatEuro(s.savingsCents), formatBasisPoints(s.savingsBasisPoints)])),
          totalRow('Consorzio', 2, [formatEuro(savings.standAloneCents), formatEuro(savings.costCents), formatEuro(savings.savingsCents), formatBasisPoints(savings.savingsBasisPoints)]),
        ],
      },
      ...((savings.notComputed ?? []).length
        ? { paragraphs: [notComputedText(savings.notComputed!)] }
        : {}),
    });
  }
  sections.push({
    heading: 'Iter di approvazione',
    table: { columns: [col('Data'), col('Stato'), col('Chi'), col('Note')], rows: v.steps.map((s) => row([dateIt(s.date), PLAN_STATE_LABELS[s.to], s.by, s.note])) },
  });
  if (v.approvals.length) {
    sections.push({
      heading: 'Votazioni',
      table: {
        columns: [col('Data'), col('Organo'), col('Verbale'), col('Esito')],
        rows: v.approvals.map((a) => row([dateIt(a.date), APPROVAL_BODY_LABELS[a.body], a.minutesRef, tallyText(a.tally as unknown as VoteTally)])),
      },
    });
  }
  return {
    title: `Piano tecnico annuale ${v.year} — versione ${v.version}`,
    meta: `${consortium} — stato: ${view.stateLabel}${view.supersededBy ? ` (sostituita dalla versione ${view.supersededBy})` : ''}`,
    sections,
    footer: footerText(consortium),
  };
}

function statementDocument(ctx: AppContext, year: number, istat: string, version: number | undefined, consortium: string): ReportDocument {
  const inst = requireInstallation(ctx.db);
  const received = readStatement(ctx.db, year, istat, version);
  const data = received ?? (inst.role === 'hub' ? computeStatement(ctx, pickVersion(ctx, year, version), istat) : null);
  if (!data) {
    throw appError('gov.memberStatementMissing', { year, istat }, { field: 'year', params: { reason: 'statement_missing' } });
  }
  const s = toStatementView(ctx, data);
  const names = memberNames(ctx);
  const items = new Map((readPlanVersions(ctx.db, year).find((x) => x.version === s.version)?.items ?? []).map((i) => [i.code, i]));
  // A line of an item paid by a few members says so, on every member's statement.
  const keyCell = (l: (typeof s.lines)[number]) => {
    const item = items.get(l.code);
    const few = item?.payers?.kind === 'only' ? payersText(item, names, 6) : null;
    const base = l.exempt ? (few ? 'non paga' : 'esente') : keyText(l.key);
    return few ? `${base} (${few})` : base;
  };
  return {
    title: `Estratto conto ${year} — ${s.name ?? istat}`,
    meta: `${consortium} — piano tecnico ${year}, versione ${s.version}. Comune di ${s.name ?? istat} (ISTAT ${istat}), ${formatInteger(s.population)} abitanti, classe ${s.sizeLabel}.`,
    sections: [
      {
        heading: 'Quota per voce',
        table: {
          columns: [col('Codice'), col('Voce'), col('Chiave di riparto'), col('Quota', true), col('Costo se da solo', true), col('Risparmio', true)],
          rows: [
            ...s.lines.map((l) =>
              row([l.code, l.description, keyCell(l), formatEuro(l.cents), l.stand_alone_cents === null ? '—' : formatEuro(l.stand_alone_cents), l.savings_cents === null ? '—' : formatEuro(l.savings_cents)]),
            ),
            totalRow('Totale dovuto al consorzio', 3, [formatEuro(s.total_cents), formatEuro(s.stand_alone_cents), formatEuro(s.savings_cents)]),
          ],
        },
      },
      {
        paragraphs: [
          `Risparmio sui servizi confrontabili: ${formatEuro(s.savings_cents)} (${formatBasisPoints(s.savings_basis_points)} del costo che il comune sosterrebbe da solo). Risparmio dell'intero consorzio: ${formatEuro(s.consortium_savings_cents)}.`,
        ],
      },
    ],
    footer: footerText(consortium),
  };
}

const footerText = (consortium: string) => `${consortium} — documento generato da CST Desk. Popolazione e codici dei comuni: Fonte: ISTAT. Importi in euro.`;

export function consortiumName(ctx: AppContext): string {
  const inst = requireInstallation(ctx.db);
  if (inst.role === 'hub') return inst.name;
  const hub = stmt(ctx.db, "SELECT name FROM peers WHERE kind = 'hub' ORDER BY peer_no LIMIT 1").pluck().get() as string | undefined;
  return hub ?? 'Consorzio CST';
}

export type ReportDocRequest = { doc: 'plan' | 'statement'; year: number; istat?: string | undefined; version?: number | undefined };

export function buildReportDocument(ctx: AppContext, input: ReportDocRequest): ReportDocument {
  const consortium = consortiumName(ctx);
  if (input.doc === 'plan') return planDocument(ctx, pickVersion(ctx, input.year, input.version), consortium);
  return statementDocument(ctx, input.year, input.istat!, input.version, consortium);
}

function tableHtml(t: ReportTable): string {
  const head = t.columns.map((c) => `<th${c.numeric ? ' class="n"' : ''}>${esc(c.label)}</th>`).join('');
  const body = t.rows
    .map((r) => {
      const cells = r.cells.map((c, i) => `<td${c.span && c.span > 1 ? ` colspan="${c.span}"` : ''}${isNumericCell(t.columns, r, i) ? ' class="n"' : ''}>${esc(c.text)}</td>`).join('');
      return `<tr${r.total ? ' class="total"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The stand-alone page: every text escaped, no script, a CSP that forbids any load. */
/** `lang`: the page's language (official documents are Italian; a meeting's record may also be printed in English). */
export function documentHtml(doc: ReportDocument, lang: 'it' | 'en' = 'it'): string {
  const sections = doc.sections
    .map((s) => `${s.heading ? `<h2>${esc(s.heading)}</h2>\n` : ''}${s.table ? tableHtml(s.table) : ''}${(s.paragraphs ?? []).map((p) => `<p>${esc(p)}</p>`).join('')}`)
    .join('\n');
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${PRINT_STYLE}</style></head><body><h1>${esc(doc.title)}</h1>
<p class="meta">${esc(doc.meta)}</p>
${sections}
<footer>${esc(doc.footer)}</footer></body></html>`;
}

export function renderReportHtml(ctx: AppContext, input: ReportDocRequest): { title: string; html: string } {
  const doc = buildReportDocument(ctx, input);
  return { title: doc.title, html: documentHtml(doc) };
}
