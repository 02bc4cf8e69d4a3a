import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading, usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';
import { lessonPath } from '../../lib/neutral-paths';

export const CoursePageQuery = graphql(`
  query CoursePage($slug: String!) {
    course(slug: $slug) {
      id
      slug
      title
      summary
      estimatedMinutes
      lessons {
        id
        slug
        title
        estimatedMinutes
      }
    }
    myLearning {
      courseSlug
      percent
      blockedBy
      lessons {
        lessonId
        slug
        title
        status
        locked
        lockReason
      }
    }
  }
`);

const EnrollFromCourseMutation = graphql(`
  mutation EnrollFromCourse($courseSlug: String!) {
    enroll(courseSlug: $courseSlug) {
      id
    }
  }
`);

/** A course's lessons in order, each with its state, and why a locked one is locked. */
export function CoursePage({ slug }: { slug: string }) {
  usePageTitle('page.course');
  const t = useT();
  const { request, queryClient } = useServices();
  const query = useQuery({ queryKey: ['course', slug], queryFn: () => request(CoursePageQuery, { slug }) });
  const enroll = useMutation({
    mutationFn: () => request(EnrollFromCourseMutation, { courseSlug: slug }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['course', slug] }), queryClient.invalidateQueries({ queryKey: ['myLearning'] })]),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const { course, myLearning } = query.data;
  const path = myLearning.find((item) => item.courseSlug === slug);
  const stateOf = new Map(path?.lessons.map((l) => [l.slug, l]) ?? []);

  return (
    <>
      <p>
        <Link to="/">{t('nav.backHome')}</Link>
      </p>
      <h1>{course.title}</h1>
      <p>{course.summary}</p>
      <p className="meta">{t('course.minutes', { minutes: course.estimatedMinutes })}</p>
      {!path ? (
        <div className="notice">
          <p>{t('course.notEnrolled')}</p>
          {enroll.isError ? <ErrorMessage error={enroll.error} /> : null}
          <button type="button" onClick={() => enroll.mutate()} disabled={enroll.isPending}>
            {t('home.enroll')}
          </button>
        </div>
      ) : null}
      <ol className="lesson-list">
        {course.lessons.map((lesson) => {
          const state = stateOf.get(lesson.slug);
          const locked = !path || state?.locked;
          return (
            <li key={lesson.id}>
              {locked ? (
                <span className="lesson-list__title">{lesson.title}</span>
              ) : (
                <Link to={lessonPath(slug, lesson.slug)} className="lesson-list__title">
                  {lesson.title}
                </Link>
              )}
              <span className="meta">
                {' · '}
                {t('course.minutes', { minutes: lesson.estimatedMinutes })}
                {' · '}
                {locked ? t('lessonStatus.LOCKED') : t(`lessonStatus.${state?.status ?? 'NOT_STARTED'}`)}
              </span>
              {state?.locked && state.lockReason ? <p className="lock-reason">{state.lockReason}</p> : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
