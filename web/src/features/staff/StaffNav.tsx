import { NavLink } from 'react-router';
import { useT } from '../../i18n/useT';
import { isAdmin, isCareTeam, useViewerRole } from './common';

const CLINICIAN_PAGES = [
  ['/staff/caseload', 'staff.nav.caseload'],
  ['/staff/review', 'staff.nav.review'],
  ['/staff/assign', 'staff.nav.assign'],
  ['/staff/cohorts', 'staff.nav.cohorts'],
  ['/staff/invite', 'staff.nav.invite'],
  ['/staff/item-analysis', 'staff.nav.items'],
  ['/learning', 'staff.nav.training'],
] as const;

const ADMIN_PAGES = [
  ['/admin/people', 'staff.nav.people'],
  ['/admin/compliance', 'staff.nav.compliance'],
  ['/admin/records', 'staff.nav.records'],
  ['/admin/audit', 'staff.nav.audit'],
  ['/admin/reports', 'staff.nav.reports'],
  ['/admin/settings', 'staff.nav.settings'],
] as const;

/** The desk pages for clinicians and admins, under the header; learners never see it. */
export function StaffNav() {
  const t = useT();
  const role = useViewerRole();
  if (!isCareTeam(role)) return null;
  return (
    <nav className="staff-nav" aria-label={t('staff.nav.label')}>
      <ul>
        {CLINICIAN_PAGES.map(([to, id]) => (
          <li key={to}>
            <NavLink to={to}>{t(id)}</NavLink>
          </li>
        ))}
      </ul>
      {isAdmin(role) ? (
        <ul className="staff-nav__admin">
          {ADMIN_PAGES.map(([to, id]) => (
            <li key={to}>
              <NavLink to={to}>{t(id)}</NavLink>
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}
