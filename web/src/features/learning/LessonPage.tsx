import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading, usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';
import { coursePath, lessonPath, neutralLessonLinks, quizPath } from '../../lib/neutral-paths';
import { ReflectionForm } from '../reflections/ReflectionForm';
import { recordProgress } from './progress';

export const LessonPageQuery = graphql(`
  query LessonPage($courseSlug: String!, $lessonSlug: String!) {
    lessonBySlug(courseSlug: $courseSlug, lessonSlug: $lessonSlug) {
      id
      slug
      title
      courseSlug
      contentNote
      objectives
      estimatedMinutes
      bodyHtml
      disclaimer
      sources {
        title
        url
      }
      quiz {
        id
      }
      reflectionPrompts {
        id
        prompt
        notice
      }
    }
    myLearning {
      courseSlug
      lessons {
        lessonId
        slug
        title
        status
        locked
        positionPercent
      }
    }
  }
`);

/** Reading position is sent at most this often while scrolling. */
const PROGRESS_DEBOUNCE_MS = 1500;

function scrolledPercent(article: HTMLElement): number {
  const top = article.getBoundingClientRect().top + window.scrollY;
  const readable = Math.max(1, article.offsetHeight - window.innerHeight * 0.5);
  const read = window.scrollY + window.innerHeight * 0.5 - top;
  return Math.max(0, Math.min(100, Math.round((read / readable) * 100)));
}

export function LessonPage({ courseSlug, lessonSlug }: { courseSlug: string; lessonSlug: string }) {
  usePageTitle('page.lesson');
  const t = useT();
  const { request, queue, queryClient } = useServices();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['lesson', courseSlug, lessonSlug],
    queryFn: () => request(LessonPageQuery, { courseSlug, lessonSlug }),
    staleTime: Infinity,
  });
  const [noteAccepted, setNoteAccepted] = useState(false);
  const [finished, setFinished] = useState(false);
  const articleRef = useRef<HTMLElement>(null);
  const sent = useRef(0);
  const started = useRef(Date.now());

  const lesson = query.data?.lessonBySlug;
  const path = query.data?.myLearning.find((item) => item.courseSlug === courseSlug);
  const index = path?.lessons.findIndex((l) => l.slug === lessonSlug) ?? -1;
  const mine = index >= 0 ? path!.lessons[index] : undefined;
  const next = index >= 0 ? path!.lessons[index + 1] : undefined;
  // The note is a gate before the first reading; a learner returning to a lesson they started goes straight back in.
  const gated = !!lesson?.contentNote && !noteAccepted && (!mine || mine.status === 'NOT_STARTED');

  // Opening the lesson, and returning to where the learner left off (on any device: the position comes from the server).
  useEffect(() => {
    if (!lesson || gated) return;
    void recordProgress(request, queue, { lessonId: lesson.id, event: 'STARTED' });
    const resumeAt = mine?.positionPercent ?? 0;
    sent.current = resumeAt;
    if (resumeAt > 0 && resumeAt < 100 && articleRef.current) {
      const article = articleRef.current;
      const top = article.getBoundingClientRect().top + window.scrollY;
      const readable = Math.max(1, article.offsetHeight - window.innerHeight * 0.5);
      window.scrollTo({ top: top + (resumeAt / 100) * readable - window.innerHeight * 0.5, behavior: 'instant' });
    }
    // Only once per lesson and gate opening.
  }, [lesson?.id, gated]);

  useEffect(() => {
    if (!lesson || gated) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!articleRef.current) return;
        const percent = scrolledPercent(articleRef.current);
        // Progress never moves backwards on the server either; only send what moves it forward.
        if (percent <= sent.current) return;
        sent.current = percent;
        const secondsSpent = Math.min(900, Math.round((Date.now() - started.current) / 1000));
        started.current = Date.now();
        void recordProgress(request, queue, { lessonId: lesson.id, event: 'PROGRESS', positionPercent: percent, secondsSpent });
      }, PROGRESS_DEBOUNCE_MS);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
    };
  }, [lesson, gated, request, queue]);

  // Rewritten once per lesson, not on every render (the body can be long).
  const bodyHtml = useMemo(() => (lesson ? neutralLessonLinks(lesson.bodyHtml) : ''), [lesson]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  if (!lesson) return null;

  const finish = async () => {
    setFinished(true);
    const secondsSpent = Math.min(900, Math.round((Date.now() - started.current) / 1000));
    await recordProgress(request, queue, { lessonId: lesson.id, event: 'COMPLETED', positionPercent: 100, secondsSpent });
    void queryClient.invalidateQueries({ queryKey: ['myLearning'] });
  };

  return (
    <>
      <p>
        <Link to={coursePath(courseSlug)}>{t('lesson.backToCourse')}</Link>
      </p>
      <h1>{lesson.title}</h1>
      <p className="meta">{t('course.minutes', { minutes: lesson.estimatedMinutes })}</p>
      {gated ? (
        <section className="content-note" aria-labelledby="content-note-title">
          <h2 id="content-note-title">{t('lesson.contentNoteTitle')}</h2>
          <p>{lesson.contentNote}</p>
          <p>{t('lesson.contentNoteHelp')}</p>
          <div className="actions">
            <button type="button" onClick={() => setNoteAccepted(true)}>
              {t('lesson.contentNoteContinue')}
            </button>
            <Link to={coursePath(courseSlug)}>{t('lesson.contentNoteLater')}</Link>
          </div>
        </section>
      ) : (
        <>
          <section aria-labelledby="objectives-title" className="objectives">
            <h2 id="objectives-title">{t('lesson.objectives')}</h2>
            <ul>
              {lesson.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
          </section>
          <article
            ref={articleRef}
            className="lesson-body"
            onClick={(event) => {
              // Links between lessons stay inside the app instead of reloading the page.
              const link = (event.target as HTMLElement).closest('a');
              const href = link?.getAttribute('href');
              if (href?.startsWith('/') && !event.metaKey && !event.ctrlKey) {
                event.preventDefault();
                void navigate(href);
              }
            }}
            dangerouslySetInnerHTML={{ __html: bodyHtml }}
          />
          <section aria-labelledby="sources-title" className="sources">
            <h2 id="sources-title">{t('lesson.sources')}</h2>
            <ul>
              {lesson.sources.map((source) => (
                <li key={source.url}>
                  <a href={source.url} rel="noreferrer noopener" target="_blank">
                    {source.title}
                  </a>
                </li>
              ))}
            </ul>
            <p className="meta">{lesson.disclaimer}</p>
          </section>
          {lesson.reflectionPrompts.map((prompt) => (
            <ReflectionForm key={prompt.id} lessonId={lesson.id} courseSlug={courseSlug} lessonSlug={lessonSlug} prompt={prompt} />
          ))}
          <section aria-labelledby="next-title" className="next-step">
            <h2 id="next-title">{t('lesson.nextStep')}</h2>
            {finished || mine?.status === 'COMPLETED' || mine?.status === 'AWAITING_QUIZ' ? (
              <p role="status">{t('lesson.finished')}</p>
            ) : (
              <button type="button" onClick={() => void finish()}>
                {t('lesson.finish')}
              </button>
            )}
            {lesson.quiz ? (
              <p>
                <Link className="button" to={quizPath(courseSlug, lessonSlug)}>
                  {t('lesson.toQuiz')}
                </Link>
              </p>
            ) : next ? (
              <p>
                <Link className="button" to={lessonPath(courseSlug, next.slug)}>
                  {t('lesson.nextLesson', { lesson: next.title })}
                </Link>
              </p>
            ) : (
              <p>
                <Link to="/">{t('nav.backHome')}</Link>
              </p>
            )}
          </section>
        </>
      )}
    </>
  );
}
