import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CsvPreview } from '../../../shared/domain/csv';
import { callOrFail } from '../call-or-fail';
import { CliError, type Command, type CommandContext } from '../cli-types';
import { formatInteger } from '../../../shared/format/numbers';
import { countText, plural } from '../../../shared/format/plural';
import { isMessageKey, messageFor, type Language } from '../../../shared/errors/catalogue';

/**
 * The backend's `task.progress` of the given tasks on one line of a terminal's stderr
 * (rewritten in place), for CSV imports and demo data that take seconds. Nothing when the
 * output is --json or stderr is not a terminal (scripts, tests). Returns the function ending it.
 */
export function showProgress(ctx: Pick<CommandContext, 'backend' | 'json'>, taskIds: readonly string[]): () => void {
  if (ctx.json || !process.stderr.isTTY) return () => undefined;
  let shown = false;
  const off = ctx.backend().subscribe((m) => {
    if (m.event !== 'task.progress' || !taskIds.includes(m.payload.taskId)) return;
    const { taskId, label, done, total } = m.payload;
    const percent = total > 0 ? Math.floor((done * 100) / total) : 100;
    // Rows are worth counting; the demo's steps are not (only its percentage).
    process.stderr.write(`\r${label}: ${taskId.startsWith('csv.') ? `${formatInteger(done)} su ${countText(total, ROWS)}, ` : ''}${percent}%    `);
    shown = true;
  });
  return () => {
    off();
    if (shown) process.stderr.write('\n');
  };
}

/** What `cst import` reports: "7 utilizzi importati", "1 dipendente importato". */
const IMPORTED = {
  usage: { one: 'utilizzo importato', other: 'utilizzi importati' },
  staff: { one: 'dipendente importato', other: 'dipendenti importati' },
} as const;
const ROWS = { one: 'riga', other: 'righe' };
const EXPORT_LISTS = ['usage', 'staff', 'courses', 'participations', 'groups', 'meetings', 'proposals'] as const;

function readInput(path: string | undefined): Buffer {
  if (!path) throw new CliError('manca il file CSV da importare.', 2);
  try {
    return readFileSync(resolve(path));
  } catch (err) {
    throw new CliError(`Impossibile leggere ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
}

/** Each problem on its line, in the CLI's language (by the problem's catalogue key; an older core: its Italian). */
function describeProblems(preview: CsvPreview, lang: Language): string[] {
  const lines = preview.problems.map((p) => {
    const text = (l: Language) => (isMessageKey(p.key) ? messageFor(p.key, p.params, l) : p.message);
    const named = { row: p.row, problem: text('it'), problemEn: text('en') };
    return `  ${p.column ? messageFor('csvRow.at', { ...named, column: p.column }, lang) : messageFor('csvRow.atRow', named, lang)}`;
  });
  const listed = new Set(preview.problems.map((p) => p.row));
  const unlisted = preview.invalidRows.filter((r) => !listed.has(r)).length;
  if (unlisted > 0) {
    const more = unlisted === 1 ? { more: 'un’altra riga', moreEn: 'one more row' } : { more: `altre ${countText(unlisted, ROWS)}`, moreEn: `${countText(unlisted, { one: 'row', other: 'rows' }, 'en').replace(/ rows$/, ' more rows')}` };
    lines.push(`  ${messageFor('csvRow.more', more, lang)}`);
  }
  return lines;
}

/**
 * `cst import usage|staff FILE.csv`: previews first; with any problem it prints them all and
 * exits 1, applying nothing, unless --exclude-invalid asks to apply only the valid rows.
 */
export const importCommand: Command = {
  name: 'import',
  summary: 'importa utilizzi o personale da un file CSV di Excel (;, virgola decimale, gg/mm/aaaa)',
  usage: 'cst import usage|staff FILE.csv [--exclude-invalid]',
  options: { 'exclude-invalid': { type: 'boolean' } },
  async run({ call, values, positionals, io, json, backend, lang }) {
    const [kind, file] = positionals;
    if (kind !== 'usage' && kind !== 'staff') throw new CliError('indicare cosa importare: usage (utilizzi) oppure staff (personale).', 2);
    const contentBase64 = readInput(file).toString('base64');
    const endCheck = showProgress({ backend, json }, ['csv.check']);
    const preview = await callOrFail(call, 'csv.preview', { kind, contentBase64 }).finally(endCheck);
    const separator = preview.separator === '\t' ? 'tabulazione' : `"${preview.separator}"`;
    if (!json) io.out(`File ${file}: ${countText(preview.rows, ROWS)} (${preview.encoding}, separatore ${separator}), ${countText(preview.validRows, { one: 'valida', other: 'valide' })}.`);
    if (preview.invalidRows.length > 0) {
      if (!json) for (const line of describeProblems(preview, lang)) io.out(line);
      if (!values['exclude-invalid']) {
        const n = preview.invalidRows.length;
        const params = { rows: countText(n, ROWS), rowsEn: countText(n, { one: 'row', other: 'rows' }, 'en') };
        const message = messageFor('csvImport.rowsWithProblems', params);
        throw new CliError(message, 1, 'E_REFUSED', { code: 'E_VALIDATION', message, key: 'csvImport.rowsWithProblems', params });
      }
    }
    const endImport = showProgress({ backend, json }, ['csv.check', 'csv.import']);
    const result = await callOrFail(call, 'csv.import', { kind, contentBase64, exclude: preview.invalidRows }).finally(endImport);
    if (!json) io.out(`${countText(result.imported, IMPORTED[kind])}${result.excluded.length ? `; ${plural(result.excluded.length, { one: 'esclusa la riga', other: 'escluse le righe' })} ${result.excluded.join(', ')}` : ''}.`);
    return { preview, result };
  },
};

export const exportCommand: Command = {
  name: 'export',
  summary: 'esporta un elenco in CSV per Excel (usage, staff, courses, participations, groups, meetings, proposals)',
  usage: 'cst export usage|staff|courses|participations|groups|meetings|proposals --out FILE.csv [--service CODICE] [--from AAAA-MM-GG] [--to AAAA-MM-GG] [--text PAROLE]',
  options: { out: { type: 'string' }, service: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, text: { type: 'string' } },
  async run({ call, values, positionals, io, json }) {
    const list = positionals[0] as (typeof EXPORT_LISTS)[number];
    if (!EXPORT_LISTS.includes(list)) throw new CliError(`indicare l'elenco da esportare: ${EXPORT_LISTS.join(', ')}.`, 2);
    if (typeof values.out !== 'string') throw new CliError('manca --out FILE.csv.', 2);
    const filters = Object.fromEntries((['service', 'from', 'to', 'text'] as const).filter((k) => typeof values[k] === 'string').map((k) => [k, values[k] as string]));
    // Streamed by the backend straight to the file (temporary file renamed when complete):
    // a million entries never sit in memory.
    const path = resolve(values.out);
    const file = await callOrFail(call, 'csv.exportFile', { list, out: path, ...(list === 'usage' ? { usageFilters: filters } : {}) });
    if (!json) io.out(`${countText(file.rows, { one: 'riga esportata', other: 'righe esportate' })} in ${path}`);
    return { path, rows: file.rows, bytes: file.bytes };
  },
};
