import { useTranslation } from 'react-i18next';
import type { FederatedCourse, FederatedReport } from '../../../../shared/domain/federation';
import { useApiQuery } from '../../app/use-api-query';
import { Card } from '../../components/card';
import { DataTable, type Column } from '../../components/data-table';
import { formatIsoDay } from '../../i18n/dates';
import { formatMilli } from '../../../../shared/format/numbers';

type Row = FederatedReport['provinces'][number];

/**
 * What the regional hub above us published (docs/federation.md), on a provincial hub and on its
 * members: its courses and its yearly report, read-only. Nothing is shown before its first file
 * arrived (most installations have no regional hub at all).
 */
export function RegionalRecords() {
  const { t } = useTranslation();
  const q = useApiQuery('federation.regionalRecords', {});
  const regional = q.data?.regional;
  if (!regional || (q.data!.courses.length === 0 && q.data!.reports.length === 0)) return null;
  const courseColumns: Column<FederatedCourse>[] = [
    { key: 'title', header: t('regional.colTitle'), rowHeader: true, cell: (c) => (
      <>
        {c.title}
        <br />
        <small className="text-body-secondary">{t('regional.courseOf', { name: regional.name })}</small>
      </>
    ) },
    { key: 'dates', header: t('regional.colDates'), cell: (c) => (c.startDate === c.endDate ? formatIsoDay(c.startDate) : `${formatIsoDay(c.startDate)} – ${formatIsoDay(c.endDate)}`) },
    { key: 'hours', header: t('regional.colHours'), numeric: true, cell: (c) => formatMilli(c.hoursMilli) },
    { key: 'provider', header: t('regional.colProvider'), cell: (c) => c.provider || t('regional.nothing') },
  ];
  const services = (r: { byService: { service: string; quantityMilli: number }[] }) => r.byService.map((s) => `${s.service} ${formatMilli(s.quantityMilli)}`).join(', ') || t('regional.nothing');
  const reportColumns: Column<Row>[] = [
    { key: 'province', header: t('regional.colProvince'), rowHeader: true, cell: (p) => p.name },
    { key: 'members', header: t('regional.colMembers'), numeric: true, cell: (p) => String(p.members) },
    { key: 'entries', header: t('regional.colEntries'), numeric: true, cell: (p) => String(p.entries) },
    { key: 'services', header: t('regional.colServices'), cell: services },
  ];
  return (
    <>
      {q.data!.courses.length > 0 ? (
        <Card title={t('regional.coursesTitle')} id="regional-courses">
          <p>{t('regional.coursesIntro', { name: regional.name })}</p>
          <DataTable caption={t('regional.coursesTitle')} captionHidden columns={courseColumns} rows={q.data!.courses} rowKey={(c) => c.id} empty="" />
        </Card>
      ) : null}
      {q.data!.reports.map((r) => (
        <Card key={r.id} title={t('regional.reportTitle', { year: r.year })} id={`regional-report-${r.year}`}>
          <p>{t('regional.reportIntro', { name: regional.name, date: formatIsoDay(r.publishedAt.slice(0, 10)) })}</p>
          <DataTable
            caption={t('regional.reportTitle', { year: r.year })}
            captionHidden
            columns={reportColumns}
            rows={[...r.provinces, { id: '', name: t('regional.total'), ...r.totals }]}
            rowKey={(p) => p.id || 'total'}
            empty=""
          />
        </Card>
      ))}
    </>
  );
}
