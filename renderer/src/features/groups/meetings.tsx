import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { Group, Meeting } from '../../../../shared/domain/groups';
import type { StaffMember } from '../../../../shared/domain/staff';
import { useApi } from '../../app/api-context';
import type { ApiError } from '../../../../shared/api/errors';
import type { Column } from '../../components/data-table';
import { DateField, NumberTextField } from '../../components/fields';
import { SelectField, TextField } from '../../components/form-field';
import { RecordForm, schemaErrors, useRecordForm } from '../../components/record-form';
import { RecordList } from '../../components/record-list';
import { useToastStore } from '../../components/toast-store';
import { formatIsoDay, todayIso } from '../../i18n/dates';
import { formatMilli } from '../../../../shared/format/numbers';
import { canonicalToInput, normaliseQuantity } from '../../../../shared/format/typed-numbers';
import { CsvExportButton } from '../csv/csv-export';
import { personLabel } from '../training/store';
import { RowActions } from '../training/row-actions';
import { useGroupsStore } from './store';

/** The meetings attended, newest first as the API gives them, with edit, history, delete. */
export function MeetingsList({ query }: { query: { data: Meeting[] | undefined; error: ApiError | undefined } }) {
  const { t } = useTranslation();
  const { editMeeting, askDelete } = useGroupsStore();
  const columns: Column<Meeting>[] = [
    { key: 'date', header: t('groups.colDate'), cell: (m) => formatIsoDay(m.date), rowHeader: true },
    { key: 'group', header: t('groups.colGroup'), cell: (m) => m.groupName },
    { key: 'topic', header: t('groups.colTopic'), cell: (m) => m.topic },
    { key: 'hours', header: t('groups.colHours'), numeric: true, cell: (m) => formatMilli(m.hoursMilli) },
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
  return (
    <RecordList
      id="meeting-list"
      title={t('groups.meetingsTitle')}
      caption={t('groups.meetingsCaption')}
      query={query}
      columns={columns}
      rowKey={(m) => m.id}
      empty={t('groups.meetingsEmpty')}
      footer={<CsvExportButton input={{ list: 'meetings' }} />}
    />
  );
}

const FORMAT_KEYS = { hours: 'validation2.hours', date: 'validation2.date', groupId: 'validation2.chooseGroup' };

function toInput(d: { groupId: string; date: string; hours: string; topic: string; attendees: string[] }) {
  return { ...d, hours: normaliseQuantity(d.hours) };
}

/** A meeting: group, date, hours, topic, and which of the staff attended (checkboxes). */
export function MeetingForm({ idPrefix: p, groups, staff, editing }: { idPrefix: string; groups: Group[]; staff: StaffMember[]; editing?: Meeting }) {
  const { t } = useTranslation();
  const api = useApi();
  const { changed, editMeeting } = useGroupsStore();
  const showToast = useToastStore((s) => s.show);
  const empty = { groupId: '', date: todayIso(), hours: '', topic: '', attendees: [] as string[] };
  const form = useRecordForm({
    initial: editing ? { groupId: editing.groupId, date: editing.date, hours: canonicalToInput(editing.hours), topic: editing.topic, attendees: editing.attendees.map((a) => a.staffId) } : empty,
    fieldIds: { groupId: `${p}-group`, date: `${p}-date`, hours: `${p}-hours`, topic: `${p}-topic` },
    check: (d) => ({ ...schemaErrors(contract['meetings.create'].input, toInput(d), FORMAT_KEYS), ...(d.groupId ? {} : { groupId: { key: 'validation2.chooseGroup' } }) }),
    save: (d) => (editing ? api.call('meetings.update', { ...toInput(d), id: editing.id }) : api.call('meetings.create', toInput(d))),
    onSaved: () => {
      showToast('success', { key: 'groups.meetingSaved' });
      changed();
      if (editing) editMeeting(null);
    },
    // The next meeting of the same group: the group stays chosen.
    after: (d) => ({ ...empty, groupId: d.groupId }),
  });
  const { bind, values: d } = form;
  const group = groups.find((g) => g.id === d.groupId);
  // The group's members first, ticked by default is not assumed: attendance is what happened.
  const people = group ? [...staff].sort((a, b) => Number(group.members.some((m) => m.staffId === b.id)) - Number(group.members.some((m) => m.staffId === a.id))) : staff;
  const toggle = (id: string, on: boolean) => form.setValues((x) => ({ ...x, attendees: on ? [...x.attendees, id] : x.attendees.filter((a) => a !== id) }));
  return (
    <RecordForm form={form} submitLabel={editing ? t('common.save') : t('groups.addMeeting')} onCancel={editing ? () => editMeeting(null) : undefined}>
      <div className="cst-form-row">
        <SelectField {...bind('groupId')} label={t('groups.group')} options={[{ value: '', label: t('groups.groupChoose') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} required />
        <DateField {...bind('date')} label={t('groups.meetingDate')} required />
        <NumberTextField {...bind('hours')} label={t('groups.meetingHours')} hint={t('training.hoursHint')} required />
      </div>
      <TextField {...bind('topic')} label={t('groups.topic')} required maxLength={200} />
      {people.length ? (
        <fieldset className="cst-fieldset" aria-describedby={`${p}-attendees-hint`}>
          <legend className="cst-label">{t('groups.attendees')}</legend>
          <p id={`${p}-attendees-hint`} className="cst-hint">
            {t('groups.attendeesHint')}
          </p>
          <div className="cst-radios-inline">
            {people.map((s) => (
              <div key={s.id} className="form-check cst-check">
                <input id={`${p}-att-${s.id}`} type="checkbox" className="form-check-input" checked={d.attendees.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
                <label htmlFor={`${p}-att-${s.id}`} className="form-check-label">
                  {personLabel(s)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
    </RecordForm>
  );
}
