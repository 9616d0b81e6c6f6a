import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';

export const checkCommand: Command = {
  name: 'check',
  summary: 'verifica l\'integrità del database e la versione dello schema',
  usage: 'cst check',
  options: {},
  async run({ call, io, json }) {
    const report = await callOrFail(call, 'app.check', {});
    const missing = report.missingAppendOnlyTriggers;
    const appendOnly = missing.length === 0 ? 'ok' : `mancano le protezioni ${missing.join(', ')}: il registro degli eventi può essere modificato o accorciato senza che il database lo impedisca`;
    if (!json) {
      io.out(`Cartella dati: ${report.dataDir}`);
      io.out(`Schema: versione ${report.schemaVersion} (questa versione di CST Desk: ${report.supportedSchemaVersion})`);
      io.out(`Integrità del database: ${report.integrity.join('; ')}`);
      io.out(`Registro degli eventi in sola aggiunta: ${appendOnly}`);
      io.out(`Chiavi: ${report.keys}`);
    }
    if (!report.ok || missing.length > 0) throw new CliError('Verifica non superata: vedere i dettagli sopra.');
    return { ...report, appendOnly: { ok: missing.length === 0, missingTriggers: missing } };
  },
};
