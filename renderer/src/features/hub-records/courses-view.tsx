import { useTranslation } from 'react-i18next';
import type { OfferedCourse } from '../../../../shared/domain/hub-records';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import type { Column } from '../../components/data-table';
import { DateField } from '../../components/fields';
import { SelectField, TextField } from '../../components/form-field';
import { useRecordForm, type FieldErrors } from '../../components/record-form';
import { formatIsoDay } from '../../i18n/dates';
import { formatMilli } from '../../../../shared/format/numbers';
import { canonicalToInput, normaliseQuantity } from '../../../../shared/format/typed-numbers';
import { EditableList, InlineForm, type InlineFormProps } from './editable-list';
import { RegionalRecords } from '../federation/regional-records';

const MODES = ['in_person', 'online', 'blended'] as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The courses the consortium offers its members (hub records, sent with the catalogue). */
export function CoursesView() {
  const { t } = useTranslation();
  const courses = useApiQuery('hub.courses.list', {});
  const columns: Column<OfferedCourse>[] = [
    { key: 'title', header: t('hubRecords.courseTitle'), cell: (c) => c.title, rowHeader: true },
    { key: 'dates', header: t('hubRecords.courseDates'), cell: (c) => `${formatIsoDay(c.startDate)} – ${formatIsoDay(c.endDate)}` },
    { key: 'hours', header: t('hubRecords.courseHours'), numeric: true, cell: (c) => formatMilli(c.hoursMilli) },
    { key: 'mode', header: t('hubRecords.courseMode'), cell: (c) => t(`hubRecords.mode.${c.mode}`) },
  ];
  return (
    <>
    <EditableList
      id="hub-courses"
      title={t('hubRecords.coursesTitle')}
      query={courses}
      columns={columns}
      rowKey={(c) => c.id}
      nameOf={(c) => c.title}
      empty={t('hubRecords.coursesEmpty')}
      addLabel={t('hubRecords.courseAdd')}
      savedText={(c) => t('hubRecords.courseSaved', { title: c.title })}
      form={(props) => <CourseForm {...props} />}
    />
    <RegionalRecords />
    </>
  );
}

function CourseForm({ record: course, onSaved, onCancel }: InlineFormProps<OfferedCourse>) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useRecordForm({
    initial: { title: course?.title ?? '', startDate: course?.startDate ?? '', endDate: course?.endDate ?? '', hours: course ? canonicalToInput(course.hours) : '', mode: (course?.mode ?? 'in_person') as string },
    fieldIds: { title: 'course-title', startDate: 'course-start', endDate: 'course-end', hours: 'course-hours' },
    check: (d) => {
      const errors: FieldErrors = {};
      if (!d.title.trim()) errors.title = { key: 'catalogue.nameRequired' };
      if (!ISO_DAY.test(d.startDate)) errors.startDate = { key: 'hubRecords.dateRequired' };
      if (!ISO_DAY.test(d.endDate)) errors.endDate = { key: 'hubRecords.dateRequired' };
      else if (d.startDate && d.endDate < d.startDate) errors.endDate = { key: 'hubRecords.endBeforeStart' };
      const hours = normaliseQuantity(d.hours);
      if (!/^\d+(\.\d{1,3})?$/.test(hours) || Number(hours) <= 0) errors.hours = { key: 'hubRecords.hoursInvalid' };
      return errors;
    },
    save: (d) =>
      api.call('hub.courses.save', {
        ...(course ? { id: course.id } : {}),
        title: d.title.trim(),
        startDate: d.startDate,
        endDate: d.endDate,
        hours: normaliseQuantity(d.hours),
        mode: d.mode as (typeof MODES)[number],
        // Not on this form: kept as they are.
        area: course?.area ?? '',
        provider: course?.provider ?? '',
        description: course?.description ?? '',
      }),
    onSaved,
  });
  const { bind } = form;
  return (
    <InlineForm form={form} title={{ id: 'course-form-title', text: course ? t('hubRecords.courseEdit', { title: course.title }) : t('hubRecords.courseNew') }} submitLabel={t('hubRecords.courseSave')} onCancel={onCancel}>
      <div className="cst-form-grid">
        <TextField {...bind('title')} label={t('hubRecords.courseTitle')} required maxLength={200} />
        <DateField {...bind('startDate')} label={t('hubRecords.courseStart')} required />
        <DateField {...bind('endDate')} label={t('hubRecords.courseEnd')} required />
        <TextField {...bind('hours')} label={t('hubRecords.courseHours')} hint={t('hubRecords.hoursHint')} required maxLength={12} />
        <SelectField {...bind('mode')} id="course-mode" label={t('hubRecords.courseMode')} options={MODES.map((m) => ({ value: m, label: t(`hubRecords.mode.${m}`) }))} />
      </div>
    </InlineForm>
  );
}
