import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { createBrowserRouter, Navigate, RouterProvider, useLocation, useParams } from 'react-router';
import { Loading } from '../components/Page';
import { AccountPage } from '../features/account/AccountPage';
import { InvitePage } from '../features/auth/InvitePage';
import { ForgotPasswordPage, ResetPasswordPage } from '../features/auth/PasswordResetPages';
import { SignInPage } from '../features/auth/SignInPage';
import { HomePage } from '../features/learning/HomePage';
import { CoursePage } from '../features/learning/CoursePage';
import { LessonPage } from '../features/learning/LessonPage';
import { graphql } from '../gql';
import { catalogFor, LOCALE } from '../i18n/catalogs';
import { Layout } from './Layout';
import { ServicesProvider, useServices, useSession, type Services } from './services';

// Pages most learners open less often load on demand, keeping the first load small.
const QuizPage = lazy(() => import('../features/quiz/QuizPage').then((m) => ({ default: m.QuizPage })));
const CertificatesPage = lazy(() => import('../features/credentials/CertificatesPage').then((m) => ({ default: m.CertificatesPage })));
const PrivacyPage = lazy(() => import('../features/consent/PrivacyPage').then((m) => ({ default: m.PrivacyPage })));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const FamilyPage = lazy(() => import('../features/family/FamilyPage').then((m) => ({ default: m.FamilyPage })));

const TimeZoneQuery = graphql(`
  query TimeZone {
    myOrganization {
      id
      timeZone
    }
  }
`);

function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** A fresh reader per lesson: the content-note gate, reading timer and position belong to one lesson. */
function LessonRoute() {
  const { slug, lessonSlug } = useParams();
  return <LessonPage key={`${slug}/${lessonSlug}`} />;
}

function QuizRoute() {
  const { slug, lessonSlug } = useParams();
  return <QuizPage key={`${slug}/${lessonSlug}`} />;
}

function NotFound() {
  return <Navigate to="/" replace />;
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/invite/:code', element: <InvitePage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password/:token?', element: <ResetPasswordPage /> },
      { path: '/', element: <RequireSession children={<HomePage />} /> },
      { path: '/courses/:slug', element: <RequireSession children={<CoursePage />} /> },
      { path: '/courses/:slug/lessons/:lessonSlug', element: <RequireSession children={<LessonRoute />} /> },
      { path: '/courses/:slug/lessons/:lessonSlug/quiz', element: <RequireSession children={<QuizRoute />} /> },
      { path: '/certificates', element: <RequireSession children={<CertificatesPage />} /> },
      { path: '/privacy', element: <RequireSession children={<PrivacyPage />} /> },
      { path: '/family', element: <RequireSession children={<FamilyPage />} /> },
      { path: '/notifications', element: <RequireSession children={<NotificationsPage />} /> },
      { path: '/account', element: <RequireSession children={<AccountPage />} /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

/** Dates appear in the organization's time zone, whatever the device's. */
function useOrganizationTimeZone(services: Services): string | undefined {
  const session = useSession();
  const [timeZone, setTimeZone] = useState<string>();
  useEffect(() => {
    if (!session) return;
    services
      .request(TimeZoneQuery)
      .then((r) => setTimeZone(r.myOrganization.timeZone))
      .catch(() => undefined);
  }, [session, services]);
  return timeZone;
}

function Shell() {
  const services = useServices();
  const timeZone = useOrganizationTimeZone(services);
  return (
    <IntlProvider locale={LOCALE} messages={catalogFor(LOCALE)} timeZone={timeZone} defaultLocale="en">
      <RouterProvider router={router} />
    </IntlProvider>
  );
}

export function App({ services }: { services: Services }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    document.documentElement.lang = LOCALE;
    // A reload keeps the person signed in through the refresh cookie; nothing is read from storage.
    services.session
      .refresh()
      .catch(() => null)
      .finally(() => setReady(true));
  }, [services]);
  if (!ready) return null;
  return (
    <ServicesProvider services={services}>
      <QueryClientProvider client={services.queryClient}>
        <Shell />
      </QueryClientProvider>
    </ServicesProvider>
  );
}
