/**
 * The plan document and a member's cost statement as self-contained HTML (no network: styles
 * inline, system fonts), Italian, with a print stylesheet (A4, repeated table headers, no row
 * split across pages). Electron prints it with printToPDF; the CLI and the browser shell with a
 * local headless Chromium (report-pdf.ts).
 */
import { APPROVAL_BODY_LABELS, PLAN_STATE_LABELS } from '../../../shared/governance/approvals';
import type { VoteTally } from '../../../shared/governance/voting';
import type { PlanVersionData } from '../../../shared/records/gov-records';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { requireInstallation } from '../installation/installation-store';
import { stmt } from '../records/statements';
import { computeStatement, savingsOf, toStatementView } from './allocation-service';
import { readPlanVersions, readStatement } from './gov-store';
import { pickVersion, toPlanView } from './plan-service';
import { dateIt, esc, euro, keyText, milli, pct } from './report-format';

const STYLE = `
  @page { size: A4; margin: 18mm 15mm 20mm 15mm; }
  html { font-family: "Titillium Web", "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1a1a1a; }
  h1 { font-size: 18pt; color: #06c; margin: 0 0 4mm; } h2 { font-size: 13pt; color: #06c; margin: 8mm 0 3mm; break-after: avoid; }
  p.meta { margin: 0 0 2mm; color: #444; }
  table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
  thead { display: table-header-group; } tr { break-inside: avoid; }
  th, td { border-bottom: 0.3mm solid #ccc; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
  th { background: #e8f0fb; font-weight: 600; }
  td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  tr.total td { font-weight: 700; border-top: 0.5mm solid #06c; }
  footer { margin-top: 8mm; font-size: 8pt; color: #555; border-top: 0.3mm solid #ccc; padding-top: 2mm; }
  @media screen { body { max-width: 190mm; margin: 10mm auto; } }
`;

function page(title: string, body: string, consortium: string): string {
  return `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${STYLE}</style></head><body>${body}
<footer>${esc(consortium)} — documento generato da CST Desk. Popolazione e codici dei comuni: Fonte: ISTAT. Importi in euro.</footer></body></html>`;
}

const tallyText = (t: VoteTally) =>
  `presenti ${t.presentMembers} su ${t.members}; favorevoli ${t.forCount} (peso ${t.forWeight}), contrari ${t.againstCount} (peso ${t.againstWeight}), astenuti ${t.abstainCount} (peso ${t.abstainWeight}); quorum ${t.quorumReached ? 'raggiunto' : 'non raggiunto'}; esito: ${
    t.outcome === 'approved' ? 'approvato' : t.outcome === 'rejected' ? 'respinto' : 'mancanza del numero legale'
  }`;

function planHtml(ctx: AppContext, v: PlanVersionData, consortium: string): { title: string; html: string } {
  const view = toPlanView(v, readPlanVersions(ctx.db, v.year));
  // A member holds the plan but not every member's usage: the savings are the hub's to compute.
  const savings = requireInstallation(ctx.db).role === 'hub' ? savingsOf(ctx, v) : null;
  const title = `Piano tecnico annuale ${v.year} — versione ${v.version}`;
  const rows = v.items
    .map(
      (i) => `<tr><td>${esc(i.code)}</td><td>${esc(i.description)}</td><td>${view.byCategory.find((c) => c.category === i.category)!.label}</td>
<td class="n">${euro(i.fixed_cents)}</td><td class="n">${euro(i.unit_cents)}</td><td class="n">${milli(i.quantity_milli)}</td><td class="n">${euro(i.one_off_cents)}</td>
<td class="n">${euro(i.cost_cents)}</td><td>${esc(keyText(i.key))}${i.exempt.length ? `; esenti: ${i.exempt.length}` : ''}</td></tr>`,
    )
    .join('');
  const cats = view.byCategory.map((c) => `<tr><td>${c.label}</td><td class="n">${euro(c.cents)}</td></tr>`).join('');
  const sav = (savings?.services ?? [])
    .map((s) => `<tr><td>${esc(s.code)}</td><td class="n">${s.members}</td><td class="n">${euro(s.standAloneCents)}</td><td class="n">${euro(s.costCents)}</td><td class="n">${euro(s.savingsCents)}</td><td class="n">${pct(s.savingsBasisPoints)}</td></tr>`)
    .join('');
  const steps = v.steps.map((s) => `<tr><td>${dateIt(s.date)}</td><td>${esc(PLAN_STATE_LABELS[s.to])}</td><td>${esc(s.by)}</td><td>${esc(s.note)}</td></tr>`).join('');
  const votes = v.approvals
    .map((a) => `<tr><td>${dateIt(a.date)}</td><td>${APPROVAL_BODY_LABELS[a.body]}</td><td>${esc(a.minutesRef)}</td><td>${esc(tallyText(a.tally as unknown as VoteTally))}</td></tr>`)
    .join('');
  const body = `<h1>${esc(title)}</h1>
<p class="meta">${esc(consortium)} — stato: ${esc(view.stateLabel)}${view.supersededBy ? ` (sostituita dalla versione ${view.supersededBy})` : ''}</p>
<h2>Voci del piano</h2>
<table><thead><tr><th>Codice</th><th>Descrizione</th><th>Categoria</th><th class="n">Costo fisso annuo</th><th class="n">Costo unitario</th><th class="n">Quantità prevista</th><th class="n">Una tantum</th><th class="n">Costo</th><th>Chiave di riparto</th></tr></thead>
<tbody>${rows}<tr class="total"><td colspan="7">Totale del piano</td><td class="n">${euro(v.total_cents)}</td><td></td></tr></tbody></table>
<h2>Totali per categoria</h2>
<table><thead><tr><th>Categoria</th><th class="n">Totale</th></tr></thead><tbody>${cats}<tr class="total"><td>Totale</td><td class="n">${euro(v.total_cents)}</td></tr></tbody></table>
${
  savings
    ? `<h2>Economie di scala</h2>
<table><thead><tr><th>Servizio</th><th class="n">Soci</th><th class="n">Costo se da soli</th><th class="n">Costo nel consorzio</th><th class="n">Risparmio</th><th class="n">%</th></tr></thead>
<tbody>${sav}<tr class="total"><td colspan="2">Consorzio</td><td class="n">${euro(savings.standAloneCents)}</td><td class="n">${euro(savings.costCents)}</td><td class="n">${euro(savings.savingsCents)}</td><td class="n">${pct(savings.savingsBasisPoints)}</td></tr></tbody></table>`
    : ''
}
<h2>Iter di approvazione</h2>
<table><thead><tr><th>Data</th><th>Stato</th><th>Chi</th><th>Note</th></tr></thead><tbody>${steps}</tbody></table>
${votes ? `<h2>Votazioni</h2><table><thead><tr><th>Data</th><th>Organo</th><th>Verbale</th><th>Esito</th></tr></thead><tbody>${votes}</tbody></table>` : ''}`;
  return { title, html: page(title, body, consortium) };
}

function statementHtml(ctx: AppContext, year: number, istat: string, version: number | undefined, consortium: string): { title: string; html: string } {
  const inst = requireInstallation(ctx.db);
  const received = readStatement(ctx.db, year, istat, version);
  const data = received ?? (inst.role === 'hub' ? computeStatement(ctx, pickVersion(ctx, year, version), istat) : null);
  if (!data) {
    throw new AppError('E_NOT_FOUND', `L'estratto conto ${year} del comune ${istat} non è ancora arrivato: il piano dev'essere approvato dall'Assemblea e il pacchetto del consorzio importato.`, {
      field: 'year',
    });
  }
  const s = toStatementView(ctx, data);
  const title = `Estratto conto ${year} — ${s.name ?? istat}`;
  const rows = s.lines
    .map(
      (l) => `<tr><td>${esc(l.code)}</td><td>${esc(l.description)}</td><td>${l.exempt ? 'esente' : esc(keyText(l.key))}</td><td class="n">${euro(l.cents)}</td>
<td class="n">${l.stand_alone_cents === null ? '—' : euro(l.stand_alone_cents)}</td><td class="n">${l.savings_cents === null ? '—' : euro(l.savings_cents)}</td></tr>`,
    )
    .join('');
  const body = `<h1>${esc(title)}</h1>
<p class="meta">${esc(consortium)} — piano tecnico ${year}, versione ${s.version}. Comune di ${esc(s.name ?? istat)} (ISTAT ${istat}), ${s.population.toLocaleString('it-IT')} abitanti, classe ${esc(s.sizeLabel)}.</p>
<h2>Quota per voce</h2>
<table><thead><tr><th>Codice</th><th>Voce</th><th>Chiave di riparto</th><th class="n">Quota</th><th class="n">Costo se da solo</th><th class="n">Risparmio</th></tr></thead>
<tbody>${rows}<tr class="total"><td colspan="3">Totale dovuto al consorzio</td><td class="n">${euro(s.total_cents)}</td><td class="n">${euro(s.stand_alone_cents)}</td><td class="n">${euro(s.savings_cents)}</td></tr></tbody></table>
<p>Risparmio sui servizi confrontabili: <strong>${euro(s.savings_cents)}</strong> (${pct(s.savings_basis_points)} del costo che il comune sosterrebbe da solo). Risparmio dell'intero consorzio: ${euro(s.consortium_savings_cents)}.</p>`;
  return { title, html: page(title, body, consortium) };
}

export function consortiumName(ctx: AppContext): string {
  const inst = requireInstallation(ctx.db);
  if (inst.role === 'hub') return inst.name;
  const hub = stmt(ctx.db, "SELECT name FROM peers WHERE kind = 'hub' LIMIT 1").pluck().get() as string | undefined;
  return hub ?? 'Consorzio CST';
}

export function renderReportHtml(ctx: AppContext, input: { doc: 'plan' | 'statement'; year: number; istat?: string | undefined; version?: number | undefined }): { title: string; html: string } {
  const consortium = consortiumName(ctx);
  if (input.doc === 'plan') return planHtml(ctx, pickVersion(ctx, input.year, input.version), consortium);
  return statementHtml(ctx, input.year, input.istat!, input.version, consortium);
}
