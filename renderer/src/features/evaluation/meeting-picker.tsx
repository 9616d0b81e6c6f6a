import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-field';
import { formatDate } from '../../i18n/format';

export interface MeetingOption {
  id: string;
  date: string;
}

/**
 * The Technical Committee meeting that decided a step (issue 15), for every step the office
 * records: only the meetings that examined the proposal, newest first. Choosing one hands its
 * date to the caller, since a step cannot come before the meeting that decided it.
 */
export function MeetingPicker({
  id,
  meetings,
  value,
  onChange,
  label,
}: {
  id: string;
  /** Oldest first, as the backend lists them. */
  meetings: readonly MeetingOption[];
  value: string;
  onChange: (meetingId: string, date: string | undefined) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  if (meetings.length === 0) return null;
  return (
    <SelectField
      id={id}
      label={label ?? t('meetings.decidedAt')}
      hint={t('meetings.decidedAtHint')}
      value={value}
      onChange={(v) => onChange(v, meetings.find((m) => m.id === v)?.date)}
      options={[{ value: '', label: t('meetings.decidedAtNone') }, ...[...meetings].reverse().map((m) => ({ value: m.id, label: t('meetings.decidedAtOption', { date: formatDate(m.date) }) }))]}
    />
  );
}
