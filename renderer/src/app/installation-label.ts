import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/domain/ids';
import type { Installation } from '../../../shared/domain/installation';

/** "Comune di Urbino" for a municipality, "CST-PU — CST Pesaro-Urbino" for a hub. */
export function installationTitle(installation: Pick<Installation, 'role' | 'id' | 'name'>, t: TFunction): string {
  if (installation.role === 'hub') return t('installation.hubName', { id: installation.id, name: installation.name });
  if (/^comune\s/i.test(installation.name)) return installation.name;
  return t('installation.municipalityName', { name: installation.name });
}

export function stationLabel(role: Role, t: TFunction): string {
  return role === 'hub' ? t('role.stationHub') : t('role.stationMunicipality');
}
