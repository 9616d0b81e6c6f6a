import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { Course } from '../../../../shared/domain/training';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { useFormErrors } from '../../app/use-form-errors';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { DataTable, type Column } from '../../components/data-table';
import { CheckboxField, DateField, NumberTextField, RadioGroupField } from '../../components/fields';
import { TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { Modal } from '../../components/modal';
import { useToastStore } from '../../components/toast-store';
import { formatIsoDay } from '../../i18n/dates';
import { apiErrorMessage, fieldErrorsFromZod, type Message } from '../../i18n/messages';
import { canonicalToInput, formatMilliItalian, normaliseQuantity } from '../../i18n/quantity';
import { CsvExportButton } from '../csv/csv-export';
import { RowActions } from './row-actions';
import { useTrainingStore } from './store';

/** The courses: add, list with participants and average evaluation, edit, delete. */
export function CoursesView() {
  const { t, i18n } = useTranslation();
  const { version, editCourse, editingCourse, askDelete } = useTrainingStore();
  const courses = useApiQuery('courses.list', {}, version);
  const columns: Column<Course>[] = [
    { key: 'title', header: t('training.colTitle'), cell: (c) => c.title, rowHeader: true },
    { key: 'dates', header: t('training.colDates'), cell: (c) => (c.startDate === c.endDate ? formatIsoDay(c.startDate) : t('training.dates', { start: formatIsoDay(c.startDate), end: formatIsoDay(c.endDate) })) },
    { key: 'hours', header: t('training.colHours'), numeric: true, cell: (c) => formatMilliItalian(c.hoursMilli) },
    { key: 'mode', header: t('training.colMode'), cell: (c) => `${t(`training.mode_${c.mode}`)}${c.consortium ? ` · ${t('training.consortium')}` : ''}` },
    { key: 'participants', header: t('training.colParticipants'), numeric: true, cell: (c) => String(c.participants) },
    { key: 'evaluation', header: t('training.colEvaluation'), numeric: true, cell: (c) => (c.averageEvaluation === null ? t('common.none') : String(c.averageEvaluation).replace('.', ',')) },
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
      <Card title={t('training.coursesCaption')} id="course-list">
        {courses.state === 'error' ? <Alert tone="danger">{apiErrorMessage(courses.error, t, i18n.language)}</Alert> : null}
        {!courses.data ? <Loading /> : <DataTable caption={t('training.coursesCaption')} captionHidden columns={columns} rows={courses.data} rowKey={(c) => c.id} empty={t('training.coursesEmpty')} />}
        <div className="cst-actions">
          <CsvExportButton input={{ list: 'courses' }} />
        </div>
      </Card>
      <Modal open={editingCourse !== null} title={t('training.editCourse')} onClose={() => editCourse(null)}>
        {editingCourse ? <CourseForm idPrefix="course-edit" editing={editingCourse} /> : null}
      </Modal>
    </>
  );
}

const FORMAT_KEYS = { hours: 'validation2.hours', startDate: 'validation2.date', endDate: 'validation2.date' };

function CourseForm({ idPrefix: p, editing }: { idPrefix: string; editing?: Course }) {
  const { t } = useTranslation();
  const api = useApi();
  const { changed, editCourse } = useTrainingStore();
  const showToast = useToastStore((s) => s.show);
  const empty = { title: '', area: '', startDate: '', endDate: '', hours: '', mode: 'in_person', provider: '', consortium: false };
  const [d, setD] = useState(empty);
  const [saving, setSaving] = useState(false);
  const ids = { title: `${p}-title`, area: `${p}-area`, startDate: `${p}-start`, endDate: `${p}-end`, hours: `${p}-hours`, provider: `${p}-provider` };
  const form = useFormErrors(ids);
  useEffect(() => {
    if (editing)
      setD({ title: editing.title, area: editing.area, startDate: editing.startDate, endDate: editing.endDate, hours: canonicalToInput(editing.hours), mode: editing.mode, provider: editing.provider, consortium: editing.consortium });
  }, [editing]);
  const set = (k: keyof typeof d) => (v: string) => {
    setD((x) => ({ ...x, [k]: v, ...(k === 'startDate' && !x.endDate ? { endDate: v } : {}) }));
    form.clear(k);
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const input = { ...d, hours: normaliseQuantity(d.hours), mode: d.mode as Course['mode'] };
    const parsed = contract['courses.create'].input.safeParse(input);
    const errors: Record<string, Message> = parsed.success ? {} : fieldErrorsFromZod(parsed.error, FORMAT_KEYS);
    if (!errors.startDate && !errors.endDate && d.startDate && d.endDate && d.endDate < d.startDate) errors.endDate = { key: 'validation2.endBeforeStart' };
    if (Object.keys(errors).length) {
      form.show(errors);
      return;
    }
    setSaving(true);
    const result = editing ? await api.call('courses.update', { ...input, id: editing.id }) : await api.call('courses.create', input);
    setSaving(false);
    if (!result.ok) {
      form.showApiError(result.error);
      return;
    }
    showToast('success', { key: 'training.courseSaved', params: { title: result.value.title } });
    changed();
    if (editing) editCourse(null);
    else {
      setD(empty);
      form.reset();
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="cst-form cst-form-wide">
      <div className="cst-form-row">
        <TextField id={ids.title} label={t('training.courseTitle')} value={d.title} onChange={set('title')} error={form.text('title')} required maxLength={200} className="cst-wide" />
        <TextField id={ids.area} label={t('training.area')} hint={t('training.areaHint')} value={d.area} onChange={set('area')} error={form.text('area')} maxLength={100} />
      </div>
      <div className="cst-form-row">
        <DateField id={ids.startDate} label={t('training.startDate')} value={d.startDate} onChange={set('startDate')} error={form.text('startDate')} required />
        <DateField id={ids.endDate} label={t('training.endDate')} value={d.endDate} onChange={set('endDate')} error={form.text('endDate')} required />
        <NumberTextField id={ids.hours} label={t('training.hours')} hint={t('training.hoursHint')} value={d.hours} onChange={set('hours')} error={form.text('hours')} required />
      </div>
      <div className="cst-form-row">
        <RadioGroupField
          id={`${p}-mode`}
          legend={t('training.mode')}
          value={d.mode}
          onChange={set('mode')}
          choices={(['in_person', 'online', 'blended'] as const).map((m) => ({ value: m, label: t(`training.mode_${m}`) }))}
        />
        <TextField id={ids.provider} label={t('training.provider')} value={d.provider} onChange={set('provider')} error={form.text('provider')} maxLength={150} />
      </div>
      <CheckboxField id={`${p}-consortium`} label={t('training.consortium')} checked={d.consortium} onChange={(v) => setD((x) => ({ ...x, consortium: v }))} />
      {form.formText ? (
        <Alert tone="danger" live>
          {form.formText}
        </Alert>
      ) : null}
      <div className="cst-form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? t('common.saving') : editing ? t('common.save') : t('training.addCourse')}
        </button>
        {editing ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => editCourse(null)}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
