import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { requireInstallation, type InstallationRecord } from '../../platform/installation/installation-store';

/** Only the hub writes its records (DESIGN.md: every record has exactly one writer). */
export function requireHub(ctx: AppContext): InstallationRecord {
  const inst = requireInstallation(ctx.db);
  if (inst.role !== 'hub') {
    throw new AppError(
      'E_VALIDATION',
      'Questa installazione è un comune: catalogo dei servizi, corsi offerti, gruppi tematici e anagrafe dei soci sono gestiti dal consorzio e arrivano con i suoi pacchetti.',
    );
  }
  return inst;
}
