import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferedCourse } from '../../../../shared/domain/hub-records';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { DataTable, type Column } from '../../components/data-table';
import { SelectField, TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { formatIsoDay } from '../../i18n/dates';
import { apiErrorMessage } from '../../i18n/messages';
import { canonicalToInput, formatMilliItalian, normaliseQuantity } from '../../i18n/quantity';

type Field = 'title' | 'startDate' | 'endDate' | 'hours' | 'form';
const MODES = ['in_person', 'online', 'blended'] as const;

/** The courses the consortium offers its members (hub records, sent with the catalogue). */
export function CoursesView() {
  const { t, i18n } = useTranslation();
  const courses = useApiQuery('hub.courses.list', {});
  const [editing, setEditing] = useState<OfferedCourse | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const columns: Column<OfferedCourse>[] = [
    { key: 'title', header: t('hubRecords.courseTitle'), cell: (c) => c.title, rowHeader: true },
    { key: 'dates', header: t('hubRecords.courseDates'), cell: (c) => `${formatIsoDay(c.startDate)} – ${formatIsoDay(c.endDate)}` },
    { key: 'hours', header: t('hubRecords.courseHours'), numeric: true, cell: (c) => formatMilliItalian(c.hoursMilli) },
    { key: 'mode', header: t('hubRecords.courseMode'), cell: (c) => t(`hubRecords.mode.${c.mode}`) },
    {
      key: 'edit',
      header: t('catalogue.actions'),
      cell: (c) => (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(c)}>
          {t('catalogue.editShort')}
          <span className="visually-hidden"> {c.title}</span>
        </button>
      ),
    },
  ];
  return (
    <Card title={t('hubRecords.coursesTitle')} id="hub-courses">
      {courses.state === 'error' ? <Alert tone="danger">{apiErrorMessage(courses.error, t, i18n.language)}</Alert> : null}
      {saved ? (
        <Alert tone="success" live>
          {t('hubRecords.courseSaved', { title: saved })}
        </Alert>
      ) : null}
      {editing === null ? (
        <button type="button" className="btn btn-primary mb-3" onClick={() => setEditing('new')}>
          {t('hubRecords.courseAdd')}
        </button>
      ) : (
        <CourseForm
          key={editing === 'new' ? 'new' : editing.id}
          course={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            setSaved(c.title);
            courses.reload();
          }}
        />
      )}
      {courses.data ? <DataTable caption={t('hubRecords.coursesTitle')} captionHidden columns={columns} rows={courses.data} rowKey={(c) => c.id} empty={t('hubRecords.coursesEmpty')} /> : <Loading />}
    </Card>
  );
}

function CourseForm({ course, onSaved, onCancel }: { course: OfferedCourse | null; onSaved: (c: OfferedCourse) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [title, setTitle] = useState(course?.title ?? '');
  const [startDate, setStart] = useState(course?.startDate ?? '');
  const [endDate, setEnd] = useState(course?.endDate ?? '');
  const [hours, setHours] = useState(course ? canonicalToInput(course.hours) : '');
  const [mode, setMode] = useState<string>(course?.mode ?? 'in_person');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!title.trim()) next.title = t('catalogue.nameRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) next.startDate = t('hubRecords.dateRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate)) next.endDate = t('hubRecords.dateRequired');
    else if (startDate && endDate < startDate) next.endDate = t('hubRecords.endBeforeStart');
    const canonical = normaliseQuantity(hours);
    if (!/^\d+(\.\d{1,3})?$/.test(canonical) || Number(canonical) <= 0) next.hours = t('hubRecords.hoursInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    const r = await api.call('hub.courses.save', {
      ...(course ? { id: course.id } : {}),
      title: title.trim(),
      startDate,
      endDate,
      hours: canonical,
      mode: mode as (typeof MODES)[number],
      area: course?.area ?? '',
      provider: course?.provider ?? '',
      description: course?.description ?? '',
    });
    setBusy(false);
    if (!r.ok) {
      const f = r.error.field;
      const message = apiErrorMessage(r.error, t, i18n.language);
      return setErrors(f === 'title' || f === 'startDate' || f === 'endDate' || f === 'hours' ? { [f]: message } : { form: message });
    }
    onSaved(r.value);
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="cst-confirm-box" aria-labelledby="course-form-title">
      <h3 className="cst-subtitle" id="course-form-title">
        {course ? t('hubRecords.courseEdit', { title: course.title }) : t('hubRecords.courseNew')}
      </h3>
      <div className="cst-form-grid">
        <TextField id="course-title" label={t('hubRecords.courseTitle')} value={title} onChange={setTitle} error={errors.title} required maxLength={200} />
        <DateField id="course-start" label={t('hubRecords.courseStart')} value={startDate} onChange={setStart} error={errors.startDate} />
        <DateField id="course-end" label={t('hubRecords.courseEnd')} value={endDate} onChange={setEnd} error={errors.endDate} />
        <TextField id="course-hours" label={t('hubRecords.courseHours')} hint={t('hubRecords.hoursHint')} value={hours} onChange={setHours} error={errors.hours} required maxLength={12} />
        <SelectField id="course-mode" label={t('hubRecords.courseMode')} value={mode} onChange={setMode} options={MODES.map((m) => ({ value: m, label: t(`hubRecords.mode.${m}`) }))} />
      </div>
      {errors.form ? (
        <Alert tone="danger" live>
          {errors.form}
        </Alert>
      ) : null}
      <div className="cst-actions">
        <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
          {t('hubRecords.courseSave')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-lg" onClick={onCancel}>
          {t('catalogue.cancel')}
        </button>
      </div>
    </form>
  );
}

function DateField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  const describedBy = error ? `${id}-error` : undefined;
  return (
    <div className={`cst-field${error ? ' cst-field-invalid' : ''}`}>
      <label htmlFor={id} className="cst-label">
        {label}
        <span className="cst-required" aria-hidden="true">
          {' '}
          *
        </span>
      </label>
      {error ? (
        <p id={`${id}-error`} className="cst-field-error">
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type="date"
        className={`form-control cst-input${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-required
      />
    </div>
  );
}
