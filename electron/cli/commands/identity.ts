import { IdentityFileError, readIdentityFileBytes } from '../../core/format/container/identity-file';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../core/platform/fs/atomic-write';
import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';

export const identityShowCommand: Command = {
  name: 'identity show',
  summary: "mostra l'identità di questa installazione e la sua impronta",
  usage: 'cst identity show',
  options: {},
  async run({ call, io, json }) {
    const identity = await callOrFail(call, 'identity.show', {});
    if (!json) {
      io.out(`${identity.kind === 'hub' ? 'Consorzio' : 'Comune'}: ${identity.name} (${identity.id})`);
      io.out(`Chiave di firma: ${identity.signingKey} (id ${identity.keyId})`);
      io.out(`Destinatario age: ${identity.ageRecipient}`);
      io.out(`Impronta: ${identity.fingerprint}`);
    }
    return identity;
  },
};

export const identityExportCommand: Command = {
  name: 'identity export',
  summary: 'scrive il file di identità (.cstid) da inviare all\'altra parte',
  usage: 'cst identity export --out FILE.cstid',
  options: { out: { type: 'string' } },
  async run({ call, values, io, json }) {
    if (typeof values.out !== 'string') throw new CliError('manca --out FILE.cstid.', 2);
    const file = await callOrFail(call, 'identity.export', {});
    const path = resolve(values.out);
    try {
      writeFileAtomic(path, Buffer.from(file.contentBase64, 'base64'));
    } catch (err) {
      throw new CliError(`Impossibile scrivere ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
    }
    if (!json) io.out(`File di identità scritto in ${path}`);
    return { path };
  },
};

export const identityImportCommand: Command = {
  name: 'identity import',
  summary: "importa il file di identità (.cstid) dell'altra parte e ne mostra l'impronta da confermare",
  usage: 'cst identity import FILE.cstid',
  options: {},
  async run({ call, positionals, io, json }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError('indicare un file .cstid.', 2);
    let bytes: Buffer;
    try {
      bytes = readIdentityFileBytes(resolve(file));
    } catch (err) {
      if (err instanceof IdentityFileError) throw new CliError(err.message);
      throw new CliError(`Impossibile leggere ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
    }
    const peer = await callOrFail(call, 'identity.import', { contentBase64: bytes.toString('base64'), fileName: file });
    if (!json) {
      io.out(`${peer.kind === 'hub' ? 'Consorzio' : 'Comune'}: ${peer.name} (${peer.id}), chiave ${peer.keyId}`);
      io.out(`Impronta: ${peer.fingerprint}`);
      io.out(
        peer.status === 'confirmed'
          ? 'Identità già confermata.'
          : `Stato: in attesa. Leggere l'impronta al telefono con l'altra parte, poi: cst identity confirm ${peer.id} --fingerprint "${peer.fingerprint}"`,
      );
    }
    return peer;
  },
};

export const identityConfirmCommand: Command = {
  name: 'identity confirm',
  summary: "conferma un'identità importata digitando l'impronta letta al telefono",
  usage: 'cst identity confirm ID --fingerprint "NNNNN NNNNN NNNNN NNNNN NNNNN NNNNN"',
  options: { fingerprint: { type: 'string' } },
  async run({ call, positionals, values, io, json }) {
    const id = positionals[0];
    if (!id || positionals.length > 1) throw new CliError('indicare il codice (ISTAT o del consorzio) da confermare.', 2);
    if (typeof values.fingerprint !== 'string') throw new CliError('manca --fingerprint "…".', 2);
    const r = await callOrFail(call, 'identity.confirm', { id, fingerprint: values.fingerprint });
    if (!json) {
      io.out(`Identità di ${r.peer.name} (${r.peer.id}) confermata.`);
      for (const a of r.applied) io.out(`  ${a.code ?? a.outcome}\t${a.range ? `${a.range.first}-${a.range.last}` : '-'}\t${a.file}`);
    }
    return r;
  },
};

export const identityListCommand: Command = {
  name: 'identity list',
  summary: 'elenca le identità importate (soci o consorzio) con stato e sincronizzazione',
  usage: 'cst identity list',
  options: {},
  async run({ call, io, json }) {
    const peers = await callOrFail(call, 'peers.list', {});
    if (!json) {
      if (peers.length === 0) io.out('Nessuna identità importata.');
      for (const p of peers) {
        io.out(`${p.id}\t${p.name}\t${p.status === 'confirmed' ? 'confermato' : 'in attesa'}\tricevuti fino a ${p.appliedSeq}\tconfermati da loro: ${p.ackedSeq ?? '-'}${p.ackProblem ? `\tATTENZIONE ${p.ackProblem}` : ''}`);
      }
    }
    return peers;
  },
};
