import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading, usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';
import { coursePath, lessonPath } from '../../lib/neutral-paths';

export const MyLearningQuery = graphql(`
  query MyLearning {
    me {
      id
      displayName
      role
    }
    myLearning {
      enrollmentId
      courseSlug
      courseTitle
      dueAt
      status
      percent
      completedLessons
      totalLessons
      source
      blockedBy
      nextLesson {
        lessonId
        slug
        title
      }
      lessons {
        slug
      }
    }
    courses {
      id
      slug
      title
      summary
      estimatedMinutes
    }
  }
`);

const EnrollMutation = graphql(`
  mutation Enroll($courseSlug: String!) {
    enroll(courseSlug: $courseSlug) {
      id
      courseSlug
    }
  }
`);

/** My learning: what is assigned or chosen, how far along, and the next lesson; then courses one may add. */
export function HomePage() {
  usePageTitle('page.home');
  const t = useT();
  const { request, queryClient } = useServices();
  const query = useQuery({ queryKey: ['myLearning'], queryFn: () => request(MyLearningQuery) });
  const enroll = useMutation({
    mutationFn: (courseSlug: string) => request(EnrollMutation, { courseSlug }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['myLearning'] }),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const { me, myLearning, courses } = query.data;
  const taken = new Set(myLearning.map((item) => item.courseSlug));
  const catalog = courses.filter((course) => !taken.has(course.slug));

  return (
    <>
      <h1>{t('home.title', { name: me.displayName })}</h1>
      <section aria-labelledby="my-courses">
        <h2 id="my-courses">{t('home.myCourses')}</h2>
        {myLearning.length === 0 ? <p>{t('home.empty')}</p> : null}
        <ul className="cards">
          {myLearning.map((item) => (
            <li key={item.enrollmentId} className="card">
              <h3>
                <Link to={coursePath(item.courseSlug)}>{item.courseTitle}</Link>
              </h3>
              <p className="meta">
                {item.source === 'SELF' ? t('home.selfEnrolled') : t('home.assigned')}
                {item.dueAt ? ` · ${t(item.status === 'OVERDUE' ? 'home.wasDue' : 'home.due', { date: t.date(item.dueAt) })}` : ''}
              </p>
              <p>
                <progress max={100} value={item.percent} aria-label={t('home.progressLabel', { course: item.courseTitle })} /> {t('home.percent', { percent: item.percent / 100, done: item.completedLessons, total: item.totalLessons })}
              </p>
              {item.status === 'OVERDUE' ? <p className="notice">{t('home.overdue')}</p> : null}
              {item.blockedBy.length ? <p className="notice">{t('home.blocked', { courses: item.blockedBy.join(', ') })}</p> : null}
              {item.status === 'COMPLETED' ? (
                <p>{t('home.completed')}</p>
              ) : item.nextLesson ? (
                <Link className="button" to={lessonPath(item.courseSlug, item.nextLesson.slug)}>
                  {t('home.next', { lesson: item.nextLesson.title })}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {catalog.length ? (
        <section aria-labelledby="catalog">
          <h2 id="catalog">{t('home.catalog')}</h2>
          {enroll.isError ? <ErrorMessage error={enroll.error} /> : null}
          <ul className="cards">
            {catalog.map((course) => (
              <li key={course.id} className="card">
                <h3>{course.title}</h3>
                <p>{course.summary}</p>
                <p className="meta">{t('course.minutes', { minutes: course.estimatedMinutes })}</p>
                <button type="button" onClick={() => enroll.mutate(course.slug)} disabled={enroll.isPending} aria-label={t('home.enrollIn', { course: course.title })}>
                  {t('home.enroll')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
