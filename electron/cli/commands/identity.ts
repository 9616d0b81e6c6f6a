import { resolve } from 'node:path';
import { writeFileAtomic } from '../../core/fs/atomic-write';
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
