import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { StaffMember } from '../../../../shared/domain/staff';
import type { Course, Participation } from '../../../../shared/domain/training';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import type { Column } from '../../components/data-table';
import { CheckboxField, NumberTextField, RadioGroupField, TextAreaField } from '../../components/fields';
import { SelectField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { EditDialog, RecordForm, schemaErrors, useRecordForm, type FieldErrors } from '../../components/record-form';
import { RecordList } from '../../components/record-list';
import { useToastStore } from '../../components/toast-store';
import { formatMilli } from '../../../../shared/format/numbers';
import { canonicalToInput, normaliseQuantity } from '../../../../shared/format/typed-numbers';
import { CsvExportButton } from '../csv/csv-export';
import { RowActions } from './row-actions';
import { personLabel, useTrainingStore } from './store';

/** Who attended which course: hours, completed, the person's own evaluation 1–5 and comment. */
export function ParticipationsView() {
  const { t } = useTranslation();
  const { version, editParticipation, editingParticipation, askDelete } = useTrainingStore();
  const list = useApiQuery('participations.list', {}, version);
  const staff = useApiQuery('staff.list', {}, version);
  const courses = useApiQuery('courses.list', {}, version);
  const person = (p: Participation) => personLabel({ code: p.staffCode, displayName: p.staffName });
  const columns: Column<Participation>[] = [
    { key: 'person', header: t('training.colPerson'), cell: person, rowHeader: true },
    { key: 'course', header: t('training.colTitle'), cell: (p) => p.courseTitle },
    { key: 'hours', header: t('training.colHours'), numeric: true, cell: (p) => formatMilli(p.hoursMilli) },
    { key: 'completed', header: t('training.colCompleted'), cell: (p) => (p.completed ? t('common.yes') : t('common.no')) },
    { key: 'evaluation', header: t('training.colOwnEvaluation'), cell: (p) => (p.evaluation === null ? t('training.evaluationNone') : t(`training.evaluation_${p.evaluation}`)) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (p) => (
        <RowActions
          what={`${person(p)}, ${p.courseTitle}`}
          kind="participation"
          id={p.id}
          names={{ [p.staffId]: person(p), [p.courseId]: p.courseTitle }}
          onEdit={() => editParticipation(p)}
          onDelete={() =>
            askDelete({ method: 'participations.delete', id: p.id, title: t('training.deleteParticipationTitle'), text: t('training.deleteParticipationText', { person: person(p), course: p.courseTitle }) })
          }
        />
      ),
    },
  ];
  const people = staff.data;
  const courseList = courses.data;
  const ready = Boolean(people && courseList);
  const canRecord = Boolean(people?.length && courseList?.length);
  return (
    <>
      <p className="cst-lead">{t('training.participationsIntro')}</p>
      <Card title={t('training.participationFormTitle')} id="participation-new">
        {!ready ? <Loading /> : canRecord && people && courseList ? <ParticipationForm idPrefix="part-new" staff={people} courses={courseList} /> : <Alert tone="info">{t('training.needStaffAndCourse')}</Alert>}
      </Card>
      <RecordList
        id="participation-list"
        title={t('training.participationsCaption')}
        query={list}
        columns={columns}
        rowKey={(p) => p.id}
        empty={t('training.participationsEmpty')}
        footer={<CsvExportButton input={{ list: 'participations' }} />}
      />
      <EditDialog record={editingParticipation && people && courseList ? editingParticipation : null} title={t('training.editParticipation')} onClose={() => editParticipation(null)}>
        {(p) => <ParticipationForm idPrefix="part-edit" staff={people ?? []} courses={courseList ?? []} editing={p} />}
      </EditDialog>
    </>
  );
}

const FORMAT_KEYS = { hours: 'validation2.hours', staffId: 'validation2.choosePerson', courseId: 'validation2.chooseCourse' };
const EMPTY = { staffId: '', courseId: '', hours: '', completed: true, evaluation: '', comment: '' };

function toInput(d: typeof EMPTY) {
  return {
    staffId: d.staffId,
    courseId: d.courseId,
    // Hours left empty: the course's own.
    ...(d.hours.trim() ? { hours: normaliseQuantity(d.hours) } : {}),
    completed: d.completed,
    evaluation: d.evaluation ? Number(d.evaluation) : null,
    comment: d.comment,
  };
}

function ParticipationForm({ idPrefix: p, staff, courses, editing }: { idPrefix: string; staff: StaffMember[]; courses: Course[]; editing?: Participation }) {
  const { t } = useTranslation();
  const api = useApi();
  const { changed, editParticipation } = useTrainingStore();
  const showToast = useToastStore((s) => s.show);
  const form = useRecordForm({
    initial: editing
      ? { staffId: editing.staffId, courseId: editing.courseId, hours: canonicalToInput(editing.hours), completed: editing.completed, evaluation: editing.evaluation ? String(editing.evaluation) : '', comment: editing.comment }
      : EMPTY,
    fieldIds: { staffId: `${p}-person`, courseId: `${p}-course`, hours: `${p}-hours`, evaluation: `${p}-evaluation-0`, comment: `${p}-comment` },
    check: (d) => {
      const own: FieldErrors = {};
      if (!d.staffId) own.staffId = { key: 'validation2.choosePerson' };
      if (!d.courseId) own.courseId = { key: 'validation2.chooseCourse' };
      return { ...schemaErrors(contract['participations.create'].input, toInput(d), FORMAT_KEYS), ...own };
    },
    save: (d) => (editing ? api.call('participations.update', { ...toInput(d), id: editing.id }) : api.call('participations.create', toInput(d))),
    onSaved: (saved) => {
      showToast('success', { key: 'training.participationSaved', params: { person: personLabel({ code: saved.staffCode, displayName: saved.staffName }), course: saved.courseTitle } });
      changed();
      if (editing) editParticipation(null);
    },
    // The next participant of the same course: the course stays chosen.
    after: (d) => ({ ...EMPTY, courseId: d.courseId }),
  });
  const { bind, values: d } = form;
  return (
    <RecordForm form={form} submitLabel={editing ? t('common.save') : t('training.addParticipation')} onCancel={editing ? () => editParticipation(null) : undefined}>
      <div className="cst-form-row">
        <SelectField
          {...bind('staffId')}
          label={t('training.person')}
          options={[{ value: '', label: t('training.personChoose') }, ...staff.filter((s) => s.active || s.id === d.staffId).map((s) => ({ value: s.id, label: personLabel(s) }))]}
          required
        />
        <SelectField {...bind('courseId')} label={t('training.course')} options={[{ value: '', label: t('training.courseChoose') }, ...courses.map((c) => ({ value: c.id, label: c.title }))]} required />
        <NumberTextField {...bind('hours')} label={t('training.hoursAttended')} hint={t('training.hoursAttendedHint')} />
      </div>
      <CheckboxField id={`${p}-completed`} label={t('training.completed')} checked={d.completed} onChange={form.set('completed')} />
      <RadioGroupField
        {...bind('evaluation')}
        id={`${p}-evaluation`}
        legend={t('training.evaluation')}
        hint={t('training.evaluationHint')}
        choices={[{ value: '', label: t('training.evaluationNone') }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`training.evaluation_${n}`) }))]}
      />
      <TextAreaField {...bind('comment')} label={t('training.comment')} rows={2} />
    </RecordForm>
  );
}
