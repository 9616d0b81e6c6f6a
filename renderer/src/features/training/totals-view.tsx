import { useTranslation } from 'react-i18next';
import type { TrainingTotals } from '../../../../shared/domain/training';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { DataTable, type Column } from '../../components/data-table';
import { SelectField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { apiErrorMessage } from '../../i18n/messages';
import { formatDecimal, formatMilli } from '../../../../shared/format/numbers';
import { personLabel, useTrainingStore } from './store';
import { hoursText } from '../../i18n/counts';

type PerPerson = TrainingTotals['perPerson'][number];
type PerCourse = TrainingTotals['perCourse'][number];

/** Hours of training per person, per course and for the year. */
export function TotalsView({ currentYear }: { currentYear: number }) {
  const { t, i18n } = useTranslation();
  const { version, totalsYear, setTotalsYear } = useTrainingStore();
  const year = totalsYear ?? currentYear;
  const totals = useApiQuery('training.totals', { year }, version);
  const years = Array.from({ length: 6 }, (_, i) => currentYear - i);
  const personCols: Column<PerPerson>[] = [
    { key: 'person', header: t('training.colPerson'), cell: (p) => personLabel(p), rowHeader: true },
    { key: 'courses', header: t('training.colCourses'), numeric: true, cell: (p) => String(p.courses) },
    { key: 'completed', header: t('training.colCompleted'), numeric: true, cell: (p) => String(p.completed) },
    { key: 'hours', header: t('training.colHours'), numeric: true, cell: (p) => formatMilli(p.hoursMilli) },
  ];
  const courseCols: Column<PerCourse>[] = [
    { key: 'title', header: t('training.colTitle'), cell: (c) => c.title, rowHeader: true },
    { key: 'participants', header: t('training.colParticipants'), numeric: true, cell: (c) => String(c.participants) },
    { key: 'completed', header: t('training.colCompleted'), numeric: true, cell: (c) => String(c.completed) },
    { key: 'hours', header: t('training.colHours'), numeric: true, cell: (c) => formatMilli(c.hoursMilli) },
    { key: 'evaluation', header: t('training.colEvaluation'), numeric: true, cell: (c) => (c.averageEvaluation === null ? t('common.none') : formatDecimal(c.averageEvaluation, 1)) },
  ];
  const data = totals.data;
  return (
    <>
      <p className="cst-lead">{t('training.totalsIntro')}</p>
      <div className="cst-toolbar">
        <SelectField id="training-year" label={t('common.year')} value={String(year)} onChange={(v) => setTotalsYear(Number(v))} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      {totals.state === 'error' ? <Alert tone="danger">{apiErrorMessage(totals.error, t, i18n.language)}</Alert> : null}
      {!data ? <Loading /> : null}
      {data ? (
        data.total.participations === 0 ? (
          <p className="cst-empty">{t('training.totalsEmpty', { year })}</p>
        ) : (
          <>
            <p className="cst-big-line" role="status">
              {t('training.totalsYear', { year, courses: data.total.courses, participations: data.total.participations, completed: data.total.completed, hours: hoursText(t, data.total.hoursMilli) })}
            </p>
            <Card title={t('training.perPersonCaption', { year })} id="totals-person">
              <DataTable caption={t('training.perPersonCaption', { year })} captionHidden columns={personCols} rows={data.perPerson} rowKey={(p) => p.staffId} empty="" />
            </Card>
            <Card title={t('training.perCourseCaption', { year })} id="totals-course">
              <DataTable caption={t('training.perCourseCaption', { year })} captionHidden columns={courseCols} rows={data.perCourse} rowKey={(c) => c.courseId} empty="" />
            </Card>
          </>
        )
      ) : null}
    </>
  );
}
