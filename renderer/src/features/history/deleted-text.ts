import type { TFunction } from 'i18next';
import type { DeletedRecord } from '../../../../shared/domain/history';
import type { Service } from '../../../../shared/domain/usage';
import { formatMilli } from '../../../../shared/format/numbers';
import { formatIsoDay } from '../../i18n/dates';
import { unitName } from '../usage/usage-model';

/** The kinds a municipality deletes and can restore, in the order of its menu. */
export const DELETED_KINDS = ['usage', 'staff', 'course', 'participation', 'local_group', 'group_membership', 'group_meeting', 'proposal'] as const;

export function isDeletedKind(s: string): s is (typeof DELETED_KINDS)[number] {
  return (DELETED_KINDS as readonly string[]).includes(s);
}

/** Names the rows of other records refer to by id: people, courses, groups (alive or deleted). */
export interface DeletedNames {
  services: ReadonlyMap<string, Service>;
  /** id → "P-001 — Anna Neri", course title, group name. */
  byId: ReadonlyMap<string, string>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** What a deleted record was, in a clerk's words ("Posta elettronica certificata (PEC), 20/10/2026: 4 caselle"). */
export function describeDeleted(item: DeletedRecord, names: DeletedNames, t: TFunction, language: string): string {
  const d = item.data;
  const name = (id: unknown) => names.byId.get(str(id)) ?? t('deleted.unknown');
  switch (item.kind) {
    case 'usage': {
      const s = names.services.get(str(d.service));
      return t('deleted.describe.usage', {
        service: s ? (language === 'en' ? s.nameEn : s.nameIt) : str(d.service),
        date: formatIsoDay(str(d.date)),
        quantity: typeof d.quantity_milli === 'number' ? formatMilli(d.quantity_milli) : '',
        unit: s ? unitName(s, language, typeof d.quantity_milli === 'number' ? d.quantity_milli : null) : '',
      });
    }
    case 'staff':
      return staffName(d);
    case 'course':
      return t('deleted.describe.course', { title: str(d.title), date: formatIsoDay(str(d.start_date)) });
    case 'participation':
      return t('deleted.describe.participation', { person: name(d.staff_id), course: name(d.course_id) });
    case 'group_membership':
      return t('deleted.describe.membership', { person: name(d.staff_id), group: name(d.group_id) });
    case 'group_meeting':
      return t('deleted.describe.meeting', { group: name(d.group_id), date: formatIsoDay(str(d.date)), topic: str(d.topic) });
    case 'local_group':
      return str(d.name);
    case 'proposal':
      return str(d.title);
    default:
      return item.id;
  }
}

/** "P-001 — Anna Neri, Istruttore, Anagrafe": the parts that are known. */
export function staffName(d: Record<string, unknown>): string {
  const who = [str(d.code), str(d.display_name ?? d.displayName)].filter(Boolean).join(' — ');
  return [who, str(d.role), str(d.office)].filter(Boolean).join(', ');
}
