import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { requireInstallation, type InstallationRecord } from '../../platform/installation/installation-store';

/** Only the hub writes its records (docs/design.md: every record has exactly one writer). */
export function requireHub(ctx: AppContext): InstallationRecord {
  const inst = requireInstallation(ctx.db);
  if (inst.role !== 'hub') {
    throw appError('hub.municipalityInstallation');
  }
  return inst;
}
