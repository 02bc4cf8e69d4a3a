import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import type { ComplianceStatus, Role, StaffComplianceQuery } from '../../gql/graphql';
import { useT } from '../../i18n/useT';
import { CsvButton, Pager, StaffPage, useCsvDownload, useCursorPages } from '../staff/common';

const StaffComplianceDocument = graphql(`
  query StaffCompliance($first: Int!, $after: String, $status: [ComplianceStatus!], $role: Role) {
    staffCompliance(first: $first, after: $after, status: $status, role: $role) {
      nodes {
        staff {
          id
          displayName
          role
        }
        requirement {
          id
          name
        }
        compliance
        dueOn
        validUntil
        lastCompletedAt
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
const STATUSES: ComplianceStatus[] = ['OVERDUE', 'EXPIRED', 'DUE_SOON', 'COMPLIANT'];
const ROLES: Role[] = ['STAFF', 'CLINICIAN', 'ADMIN'];

/** A column per training requirement (first), or, for a course assigned by hand, per course. */
const columnOf = (r: Row) => (r.requirement ? `req:${r.requirement.id}` : `course:${r.courseSlug}`);

function Cell({ row }: { row: Row }) {
  const t = useT();
  if (row.compliance) {
    const detail =
      row.compliance === 'COMPLIANT' && row.validUntil
        ? t('admin.compliance.validUntil', { date: t.day(row.validUntil) })
        : row.dueOn
          ? t('admin.compliance.dueOn', { date: t.day(row.dueOn) })
          : row.lastCompletedAt
            ? t('staff.completedOn', { date: t.date(row.lastCompletedAt) })
            : '';
    return (
      <td className={`cell cell--${row.compliance.toLowerCase().replace('_', '-')}`}>
        <strong>{t(`admin.compliance.status.${row.compliance}`)}</strong>
        {detail ? <div className="meta">{detail}</div> : null}
      </td>
    );
  }
  return (
    <td className={`cell cell--${row.status.toLowerCase()}`}>
      <strong>{t(`staff.status.${row.status}`)}</strong>
      <div className="meta">{row.completedAt ? t('staff.completedOn', { date: t.date(row.completedAt) }) : row.dueAt ? t('staff.due', { date: t.date(row.dueAt) }) : t('staff.percent', { percent: row.percent / 100 })}</div>
    </td>
  );
}

/** Staff × training requirement: each cell says its state in words (colour only repeats it); filters and a CSV. */
export function CompliancePage() {
  const t = useT();
  const { request } = useServices();
  const pages = useCursorPages();
  const csv = useCsvDownload();
  const [status, setStatus] = useState<ComplianceStatus | ''>('');
  const [role, setRole] = useState<Role | ''>('');
  const [column, setColumn] = useState('');
  const vars = { status: status ? [status] : null, role: role || null };
  const query = useQuery({
    queryKey: ['staffCompliance', pages.after, vars],
    queryFn: () => request(StaffComplianceDocument, { first: 50, after: pages.after, ...vars }),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const rows = query.data.staffCompliance.nodes;
  const columns = [...new Map(rows.map((r) => [columnOf(r), r.requirement?.name ?? r.courseTitle])).entries()].sort((a, b) => Number(a[0].startsWith('course:')) - Number(b[0].startsWith('course:')) || a[1].localeCompare(b[1]));
  const shownColumns = column ? columns.filter(([key]) => key === column) : columns;
  const byStaff = new Map<string, { name: string; role: string; cells: Map<string, Row> }>();
  for (const r of rows) {
    if (!byStaff.has(r.staff.id)) byStaff.set(r.staff.id, { name: r.staff.displayName, role: r.staff.role, cells: new Map() });
    byStaff.get(r.staff.id)!.cells.set(columnOf(r), r);
  }
  const staff = [...byStaff.entries()].filter(([, s]) => !column || s.cells.has(column));
  const problems = rows.filter((r) => r.compliance === 'OVERDUE' || r.compliance === 'EXPIRED' || (!r.compliance && r.status === 'OVERDUE')).length;
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    pages.reset();
  };

  return (
    <StaffPage titleId="admin.compliance.title">
      <p className="hint">{t('admin.compliance.summary', { staff: byStaff.size, overdue: problems })}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('staff.filters')}>
        <div>
          <label htmlFor="compliance-status">{t('staff.field.status')}</label>
          <select id="compliance-status" value={status} onChange={(e) => reset(setStatus)(e.target.value as ComplianceStatus | '')}>
            <option value="">{t('staff.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.compliance.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="compliance-role">{t('admin.people.role')}</label>
          <select id="compliance-role" value={role} onChange={(e) => reset(setRole)(e.target.value as Role | '')}>
            <option value="">{t('staff.any')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`staff.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="compliance-column">{t('admin.compliance.requirement')}</label>
          <select id="compliance-column" value={column} onChange={(e) => setColumn(e.target.value)}>
            <option value="">{t('staff.any')}</option>
            {columns.map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="actions">
        <CsvButton label={t('admin.csv')} busy={csv.busy} error={csv.error} onClick={() => void csv.download('/staff-compliance.csv', { status: status || undefined, role: role || undefined }, 'staff-compliance.csv')} />
      </p>
      <div className="table-wrap">
        <table className="data matrix">
          <caption className="visually-hidden">{t('admin.compliance.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.compliance.staff')}</th>
              {shownColumns.map(([key, name]) => (
                <th scope="col" key={key} title={name}>
                  {name.length > 32 ? `${name.slice(0, 30)}…` : name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {staff.map(([id, s]) => (
              <tr key={id}>
                <th scope="row">
                  {s.name}
                  <div className="meta">{t(`staff.role.${s.role}`)}</div>
                </th>
                {shownColumns.map(([key]) => {
                  const cell = s.cells.get(key);
                  return cell ? (
                    <Cell key={key} row={cell} />
                  ) : (
                    <td key={key} className="meta">
                      {t('admin.compliance.notAssigned')}
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
