import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';

export const initCommand: Command = {
  name: 'init',
  createsDataDir: true,
  summary: 'configura questa installazione come comune o come consorzio',
  usage: 'cst init --role municipality --istat CODICE [--operator NOME]\n       cst init --role hub --id CODICE --name NOME [--province SIGLA] [--operator NOME]',
  options: {
    role: { type: 'string' },
    istat: { type: 'string' },
    operator: { type: 'string' },
    id: { type: 'string' },
    name: { type: 'string' },
    province: { type: 'string' },
  },
  async run({ call, values, io, json }) {
    const role = values.role;
    const installation =
      role === 'municipality'
        ? await callOrFail(call, 'setup.municipality', {
            istat: requireString(values.istat, '--istat'),
            operator: typeof values.operator === 'string' ? values.operator : 'Operatore',
          })
        : role === 'hub'
          ? await callOrFail(call, 'setup.hub', {
              id: requireString(values.id, '--id'),
              name: requireString(values.name, '--name'),
              ...(typeof values.operator === 'string' ? { operator: values.operator } : {}),
              ...(typeof values.province === 'string' ? { province: values.province.toUpperCase() } : {}),
            })
          : usage('--role deve essere "municipality" (comune) oppure "hub" (consorzio).');
    const identity = await callOrFail(call, 'identity.show', {});
    if (!json) {
      io.out(`Configurato: ${installation.role === 'hub' ? 'consorzio' : 'comune'} ${installation.name} (${installation.id})`);
      io.out(`Impronta (da leggere al telefono): ${identity.fingerprint}`);
    }
    return { installation, fingerprint: identity.fingerprint, keyId: identity.keyId };
  },
};

function requireString(value: unknown, flag: string): string {
  if (typeof value !== 'string') usage(`manca ${flag}.`);
  return value as string;
}

function usage(message: string): never {
  throw new CliError(message, 2);
}
