/**
 * `cst recovery status|export|apply`: a member restored from an old backup gets its own events
 * back from the hub (docs/design.md "Restores").
 */
import { resolve } from 'node:path';
import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';
import { countText } from '../../../shared/format/plural';

export const recoveryStatusCommand: Command = {
  name: 'recovery status',
  summary: 'comune: dice se mancano eventi che il consorzio ha già (ripristino da un backup vecchio) e quanti',
  usage: 'cst recovery status',
  options: {},
  async run({ call, io, json }) {
    const s = await callOrFail(call, 'recovery.status', {});
    if (!json) {
      if (!s.needed) io.out(`Nessun recupero necessario: ${countText(s.ourLastSeq, { one: 'evento', other: 'eventi' })} qui${s.hubAckedSeq !== null ? `, il consorzio ne ha confermati ${s.hubAckedSeq}` : ''}.`);
      else
        io.out(
          `Recupero necessario: il consorzio ${s.hub?.name ?? ''} (${s.hub?.id ?? '?'}) ha ${countText(s.missing, { one: 'evento che qui manca', other: 'eventi che qui mancano' })} (qui fino al ${s.ourLastSeq}, consorzio fino al ${s.hubAckedSeq}). ` +
            'Chiedere al consorzio il pacchetto di recupero e importarlo con: cst recovery apply FILE',
        );
    }
    return s;
  },
};

export const recoveryExportCommand: Command = {
  name: 'recovery export',
  summary: 'consorzio: prepara per un comune il pacchetto di recupero con la copia dei suoi eventi',
  usage: 'cst recovery export --for ISTAT --out FILE [--plain]',
  options: { for: { type: 'string' }, out: { type: 'string' }, plain: { type: 'boolean' } },
  async run({ call, values, io, json }) {
    if (typeof values.for !== 'string') throw new CliError('indicare il comune con --for CODICE_ISTAT.', 2);
    if (typeof values.out !== 'string') throw new CliError('indicare il file da scrivere con --out FILE.', 2);
    const r = await callOrFail(call, 'recovery.export', { for: values.for, out: resolve(values.out), plain: values.plain === true });
    if (!json) io.out(`${r.path}: pacchetto di recupero per ${r.member}, ${countText(r.copiedEvents, { one: 'evento', other: 'eventi' })} del comune, ${r.bytes} byte${values.plain === true ? ', NON cifrato' : ''}`);
    return r;
  },
};

export const recoveryApplyCommand: Command = {
  name: 'recovery apply',
  summary: 'comune: importa il pacchetto di recupero del consorzio e recupera gli eventi mancanti',
  usage: 'cst recovery apply FILE',
  options: {},
  async run({ call, positionals, io, json }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError('indicare un solo file: il pacchetto di recupero ricevuto dal consorzio.', 2);
    const r = await callOrFail(call, 'recovery.apply', { path: resolve(file) });
    if (!json) {
      io.out(r.message);
      for (const [kind, n] of Object.entries(r.records)) io.out(`  ${kind}: ${n}`);
    }
    return r;
  },
};
