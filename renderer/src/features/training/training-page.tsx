import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { SubNav } from '../../components/sub-nav';
import { todayIso } from '../../i18n/dates';
import { CoursesView } from './courses-view';
import { TrainingDeleteDialog } from './delete-dialog';
import { ParticipationsView } from './participations-view';
import { StaffView } from './staff-view';
import { TotalsView } from './totals-view';
import { DeletedLink } from '../history/deleted-link';

/** "Formazione": staff register, courses, participations, totals. */
export function TrainingPage({ view }: { view: string }) {
  const { t } = useTranslation();
  const current = view === 'courses' || view === 'participations' || view === 'totals' ? view : '';
  return (
    <>
      <PageTitle>{t('training.title')}</PageTitle>
      <SubNav
        label={t('training.views')}
        currentPath={current ? `/training/${current}` : '/training'}
        items={[
          { path: '/training', label: t('training.viewStaff') },
          { path: '/training/courses', label: t('training.viewCourses') },
          { path: '/training/participations', label: t('training.viewParticipations') },
          { path: '/training/totals', label: t('training.viewTotals') },
        ]}
      />
      {current === '' ? <StaffView /> : null}
      {current === 'courses' ? <CoursesView /> : null}
      {current === 'participations' ? <ParticipationsView /> : null}
      {current === 'totals' ? <TotalsView currentYear={Number(todayIso().slice(0, 4))} /> : null}
      <TrainingDeleteDialog />
      {current === 'totals' ? null : <DeletedLink kind={current === '' ? 'staff' : current === 'courses' ? 'course' : 'participation'} />}
    </>
  );
}
