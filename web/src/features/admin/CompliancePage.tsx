import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import type { StaffComplianceQuery } from '../../gql/graphql';
import { useT } from '../../i18n/useT';
import { Pager, StaffPage, useCursorPages } from '../staff/common';

const StaffComplianceDocument = graphql(`
  query StaffCompliance($first: Int!, $after: String) {
    staffCompliance(first: $first, after: $after) {
      nodes {
        staff {
          id
          displayName
        }
        courseSlug
        courseTitle
        dueAt
        status
        percent
        completedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Row = StaffComplianceQuery['staffCompliance']['nodes'][number];

/** Staff × course: each cell says its state in words (colour only repeats it). */
export function CompliancePage() {
  const t = useT();
  const { request } = useServices();
  const pages = useCursorPages();
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [course, setCourse] = useState('');
  const query = useQuery({ queryKey: ['staffCompliance', pages.after], queryFn: () => request(StaffComplianceDocument, { first: 50, after: pages.after }), placeholderData: keepPreviousData });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const rows = query.data.staffCompliance.nodes;
  const courses = [...new Map(rows.map((r) => [r.courseSlug, r.courseTitle])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const shownCourses = course ? courses.filter(([slug]) => slug === course) : courses;
  const byStaff = new Map<string, { name: string; cells: Map<string, Row> }>();
  for (const r of rows) {
    if (!byStaff.has(r.staff.id)) byStaff.set(r.staff.id, { name: r.staff.displayName, cells: new Map() });
    byStaff.get(r.staff.id)!.cells.set(r.courseSlug, r);
  }
  const staff = [...byStaff.entries()].filter(([, s]) => !problemsOnly || shownCourses.some(([slug]) => s.cells.get(slug)?.status === 'OVERDUE'));
  const overdue = rows.filter((r) => r.status === 'OVERDUE').length;

  return (
    <StaffPage titleId="admin.compliance.title">
      <p className="hint">{t('admin.compliance.summary', { staff: byStaff.size, overdue })}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('staff.filters')}>
        <div>
          <label htmlFor="compliance-course">{t('staff.field.course')}</label>
          <select id="compliance-course" value={course} onChange={(e) => setCourse(e.target.value)}>
            <option value="">{t('staff.any')}</option>
            {courses.map(([slug, title]) => (
              <option key={slug} value={slug}>
                {title}
              </option>
            ))}
          </select>
        </div>
        <div className="option">
          <input id="compliance-overdue" type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} />
          <label htmlFor="compliance-overdue">{t('admin.compliance.overdueOnly')}</label>
        </div>
      </form>
      <div className="table-wrap">
        <table className="data matrix">
          <caption className="visually-hidden">{t('admin.compliance.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.compliance.staff')}</th>
              {shownCourses.map(([slug, title]) => (
                <th scope="col" key={slug} title={title}>
                  {title.length > 32 ? `${title.slice(0, 30)}…` : title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {staff.map(([id, s]) => (
              <tr key={id}>
                <th scope="row">{s.name}</th>
                {shownCourses.map(([slug]) => {
                  const cell = s.cells.get(slug);
                  if (!cell) return <td key={slug} className="meta">{t('admin.compliance.notAssigned')}</td>;
                  return (
                    <td key={slug} className={`cell cell--${cell.status.toLowerCase()}`}>
                      <strong>{t(`staff.status.${cell.status}`)}</strong>
                      <div className="meta">
                        {cell.completedAt ? t('staff.completedOn', { date: t.date(cell.completedAt) }) : cell.dueAt ? t('staff.due', { date: t.date(cell.dueAt) }) : t('staff.percent', { percent: cell.percent / 100 })}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {staff.length === 0 ? <p>{t('admin.compliance.none')}</p> : null}
      <Pager pages={pages} hasNextPage={query.data.staffCompliance.pageInfo.hasNextPage} endCursor={query.data.staffCompliance.pageInfo.endCursor} label={t('admin.compliance.pages')} />
    </StaffPage>
  );
}
