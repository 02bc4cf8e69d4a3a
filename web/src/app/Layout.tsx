import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { CrisisBar } from '../components/CrisisBar';
import { IdleSignOut } from '../components/IdleSignOut';
import { QuickExitButton, useQuickExit } from '../components/QuickExit';
import { SaveStatus } from '../components/SaveStatus';
import { useUnreadNotifications } from '../features/notifications/unread';
import { graphql } from '../gql';
import { signOutHere, useServices, useSession } from './services';

// Clinicians' and admins' navigation comes with the staff pages' chunk.
const StaffNav = lazy(() => import('../features/staff').then((m) => ({ default: m.staffPages.Nav })));

export const OrganizationQuery = graphql(`
  query Organization {
    myOrganization {
      id
      name
      timeZone
      crisisLine
    }
  }
`);

/** Whether the service keeps data only in memory (the demo): shown on every page so nobody trusts it with real work. */
function useInMemoryDemo(): boolean {
  const [inMemory, setInMemory] = useState(false);
  useEffect(() => {
    fetch('/health')
      .then((r) => r.json() as Promise<{ database?: { inMemory?: boolean } }>)
      .then((h) => setInMemory(h.database?.inMemory === true))
      .catch(() => undefined);
  }, []);
  return inMemory;
}

export function Layout() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const services = useServices();
  const session = useSession();
  const navigate = useNavigate();
  const inMemory = useInMemoryDemo();
  const role = session?.user.role;
  const discreet = role === 'PATIENT' || role === 'FAMILY';
  const org = useQuery({ queryKey: ['organization'], queryFn: () => services.request(OrganizationQuery), enabled: !!session });
  const quickExit = useQuickExit(discreet);
  const unread = useUnreadNotifications();
  const onIdle = useCallback(() => {
    void signOutHere(services).then(() => navigate('/sign-in?reason=idle', { replace: true }));
  }, [services, navigate]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <CrisisBar orgCrisisLine={org.data?.myOrganization.crisisLine} />
      {inMemory ? (
        <p className="demo-banner" role="note">
          {t('layout.demo')}
        </p>
      ) : null}
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        {session ? (
          <nav aria-label={t('layout.nav')}>
            <ul>
              {/* Clinicians and admins land on their caseload; their own courses are "My training" in the staff navigation. */}
              {role === 'CLINICIAN' || role === 'ADMIN' ? null : (
                <li>
                  <NavLink to="/" end>
                    {t('nav.learning')}
                  </NavLink>
                </li>
              )}
              <li>
                <NavLink to="/certificates">{t('nav.certificates')}</NavLink>
              </li>
              {role === 'PATIENT' ? (
                <li>
                  <NavLink to="/privacy">{t('nav.privacy')}</NavLink>
                </li>
              ) : null}
              {role === 'FAMILY' ? (
                <li>
                  <NavLink to="/family">{t('nav.family')}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/notifications">{unread > 0 ? intl.formatMessage({ id: 'nav.notificationsUnread' }, { count: unread }) : t('nav.notifications')}</NavLink>
              </li>
              <li>
                <NavLink to="/account">{t('nav.account')}</NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
        {discreet ? <QuickExitButton onExit={quickExit} /> : null}
      </header>
      {role === 'CLINICIAN' || role === 'ADMIN' ? (
        <Suspense fallback={null}>
          <StaffNav />
        </Suspense>
      ) : null}
      <SaveStatus />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      {session ? <IdleSignOut onIdle={onIdle} /> : null}
    </>
  );
}
