/** `cst report plan|statement` (issue 5): the plan document and a member's cost statement as PDF. */
import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';
import { yearOption } from './plan';

function outOption(v: unknown): string {
  if (typeof v !== 'string' || v === '') throw new CliError('--out vuole il percorso del PDF da creare, per esempio --out piano.pdf.', 2);
  return v;
}

export const reportPlanCommand: Command = {
  name: 'report plan',
  summary: 'il documento del piano tecnico annuale in PDF',
  usage: 'cst report plan --year AAAA --out FILE.pdf',
  options: { year: { type: 'string' }, out: { type: 'string' } },
  async run({ call, values, io, json }) {
    const r = await callOrFail(call, 'report.pdf', { doc: 'plan', year: yearOption(values.year), out: outOption(values.out) });
    if (!json) io.out(`Creato ${r.path} (${r.bytes} byte).`);
    return r;
  },
};

export const reportStatementCommand: Command = {
  name: 'report statement',
  summary: "l'estratto conto di un socio (quota per voce, risparmi) in PDF",
  usage: 'cst report statement --member ISTAT --year AAAA --out FILE.pdf',
  options: { member: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } },
  async run({ call, values, io, json }) {
    if (typeof values.member !== 'string' || !/^\d{6}$/.test(values.member)) throw new CliError('--member vuole il codice ISTAT del comune (6 cifre).', 2);
    const r = await callOrFail(call, 'report.pdf', { doc: 'statement', istat: values.member, year: yearOption(values.year), out: outOption(values.out) });
    if (!json) io.out(`Creato ${r.path} (${r.bytes} byte).`);
    return r;
  },
};
