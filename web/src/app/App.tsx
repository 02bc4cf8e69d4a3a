import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { createBrowserRouter, Link, Navigate, RouterProvider, useLocation, useParams } from 'react-router';
import { ErrorMessage, Loading } from '../components/Page';
import { AccountPage } from '../features/account/AccountPage';
import { InvitePage } from '../features/auth/InvitePage';
import { ConfirmEmailPage } from '../features/auth/ConfirmEmailPage';
import { ForgotPasswordPage, ResetPasswordPage } from '../features/auth/PasswordResetPages';
import { SignInPage } from '../features/auth/SignInPage';
import { HomePage, MyLearningQuery } from '../features/learning/HomePage';
import { CoursePage } from '../features/learning/CoursePage';
import { LessonPage } from '../features/learning/LessonPage';
import { graphql } from '../gql';
import { catalogFor, LOCALE } from '../i18n/catalogs';
import { useT } from '../i18n/useT';
import { coursePath, lessonPath, quizPath, slugForKey } from '../lib/neutral-paths';
import { Layout } from './Layout';
import { ServicesProvider, useServices, useSession, type Services } from './services';

// Pages most learners open less often load on demand, keeping the first load small.
const QuizPage = lazy(() => import('../features/quiz/QuizPage').then((m) => ({ default: m.QuizPage })));
const CertificatesPage = lazy(() => import('../features/credentials/CertificatesPage').then((m) => ({ default: m.CertificatesPage })));
const PrivacyPage = lazy(() => import('../features/consent/PrivacyPage').then((m) => ({ default: m.PrivacyPage })));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const FamilyPage = lazy(() => import('../features/family/FamilyPage').then((m) => ({ default: m.FamilyPage })));
// The clinician and admin pages: one chunk, loaded only by people who open them.
const staffPage = (name: keyof typeof import('../features/staff').staffPages) => lazy(() => import('../features/staff').then((m) => ({ default: m.staffPages[name] })));
const Staff = {
  Caseload: staffPage('Caseload'),
  Client: staffPage('Client'),
  Consent: staffPage('Consent'),
  Assign: staffPage('Assign'),
  Cohorts: staffPage('Cohorts'),
  Review: staffPage('Review'),
  Invite: staffPage('Invite'),
  ItemAnalysis: staffPage('ItemAnalysis'),
  People: staffPage('People'),
  Compliance: staffPage('Compliance'),
  Records: staffPage('Records'),
  Audit: staffPage('Audit'),
  Reports: staffPage('Reports'),
  Settings: staffPage('Settings'),
};

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

/**
 * Learner addresses carry neutral keys (see lib/neutral-paths); the slugs they
 * stand for come from the learner's own courses.
 */
function useNeutralSlugs() {
  const { courseKey, lessonKey } = useParams();
  const { request } = useServices();
  const query = useQuery({ queryKey: ['myLearning'], queryFn: () => request(MyLearningQuery) });
  const data = query.data;
  const courseSlug = data ? slugForKey(courseKey, [...data.myLearning.map((item) => item.courseSlug), ...data.courses.map((c) => c.slug)]) : undefined;
  const lessons = data?.myLearning.find((item) => item.courseSlug === courseSlug)?.lessons.map((l) => l.slug) ?? [];
  const lessonSlug = courseSlug ? slugForKey(lessonKey, lessons) : undefined;
  return { query, courseSlug, lessonSlug };
}

function Unavailable() {
  const t = useT();
  return (
    <section className="narrow">
      <h1>{t('unavailable.title')}</h1>
      <p>{t('unavailable.body')}</p>
      <p>
        <Link to="/">{t('nav.backHome')}</Link>
      </p>
    </section>
  );
}

/** Resolves the keys in the address, then shows the page; a fresh page per lesson (its gate, timer and position belong to one lesson). */
function LearningRoute({ page }: { page: 'course' | 'lesson' | 'quiz' }) {
  const { query, courseSlug, lessonSlug } = useNeutralSlugs();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  if (!courseSlug) return <Unavailable />;
  if (page === 'course') return <CoursePage key={courseSlug} slug={courseSlug} />;
  if (!lessonSlug) return <Unavailable />;
  const key = `${courseSlug}/${lessonSlug}`;
  return page === 'lesson' ? <LessonPage key={key} courseSlug={courseSlug} lessonSlug={lessonSlug} /> : <QuizPage key={key} courseSlug={courseSlug} lessonSlug={lessonSlug} />;
}

/** Old addresses with slugs (bookmarks, lesson links): replaced in history by the neutral one. */
function LegacyLearningRedirect() {
  const { slug = '', lessonSlug } = useParams();
  const quiz = useLocation().pathname.endsWith('/quiz');
  const to = !lessonSlug ? coursePath(slug) : quiz ? quizPath(slug, lessonSlug) : lessonPath(slug, lessonSlug);
  return <Navigate to={to} replace />;
}

/** Clinicians and admins start at their caseload; their own training is at /learning. */
function Home() {
  const role = useSession()?.user.role;
  if (role === 'CLINICIAN' || role === 'ADMIN') return <Navigate to="/staff/caseload" replace />;
  return <HomePage />;
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
      { path: '/confirm-email/:token?', element: <ConfirmEmailPage /> },
      { path: '/', element: <RequireSession children={<Home />} /> },
      { path: '/learn/:courseKey', element: <RequireSession children={<LearningRoute page="course" />} /> },
      { path: '/learn/:courseKey/:lessonKey', element: <RequireSession children={<LearningRoute page="lesson" />} /> },
      { path: '/learn/:courseKey/:lessonKey/check', element: <RequireSession children={<LearningRoute page="quiz" />} /> },
      { path: '/courses/:slug', element: <LegacyLearningRedirect /> },
      { path: '/courses/:slug/lessons/:lessonSlug', element: <LegacyLearningRedirect /> },
      { path: '/courses/:slug/lessons/:lessonSlug/quiz', element: <LegacyLearningRedirect /> },
      { path: '/certificates', element: <RequireSession children={<CertificatesPage />} /> },
      { path: '/privacy', element: <RequireSession children={<PrivacyPage />} /> },
      { path: '/family', element: <RequireSession children={<FamilyPage />} /> },
      { path: '/notifications', element: <RequireSession children={<NotificationsPage />} /> },
      { path: '/account', element: <RequireSession children={<AccountPage />} /> },
      { path: '/learning', element: <RequireSession children={<HomePage />} /> },
      { path: '/staff', element: <Navigate to="/staff/caseload" replace /> },
      { path: '/staff/caseload', element: <RequireSession children={<Staff.Caseload />} /> },
      { path: '/staff/clients/:id', element: <RequireSession children={<Staff.Client />} /> },
      { path: '/staff/clients/:id/consents/new', element: <RequireSession children={<Staff.Consent />} /> },
      { path: '/staff/assign', element: <RequireSession children={<Staff.Assign />} /> },
      { path: '/staff/cohorts', element: <RequireSession children={<Staff.Cohorts />} /> },
      { path: '/staff/review', element: <RequireSession children={<Staff.Review />} /> },
      { path: '/staff/invite', element: <RequireSession children={<Staff.Invite />} /> },
      { path: '/staff/item-analysis', element: <RequireSession children={<Staff.ItemAnalysis />} /> },
      { path: '/admin/people', element: <RequireSession children={<Staff.People />} /> },
      { path: '/admin/compliance', element: <RequireSession children={<Staff.Compliance />} /> },
      { path: '/admin/records', element: <RequireSession children={<Staff.Records />} /> },
      { path: '/admin/audit', element: <RequireSession children={<Staff.Audit />} /> },
      { path: '/admin/reports', element: <RequireSession children={<Staff.Reports />} /> },
      { path: '/admin/settings', element: <RequireSession children={<Staff.Settings />} /> },
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
