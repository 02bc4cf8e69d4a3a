import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';
import { BarChart } from '../staff/BarChart';
import { StaffPage } from '../staff/common';

const LearningReportDocument = graphql(`
  query LearningReport {
    learningReport(weeks: 12) {
      overdueByCourse {
        courseSlug
        courseTitle
        count
      }
      completionsByWeek {
        weekStart
        count
      }
    }
  }
`);

/** Two pictures an admin would rather look at than read, each with the same numbers as a table. */
export function ReportsPage() {
  const t = useT();
  const { request } = useServices();
  const report = useQuery({ queryKey: ['learningReport'], queryFn: () => request(LearningReportDocument) });
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorMessage error={report.error} />;
  const { overdueByCourse, completionsByWeek } = report.data.learningReport;
  return (
    <StaffPage titleId="admin.reports.title">
      <section aria-labelledby="completions-title">
        <h2 id="completions-title">{t('admin.reports.completions')}</h2>
        <BarChart
          title={t('admin.reports.completionsChart')}
          labelHeader={t('admin.reports.weekOf')}
          valueHeader={t('admin.reports.completed')}
          bars={completionsByWeek.map((w) => ({ label: t.date(w.weekStart), value: w.count }))}
        />
      </section>
      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('admin.reports.overdue')}</h2>
        {overdueByCourse.length === 0 ? (
          <p>{t('admin.reports.noOverdue')}</p>
        ) : (
          <BarChart title={t('admin.reports.overdueChart')} labelHeader={t('staff.field.course')} valueHeader={t('admin.reports.overdueCount')} bars={overdueByCourse.map((c) => ({ label: c.courseTitle, value: c.count }))} />
        )}
      </section>
    </StaffPage>
  );
}
