/** `cst plan import|show|allocate` (issue 5): the yearly technical plan on the hub. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';
import { formatEuro } from '../../../shared/format/numbers';
import { countText } from '../../../shared/format/plural';

export function yearOption(v: unknown): number {
  if (typeof v !== 'string' || !/^\d{4}$/.test(v)) throw new CliError('--year vuole un anno di quattro cifre, per esempio --year 2027.', 2);
  return Number(v);
}

export const planImportCommand: Command = {
  name: 'plan import',
  summary: 'consorzio: carica le voci del piano tecnico da un CSV di Excel (codice; descrizione; costo; chiave di riparto; esenti)',
  usage: 'cst plan import --year AAAA FILE.csv',
  options: { year: { type: 'string' } },
  async run({ call, values, positionals, io, json }) {
    const year = yearOption(values.year);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError('indicare un file CSV con le voci del piano.', 2);
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolve(file));
    } catch {
      throw new CliError(`Impossibile leggere il file ${file}: controllare il percorso.`, 1, 'E_IO');
    }
    const plan = await callOrFail(call, 'plan.import', { year, contentBase64: bytes.toString('base64') });
    if (!json) io.out(`Piano ${plan.year}, versione ${plan.version} (${plan.stateLabel}): ${countText(plan.items.length, { one: 'voce', other: 'voci' })}, totale ${formatEuro(plan.totalCents)}.`);
    return plan;
  },
};

export const planShowCommand: Command = {
  name: 'plan show',
  summary: 'mostra il piano tecnico di un anno: voci, costi, totali per categoria, stato e approvazioni',
  usage: 'cst plan show --year AAAA [--version N] [--json]',
  options: { year: { type: 'string' }, version: { type: 'string' } },
  async run({ call, values, io, json }) {
    const year = yearOption(values.year);
    const version = typeof values.version === 'string' && /^\d+$/.test(values.version) ? Number(values.version) : undefined;
    const plan = await callOrFail(call, 'plan.get', { year, ...(version ? { version } : {}) });
    if (!json) {
      io.out(`Piano tecnico ${plan.year}, versione ${plan.version}: ${plan.stateLabel}${plan.locked ? ' (bloccata)' : ''}`);
      for (const i of plan.items) io.out(`  ${i.code.padEnd(12)} ${formatEuro(i.cost_cents).padStart(16)}  ${i.description}`);
      for (const c of plan.byCategory) io.out(`  ${c.label}: ${formatEuro(c.cents)}`);
      io.out(`  Totale: ${formatEuro(plan.totalCents)}`);
    }
    return plan;
  },
};

export const planAllocateCommand: Command = {
  name: 'plan allocate',
  summary: 'ripartizione esatta dei costi del piano fra i soci (per la contabilità del consorzio)',
  usage: 'cst plan allocate --year AAAA [--json]',
  options: { year: { type: 'string' } },
  async run({ call, values, io, json }) {
    const year = yearOption(values.year);
    const alloc = await callOrFail(call, 'plan.allocate', { year });
    if (!json) {
      for (const i of alloc.items) io.out(`${i.code}: ${formatEuro(i.cost_cents)} fra ${countText(i.shares.length - i.exempt.length, { one: 'socio', other: 'soci' })} (esenti: ${i.exempt.length})`);
    }
    return alloc;
  },
};
