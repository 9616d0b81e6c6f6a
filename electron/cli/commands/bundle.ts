import { basename, resolve } from 'node:path';
import type { ApiError } from '../../../shared/api/errors';
import type { BundleImportResult } from '../../../shared/domain/bundles';
import { isMessageKey, messageFor, sentenceFor, type Language } from '../../../shared/errors/catalogue';
import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';

function range(r: { first: number; last: number } | null): string {
  if (!r) return '-';
  return r.last < r.first ? `(solo ack, dopo ${r.last})` : `${r.first}-${r.last}`;
}

function sender(s: { kind: string; id: string } | null): string {
  return s ? s.id : '-';
}

export const bundleExportCommand: Command = {
  name: 'bundle export',
  summary: 'esporta un pacchetto firmato e cifrato con gli eventi non ancora confermati dal destinatario',
  usage: 'cst bundle export --out FILE [--for ID] [--all] [--plain]  |  cst bundle export --all-members DIR [--all] [--plain]',
  options: { out: { type: 'string' }, for: { type: 'string' }, 'all-members': { type: 'string' }, all: { type: 'boolean' }, plain: { type: 'boolean' } },
  async run({ call, values, io, json }) {
    const out = typeof values.out === 'string' ? resolve(values.out) : undefined;
    const dir = typeof values['all-members'] === 'string' ? resolve(values['all-members']) : undefined;
    if (!out === !dir) throw new CliError('indicare --out FILE oppure --all-members CARTELLA.', 2);
    const results = await callOrFail(call, 'bundle.export', {
      ...(out ? { out } : {}),
      ...(dir ? { dir, allMembers: true } : {}),
      ...(typeof values.for === 'string' ? { for: values.for } : {}),
      all: values.all === true,
      plain: values.plain === true,
    });
    if (!json) {
      for (const r of results) {
        io.out(`${r.path}: per ${r.recipientName} (${r.recipient.id}), eventi ${range(r.range)} (${r.events}), ${r.bytes} byte, ${r.encrypted ? 'cifrato' : 'NON cifrato'}`);
      }
    }
    return results;
  },
};

/** The outcome's sentence in the CLI's language, from its catalogue key (an older core: its Italian). */
function said(r: { key?: string; params?: Record<string, string | number>; message: string }, lang: Language): string {
  return isMessageKey(r.key) ? sentenceFor(r.key, r.params ?? {}, lang) : r.message;
}

export function importLine(r: BundleImportResult, lang: Language): string {
  const code = r.code ?? r.outcome;
  return `${code}\t${sender(r.sender)}\t${range(r.range)}\t${basename(r.file)}\t${said(r, lang)}`;
}

export const bundleImportCommand: Command = {
  name: 'bundle import',
  summary: 'importa uno o più pacchetti (una riga per file: esito, mittente, intervallo)',
  usage: 'cst bundle import FILE...',
  options: {},
  async run({ call, positionals, io, json, lang }) {
    if (positionals.length === 0) throw new CliError('indicare almeno un file .cstb.', 2);
    const results = await callOrFail(call, 'bundle.import', { files: positionals.map((p) => ({ path: resolve(p), name: p })) });
    if (!json) {
      for (const r of results) {
        io.out(importLine(r, lang));
        for (const w of r.warnings) io.out(`  ${w}`);
        for (const a of r.alsoApplied) io.out(`  + ${importLine(a, lang)}`);
      }
    }
    const bad = results.filter((r) => !['applied', 'duplicate', 'pending'].includes(r.outcome));
    if (bad.length > 0) {
      // Exit 1. With --json the per-file results are printed first (one document), then the
      // runner prints the error document: two lines on stdout in this case only.
      if (json) io.out(JSON.stringify({ ok: false, value: results }));
      const params = { bad: bad.length, total: results.length };
      const apiError = { code: 'E_FORMAT' as const, message: messageFor('bundleImport.notApplied', params), key: 'bundleImport.notApplied', params };
      throw new BundleImportFailure(apiError.message, results, apiError);
    }
    return results;
  },
};

/** Refusal carrying the per-file results, so that --json still prints every result. */
export class BundleImportFailure extends CliError {
  constructor(
    message: string,
    readonly results: BundleImportResult[],
    apiError?: ApiError,
  ) {
    super(message, 1, 'E_BUNDLE_IMPORT', apiError);
  }
}

export const bundleInspectCommand: Command = {
  name: 'bundle inspect',
  summary: 'mostra il contenuto di un pacchetto e ogni passo della verifica, senza applicarlo',
  usage: 'cst bundle inspect FILE [--identity MITTENTE.cstid]',
  options: { identity: { type: 'string' } },
  async run({ call, positionals, values, io, json, lang }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError('indicare un solo file .cstb.', 2);
    const r = await callOrFail(call, 'bundle.inspect', {
      path: resolve(file),
      ...(typeof values.identity === 'string' ? { identityPath: resolve(values.identity) } : {}),
    });
    if (!json) {
      io.out(`File: ${r.file} (${r.size} byte, ${r.encrypted ? 'cifrato' : 'in chiaro'}, sha256 ${r.sha256})`);
      if (r.manifest) {
        const m = r.manifest;
        io.out(`Pacchetto ${m.bundleId} del ${m.createdAt}: da ${m.sender.kind} ${m.sender.id} a ${m.recipient.kind} ${m.recipient.id}`);
        io.out(`Eventi ${range({ first: m.events.firstSeq, last: m.events.lastSeq })}: ${m.events.count} (${m.events.bytes} byte), allegati ${m.files}, ack ${m.ack ? m.ack.seq : 'nessuno'}, ${m.app.name} ${m.app.version}`);
      }
      for (const s of r.steps) io.out(`  ${String(s.step).padStart(2)}. ${s.name}: ${s.status === 'ok' ? 'ok' : s.status === 'failed' ? `NO ${s.code}` : '-'}${s.detail ? ` (${s.detail})` : ''}`);
      const kinds = Object.entries(r.kinds);
      if (kinds.length) io.out(`Tipi: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}`);
      io.out(r.ok ? `OK: ${r.message}` : `${r.code}: ${said(r, lang)}`);
    }
    if (!r.ok) throw new CliError(`${r.code}: ${said(r, lang)}`, 1, r.code ?? 'E_FORMAT');
    return r;
  },
};

export const bundlePendingCommand: Command = {
  name: 'bundle pending',
  summary: 'elenca i pacchetti in attesa (eventi mancanti o mittente non confermato)',
  usage: 'cst bundle pending',
  options: {},
  async run({ call, io, json }) {
    const list = await callOrFail(call, 'bundle.pending', {});
    if (!json) {
      if (list.length === 0) io.out('Nessun pacchetto in attesa.');
      for (const p of list) io.out(`${p.code ?? p.outcome}\t${sender(p.sender)}\t${range(p.range)}\t${p.missing ? `mancano ${p.missing.first}-${p.missing.last}` : ''}\t${p.file}`);
    }
    return list;
  },
};

export const bundleHistoryCommand: Command = {
  name: 'bundle history',
  summary: 'pacchetti esportati e ricevuti',
  usage: 'cst bundle history',
  options: {},
  async run({ call, io, json }) {
    const h = await callOrFail(call, 'bundle.history', {});
    if (!json) {
      io.out('Esportati:');
      for (const e of h.exports) io.out(`  ${e.createdAt}\t${e.recipient.id}\t${range(e.range)}\t${e.bytes} byte\t${e.acknowledged ? 'confermato' : 'non confermato'}\t${e.fileName}`);
      io.out('Ricevuti:');
      for (const r of h.receptions) io.out(`  ${r.receivedAt}\t${r.code ?? r.outcome}\t${sender(r.sender)}\t${range(r.range)}\t${r.file}`);
    }
    return h;
  },
};
