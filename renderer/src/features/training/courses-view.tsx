import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { Course } from '../../../../shared/domain/training';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import type { Column } from '../../components/data-table';
import { CheckboxField, DateField, NumberTextField, RadioGroupField } from '../../components/fields';
import { Card } from '../../components/card';
import { TextField } from '../../components/form-field';
import { EditDialog, RecordForm, schemaErrors, useRecordForm } from '../../components/record-form';
import { RecordList } from '../../components/record-list';
import { useToastStore } from '../../components/toast-store';
import { formatIsoDay } from '../../i18n/dates';
import { formatDecimal, formatMilli } from '../../../../shared/format/numbers';
import { canonicalToInput, normaliseQuantity } from '../../../../shared/format/typed-numbers';
import { CsvExportButton } from '../csv/csv-export';
import { RowActions } from './row-actions';
import { RegionalRecords } from '../federation/regional-records';
import { useTrainingStore } from './store';

/** The courses: add, list with participants and average evaluation, edit, delete. */
export function CoursesView() {
  const { t } = useTranslation();
  const { version, editCourse, editingCourse, askDelete } = useTrainingStore();
  const courses = useApiQuery('courses.list', {}, version);
  const columns: Column<Course>[] = [
    { key: 'title', header: t('training.colTitle'), cell: (c) => c.title, rowHeader: true },
    { key: 'dates', header: t('training.colDates'), cell: (c) => (c.startDate === c.endDate ? formatIsoDay(c.startDate) : t('training.dates', { start: formatIsoDay(c.startDate), end: formatIsoDay(c.endDate) })) },
    { key: 'hours', header: t('training.colHours'), numeric: true, cell: (c) => formatMilli(c.hoursMilli) },
    { key: 'mode', header: t('training.colMode'), cell: (c) => `${t(`training.mode_${c.mode}`)}${c.consortium ? ` · ${t('training.consortium')}` : ''}` },
    { key: 'participants', header: t('training.colParticipants'), numeric: true, cell: (c) => String(c.participants) },
    { key: 'evaluation', header: t('training.colEvaluation'), numeric: true, cell: (c) => (c.averageEvaluation === null ? t('common.none') : formatDecimal(c.averageEvaluation, 1)) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (c) => (
        <RowActions
          what={c.title}
          kind="course"
          id={c.id}
          onEdit={() => editCourse(c)}
          onDelete={() => askDelete({ method: 'courses.delete', id: c.id, title: t('training.deleteCourseTitle'), text: t('training.deleteCourseText', { title: c.title }) })}
        />
      ),
    },
  ];
  return (
    <>
      <p className="cst-lead">{t('training.coursesIntro')}</p>
      <Card title={t('training.courseFormTitle')} id="course-new">
        <CourseForm idPrefix="course-add" />
      </Card>
      <RecordList id="course-list" title={t('training.coursesCaption')} query={courses} columns={columns} rowKey={(c) => c.id} empty={t('training.coursesEmpty')} footer={<CsvExportButton input={{ list: 'courses' }} />} />
      <RegionalRecords />
      <EditDialog record={editingCourse} title={t('training.editCourse')} onClose={() => editCourse(null)}>
        {(c) => <CourseForm idPrefix="course-edit" editing={c} />}
      </EditDialog>
    </>
  );
}

const FORMAT_KEYS = { hours: 'validation2.hours', startDate: 'validation2.date', endDate: 'validation2.date' };
const MODES = ['in_person', 'online', 'blended'] as const;
const EMPTY = { title: '', area: '', startDate: '', endDate: '', hours: '', mode: 'in_person' as string, provider: '', consortium: false };

function fromCourse(c: Course): typeof EMPTY {
  return { title: c.title, area: c.area, startDate: c.startDate, endDate: c.endDate, hours: canonicalToInput(c.hours), mode: c.mode, provider: c.provider, consortium: c.consortium };
}

function toInput(d: typeof EMPTY) {
  return { ...d, hours: normaliseQuantity(d.hours), mode: d.mode as Course['mode'] };
}

function CourseForm({ idPrefix: p, editing }: { idPrefix: string; editing?: Course }) {
  const { t } = useTranslation();
  const api = useApi();
  const { changed, editCourse } = useTrainingStore();
  const showToast = useToastStore((s) => s.show);
  const form = useRecordForm({
    initial: editing ? fromCourse(editing) : EMPTY,
    fieldIds: { title: `${p}-title`, area: `${p}-area`, startDate: `${p}-start`, endDate: `${p}-end`, hours: `${p}-hours`, provider: `${p}-provider` },
    check: (d) => {
      const errors = schemaErrors(contract['courses.create'].input, toInput(d), FORMAT_KEYS);
      if (!errors.startDate && !errors.endDate && d.startDate && d.endDate && d.endDate < d.startDate) errors.endDate = { key: 'validation2.endBeforeStart' };
      return errors;
    },
    save: (d) => (editing ? api.call('courses.update', { ...toInput(d), id: editing.id }) : api.call('courses.create', toInput(d))),
    onSaved: (saved) => {
      showToast('success', { key: 'training.courseSaved', params: { title: saved.title } });
      changed();
      if (editing) editCourse(null);
    },
  });
  const { bind, set } = form;
  // A one-day course: the end date follows the start date (also while it is being typed) until
  // the clerk sets a different end.
  const setStart = (v: string) => {
    form.setValues((x) => (x.endDate && x.endDate !== x.startDate ? x : { ...x, endDate: v }));
    set('startDate')(v);
  };
  return (
    <RecordForm form={form} submitLabel={editing ? t('common.save') : t('training.addCourse')} onCancel={editing ? () => editCourse(null) : undefined}>
      <div className="cst-form-row">
        <TextField {...bind('title')} label={t('training.courseTitle')} required maxLength={200} className="cst-wide" />
        <TextField {...bind('area')} label={t('training.area')} hint={t('training.areaHint')} maxLength={100} />
      </div>
      <div className="cst-form-row">
        <DateField {...bind('startDate')} onChange={setStart} label={t('training.startDate')} required />
        <DateField {...bind('endDate')} label={t('training.endDate')} required />
        <NumberTextField {...bind('hours')} label={t('training.hours')} hint={t('training.hoursHint')} required />
      </div>
      <div className="cst-form-row">
        <RadioGroupField {...bind('mode')} id={`${p}-mode`} legend={t('training.mode')} choices={MODES.map((m) => ({ value: m, label: t(`training.mode_${m}`) }))} />
        <TextField {...bind('provider')} label={t('training.provider')} maxLength={150} />
      </div>
      <CheckboxField id={`${p}-consortium`} label={t('training.consortium')} checked={form.values.consortium} onChange={set('consortium')} />
    </RecordForm>
  );
}
