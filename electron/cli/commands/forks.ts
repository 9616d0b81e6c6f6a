/** `cst bundle forks` and `cst bundle resolve-fork`: the disputed events and the operator's decision. */
import type { BundleFork } from '../../../shared/domain/bundles';
import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';
import { countText } from '../../../shared/format/plural';

function summary(line: string | null): string {
  if (line === null) return '(nessuna riga: il pacchetto comincia dopo questo evento)';
  try {
    const ev = JSON.parse(line) as { kind?: string; op?: string; id?: string };
    return `${ev.op ?? '?'} ${ev.kind ?? '?'} ${ev.id ?? '?'}`;
  } catch {
    return line.slice(0, 80);
  }
}

function printFork(out: (s: string) => void, f: BundleFork): void {
  const range = f.file.range ? `${f.file.range.first}-${f.file.range.last}` : '-';
  out(`#${f.forkNo}\t${f.sender.id} (${f.sender.name})\tdall'evento ${f.seq}\tfile ${f.file.name} (eventi ${range}, ricevuto ${f.file.receivedAt})`);
  out(`  qui:       ${summary(f.storedLine)}${f.storedFrom ? `  [da ${f.storedFrom.name}, ${f.storedFrom.receivedAt}]` : ''}`);
  out(`  ricevuto:  ${summary(f.receivedLine)}`);
  if (f.resolution) {
    const what = f.resolution.decision === 'keep' ? 'mantenuti i dati già ricevuti' : `accettata la versione ricevuta (${countText(f.resolution.eventsRemoved, { one: 'evento sostituito', other: 'eventi sostituiti' })}, ${countText(f.resolution.eventsApplied, { one: 'applicato', other: 'applicati' })})`;
    out(`  deciso il ${f.resolution.at} da ${f.resolution.by}: ${what}. Motivo: ${f.resolution.note}`);
  } else {
    out(
      f.canAccept
        ? `  aperta: cst bundle resolve-fork ${f.forkNo} --keep|--accept --note "motivo"`
        : `  aperta: per accettare serve un pacchetto dall'evento ${f.seq} o prima (chiedere di inviare tutto dal primo evento); oppure --keep`,
    );
  }
}

export const bundleForksCommand: Command = {
  name: 'bundle forks',
  summary: 'biforcazioni: le due versioni degli eventi contestati e le decisioni prese',
  usage: 'cst bundle forks',
  options: {},
  async run({ call, io, json }) {
    const forks = await callOrFail(call, 'bundle.forks', {});
    if (!json) {
      if (forks.length === 0) io.out('Nessuna biforcazione.');
      for (const f of forks) printFork((s) => io.out(s), f);
    }
    return forks;
  },
};

export const bundleResolveForkCommand: Command = {
  name: 'bundle resolve-fork',
  summary: 'decide una biforcazione: --keep (mantiene i dati già ricevuti) o --accept (accetta la versione del mittente)',
  usage: 'cst bundle resolve-fork ID --keep|--accept --note "motivo"',
  options: { keep: { type: 'boolean' }, accept: { type: 'boolean' }, note: { type: 'string' } },
  async run({ call, values, positionals, io, json }) {
    const forkNo = Number(positionals[0]);
    if (!Number.isInteger(forkNo) || forkNo <= 0) throw new CliError('indicare il numero della biforcazione (cst bundle forks lo mostra).', 2);
    if (values.keep === values.accept) throw new CliError('indicare --keep oppure --accept (uno dei due).', 2);
    const note = typeof values.note === 'string' ? values.note.trim() : '';
    if (!note) throw new CliError('indicare il motivo con --note "…": resta nello storico.', 2);
    const r = await callOrFail(call, 'bundle.resolveFork', { forkNo, decision: values.keep === true ? 'keep' : 'accept', note });
    if (!json) {
      printFork((s) => io.out(s), r.fork);
      for (const a of r.alsoApplied) io.out(`Applicato anche: ${a.file} (${a.range ? `${a.range.first}-${a.range.last}` : '-'})`);
    }
    return r;
  },
};
