import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { Group, Meeting } from '../../../../shared/domain/groups';
import type { StaffMember } from '../../../../shared/domain/staff';
import { useApi } from '../../app/api-context';
import { useFormErrors } from '../../app/use-form-errors';
import { Alert } from '../../components/alert';
import { DataTable, type Column } from '../../components/data-table';
import { DateField, NumberTextField } from '../../components/fields';
import { SelectField, TextField } from '../../components/form-field';
import { useToastStore } from '../../components/toast-store';
import { formatIsoDay, todayIso } from '../../i18n/dates';
import { fieldErrorsFromZod, type Message } from '../../i18n/messages';
import { canonicalToInput, formatMilliItalian, normaliseQuantity } from '../../i18n/quantity';
import { personLabel } from '../training/store';
import { RowActions } from '../training/row-actions';
import { useGroupsStore } from './store';

export function MeetingsTable({ meetings }: { meetings: Meeting[] }) {
  const { t } = useTranslation();
  const { editMeeting, askDelete } = useGroupsStore();
  const columns: Column<Meeting>[] = [
    { key: 'date', header: t('groups.colDate'), cell: (m) => formatIsoDay(m.date), rowHeader: true },
    { key: 'group', header: t('groups.colGroup'), cell: (m) => m.groupName },
    { key: 'topic', header: t('groups.colTopic'), cell: (m) => m.topic },
    { key: 'hours', header: t('groups.colHours'), numeric: true, cell: (m) => formatMilliItalian(m.hoursMilli) },
    { key: 'attendees', header: t('groups.colAttendees'), cell: (m) => (m.attendees.length ? m.attendees.map(personLabel).join(', ') : t('common.none')) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (m) => (
        <RowActions
          what={`${formatIsoDay(m.date)}, ${m.topic}`}
          kind="group_meeting"
          id={m.id}
          names={Object.fromEntries([[m.groupId, m.groupName], ...m.attendees.map((a) => [a.staffId, personLabel(a)])])}
          onEdit={() => editMeeting(m)}
          onDelete={() => askDelete({ method: 'meetings.delete', id: m.id, title: t('groups.deleteMeetingTitle'), text: t('groups.deleteMeetingText', { date: formatIsoDay(m.date), topic: m.topic }) })}
        />
      ),
    },
  ];
  return <DataTable caption={t('groups.meetingsCaption')} captionHidden columns={columns} rows={meetings} rowKey={(m) => m.id} empty={t('groups.meetingsEmpty')} />;
}

const FORMAT_KEYS = { hours: 'validation2.hours', date: 'validation2.date', groupId: 'validation2.chooseGroup' };

/** A meeting: group, date, hours, topic, and which of the staff attended (checkboxes). */
export function MeetingForm({ idPrefix: p, groups, staff, editing }: { idPrefix: string; groups: Group[]; staff: StaffMember[]; editing?: Meeting }) {
  const { t } = useTranslation();
  const api = useApi();
  const { changed, editMeeting } = useGroupsStore();
  const showToast = useToastStore((s) => s.show);
  const empty = { groupId: '', date: todayIso(), hours: '', topic: '', attendees: [] as string[] };
  const [d, setD] = useState(empty);
  const [saving, setSaving] = useState(false);
  const ids = { groupId: `${p}-group`, date: `${p}-date`, hours: `${p}-hours`, topic: `${p}-topic` };
  const form = useFormErrors(ids);
  useEffect(() => {
    if (editing) setD({ groupId: editing.groupId, date: editing.date, hours: canonicalToInput(editing.hours), topic: editing.topic, attendees: editing.attendees.map((a) => a.staffId) });
  }, [editing]);
  const set = (k: 'groupId' | 'date' | 'hours' | 'topic') => (v: string) => {
    setD((x) => ({ ...x, [k]: v }));
    form.clear(k);
  };
  const group = groups.find((g) => g.id === d.groupId);
  // The group's members first, ticked by default is not assumed: attendance is what happened.
  const people = group ? [...staff].sort((a, b) => Number(group.members.some((m) => m.staffId === b.id)) - Number(group.members.some((m) => m.staffId === a.id))) : staff;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const input = { groupId: d.groupId, date: d.date, hours: normaliseQuantity(d.hours), topic: d.topic, attendees: d.attendees };
    const errors: Record<string, Message> = {};
    if (!d.groupId) errors.groupId = { key: 'validation2.chooseGroup' };
    const parsed = contract['meetings.create'].input.safeParse(input);
    if (!parsed.success) Object.assign(errors, fieldErrorsFromZod(parsed.error, FORMAT_KEYS), errors);
    if (Object.keys(errors).length) {
      form.show(errors);
      return;
    }
    setSaving(true);
    const result = editing ? await api.call('meetings.update', { ...input, id: editing.id }) : await api.call('meetings.create', input);
    setSaving(false);
    if (!result.ok) {
      form.showApiError(result.error);
      return;
    }
    showToast('success', { key: 'groups.meetingSaved' });
    changed();
    if (editing) editMeeting(null);
    else {
      setD((x) => ({ ...empty, groupId: x.groupId }));
      form.reset();
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="cst-form cst-form-wide">
      <div className="cst-form-row">
        <SelectField id={ids.groupId} label={t('groups.group')} value={d.groupId} onChange={set('groupId')} options={[{ value: '', label: t('groups.groupChoose') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} error={form.text('groupId')} required />
        <DateField id={ids.date} label={t('groups.meetingDate')} value={d.date} onChange={set('date')} error={form.text('date')} required />
        <NumberTextField id={ids.hours} label={t('groups.meetingHours')} hint={t('training.hoursHint')} value={d.hours} onChange={set('hours')} error={form.text('hours')} required />
      </div>
      <TextField id={ids.topic} label={t('groups.topic')} value={d.topic} onChange={set('topic')} error={form.text('topic')} required maxLength={200} />
      {people.length ? (
        <fieldset className="cst-fieldset" aria-describedby={`${p}-attendees-hint`}>
          <legend className="cst-label">{t('groups.attendees')}</legend>
          <p id={`${p}-attendees-hint`} className="cst-hint">
            {t('groups.attendeesHint')}
          </p>
          <div className="cst-radios-inline">
            {people.map((s) => (
              <div key={s.id} className="form-check cst-check">
                <input
                  id={`${p}-att-${s.id}`}
                  type="checkbox"
                  className="form-check-input"
                  checked={d.attendees.includes(s.id)}
                  onChange={(e) => setD((x) => ({ ...x, attendees: e.target.checked ? [...x.attendees, s.id] : x.attendees.filter((a) => a !== s.id) }))}
                />
                <label htmlFor={`${p}-att-${s.id}`} className="form-check-label">
                  {personLabel(s)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      {form.formText ? (
        <Alert tone="danger" live>
          {form.formText}
        </Alert>
      ) : null}
      <div className="cst-form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? t('common.saving') : editing ? t('common.save') : t('groups.addMeeting')}
        </button>
        {editing ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => editMeeting(null)}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
