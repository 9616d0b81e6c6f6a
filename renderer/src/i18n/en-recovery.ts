import type { itRecovery } from './it-recovery';

/** English strings of the recovery after a restore from an old backup. */
export const enRecovery: typeof itRecovery = {
  recovery: {
    bannerTitle: 'Data is missing: import the consortium’s recovery bundle',
    bannerText_one:
      'This installation was restored from an older backup: the consortium ({{hub}}) already holds {{count, int}} record of this municipality that is missing here. Until it is recovered no new data can be recorded, otherwise two different versions would exist.',
    bannerText_other:
      'This installation was restored from an older backup: the consortium ({{hub}}) already holds {{count, int}} records of this municipality that are missing here. Until they are recovered no new data can be recorded, otherwise two different versions would exist.',
    bannerStepsTitle: 'What to do',
    bannerStep1: 'Phone the consortium and ask for this municipality’s “recovery bundle” (they prepare it from the municipality’s page).',
    bannerStep2: 'Save the file you receive (it ends in .cstb) on this computer.',
    bannerStep3: 'Press “Import the recovery bundle” below and choose the file.',
    bannerCounts: 'Last record here: no. {{ours}} · at the consortium: no. {{hubs}}',
    pick: 'Import the recovery bundle',
    drop: 'Or drop the recovery bundle file (.cstb) here.',
    applying: 'Recovering: checking the file and rebuilding the data…',
    recovered_one: 'Recovered {{count, int}} record (no. {{first}}) from the consortium’s copy: this municipality’s data is complete again and new data can be recorded.',
    recovered_other: 'Recovered {{count, int}} records (from {{first}} to {{last}}) from the consortium’s copy: this municipality’s data is complete again and new data can be recorded.',
    nothingToRecover: 'Nothing to recover: this installation already has all the data the consortium received.',
    missingFiles_one: '{{count, int}} proposal attachment was not at the consortium: attach it again from its proposal.',
    missingFiles_other: '{{count, int}} proposal attachments were not at the consortium: attach them again from the proposals.',
    syncWaits: 'First import the recovery bundle (red box at the top).',
    exportTitle: 'Recovery bundle',
    exportText:
      'If {{name}} had to restore an old backup, its records already received by the consortium are missing from its installation. The recovery bundle holds the signed copy of the records of {{name}} received here ($t(counts.entries, {"count": {{seq}} })) and their attachments: send it to the municipality, which imports it from its home page.',
    exportNothing: 'The consortium has not received any data from {{name}} yet: there is nothing to recover.',
    exportButton: 'Download the recovery bundle',
    exporting: 'Preparing the recovery bundle…',
    exportSaved: 'Recovery bundle saved: {{file}}. Send it to {{name}} (USB stick or e-mail).',
    exportCancelled: 'Saving cancelled: no file was written.',
  },
};
