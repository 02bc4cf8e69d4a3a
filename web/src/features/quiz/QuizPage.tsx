import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useServices, useSession } from '../../app/services';
import { ErrorMessage, Loading, usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import type { QuizAttemptFieldsFragment } from '../../gql/graphql';
import { useT } from '../../i18n/useT';
import { coursePath, lessonPath } from '../../lib/neutral-paths';

graphql(`
  fragment QuizAttemptFields on QuizAttempt {
    id
    number
    status
    score
    passed
    passingScore
    maxAttempts
    showFeedback
    questions {
      id
      kind
      prompt
      options {
        id
        text
      }
    }
    savedAnswers {
      questionId
      optionIds
    }
    feedback {
      questionId
      correct
      correctOptionIds
      chosenOptionIds
      rationale
    }
    standing {
      attemptsAllowed
      attemptsRemaining
      passed
    }
  }
`);

export const QuizPageQuery = graphql(`
  query QuizPage($courseSlug: String!, $lessonSlug: String!) {
    lessonBySlug(courseSlug: $courseSlug, lessonSlug: $lessonSlug) {
      id
      title
      quiz {
        id
        passingScore
        maxAttempts
        questionCount
      }
    }
  }
`);

const QuizHistoryQuery = graphql(`
  query QuizHistory($quizId: ID!) {
    quizAttempts(quizId: $quizId) {
      nextAttemptAvailableAt
      attempts {
        id
        status
      }
      standing {
        attemptsAllowed
        attemptsRemaining
        attemptsUsed
        passed
        score
      }
    }
  }
`);

const StartQuizMutation = graphql(`
  mutation StartQuiz($quizId: ID!) {
    startQuizAttempt(quizId: $quizId) {
      ...QuizAttemptFields
    }
  }
`);

const SaveAnswersMutation = graphql(`
  mutation SaveAnswers($attemptId: ID!, $answers: [QuizAnswerInput!]!) {
    saveQuizAnswers(attemptId: $attemptId, answers: $answers) {
      id
      savedAt
    }
  }
`);

const SubmitQuizMutation = graphql(`
  mutation SubmitQuiz($attemptId: ID!, $answers: [QuizAnswerInput!]!, $idempotencyKey: String!) {
    submitQuizAttempt(attemptId: $attemptId, answers: $answers, idempotencyKey: $idempotencyKey) {
      ...QuizAttemptFields
    }
  }
`);

type Answers = Record<string, string[]>;

export function QuizPage({ courseSlug, lessonSlug }: { courseSlug: string; lessonSlug: string }) {
  usePageTitle('page.quiz');
  const t = useT();
  const { request, queue, queryClient } = useServices();
  const role = useSession()?.user.role;
  const lessonQuery = useQuery({ queryKey: ['quiz', courseSlug, lessonSlug], queryFn: () => request(QuizPageQuery, { courseSlug, lessonSlug }) });
  const quiz = lessonQuery.data?.lessonBySlug.quiz;
  const history = useQuery({ queryKey: ['quizHistory', quiz?.id], queryFn: () => request(QuizHistoryQuery, { quizId: quiz!.id }), enabled: !!quiz });
  const [attempt, setAttempt] = useState<QuizAttemptFieldsFragment | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const submitKey = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const start = useMutation({
    mutationFn: () => request(StartQuizMutation, { quizId: quiz!.id }),
    onSuccess: ({ startQuizAttempt }) => {
      setAttempt(startQuizAttempt);
      setAnswers(Object.fromEntries(startQuizAttempt.savedAnswers.map((a) => [a.questionId, a.optionIds])));
      submitKey.current = crypto.randomUUID();
    },
  });
  const submit = useMutation({
    mutationFn: (current: QuizAttemptFieldsFragment) =>
      request(SubmitQuizMutation, { attemptId: current.id, answers: toInput(answers), idempotencyKey: submitKey.current ?? crypto.randomUUID() }),
    onSuccess: ({ submitQuizAttempt }) => {
      setAttempt(submitQuizAttempt);
      void queryClient.invalidateQueries({ queryKey: ['quizHistory'] });
      void queryClient.invalidateQueries({ queryKey: ['myLearning'] });
      requestAnimationFrame(() => headingRef.current?.focus());
    },
  });

  if (lessonQuery.isPending) return <Loading />;
  if (lessonQuery.isError) return <ErrorMessage error={lessonQuery.error} />;
  if (!quiz) return <p>{t('quiz.none')}</p>;

  const choose = (questionId: string, optionId: string, multiple: boolean, checked: boolean) => {
    const current = answers[questionId] ?? [];
    const chosen = multiple ? (checked ? [...current, optionId] : current.filter((id) => id !== optionId)) : [optionId];
    const nextAnswers = { ...answers, [questionId]: chosen };
    setAnswers(nextAnswers);
    if (!attempt) return;
    const attemptId = attempt.id;
    void queue.save({
      id: crypto.randomUUID(),
      replaces: `answers:${attemptId}`,
      send: async () => {
        await request(SaveAnswersMutation, { attemptId, answers: toInput(nextAnswers) });
      },
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (attempt) submit.mutate(attempt);
  };

  const standing = history.data?.quizAttempts.standing;
  const open = history.data?.quizAttempts.attempts.some((a) => a.status === 'IN_PROGRESS');
  const whomToAsk = role === 'STAFF' ? t('quiz.askAdmin') : t('quiz.askCounselor');
  const intro = (
    <p className="meta">
      {t('quiz.passingScore', { score: quiz.passingScore })}
      {standing ? ` · ${t('quiz.attemptsLeft', { left: standing.attemptsRemaining, total: standing.attemptsAllowed })}` : ''}
    </p>
  );

  if (attempt?.status === 'SUBMITTED') {
    const remaining = attempt.standing?.attemptsRemaining ?? 0;
    return (
      <>
        <h1 ref={headingRef} tabIndex={-1}>
          {attempt.passed ? t('quiz.passed') : t('quiz.notPassed')}
        </h1>
        <p>{t('quiz.score', { score: attempt.score ?? 0, passing: attempt.passingScore })}</p>
        <p>{t('quiz.attemptsLeft', { left: remaining, total: attempt.maxAttempts })}</p>
        {attempt.feedback ? (
          <ol className="feedback">
            {attempt.questions.map((question) => {
              const feedback = attempt.feedback!.find((f) => f.questionId === question.id);
              if (!feedback) return null;
              const text = (ids: string[]) => question.options.filter((o) => ids.includes(o.id)).map((o) => o.text).join('; ');
              return (
                <li key={question.id} className={feedback.correct ? 'correct' : 'incorrect'}>
                  <p className="feedback__prompt">{question.prompt}</p>
                  <p>
                    <strong>{feedback.correct ? t('quiz.correct') : t('quiz.incorrect')}</strong> {t('quiz.yourAnswer', { answer: text(feedback.chosenOptionIds) || '—' })}
                  </p>
                  {!feedback.correct ? <p>{t('quiz.rightAnswer', { answer: text(feedback.correctOptionIds) })}</p> : null}
                  <p>{feedback.rationale}</p>
                </li>
              );
            })}
          </ol>
        ) : null}
        {attempt.passed ? (
          <Link className="button" to={coursePath(courseSlug)}>
            {t('quiz.continue')}
          </Link>
        ) : remaining > 0 ? (
          <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
            {t('quiz.retry')}
          </button>
        ) : (
          <p className="notice">{t('quiz.outOfAttempts', { whom: whomToAsk })}</p>
        )}
        <p>
          <Link to={lessonPath(courseSlug, lessonSlug)}>{t('quiz.backToLesson')}</Link>
        </p>
      </>
    );
  }

  if (!attempt) {
    const canStart = !standing || standing.attemptsRemaining > 0 || open;
    return (
      <>
        <h1>{t('quiz.title')}</h1>
        {intro}
        <p>{t('quiz.questions', { count: quiz.questionCount })}</p>
        {start.isError ? <ErrorMessage error={start.error} /> : null}
        {standing?.passed ? <p>{t('quiz.alreadyPassed')}</p> : null}
        {canStart ? (
          <button type="button" onClick={() => start.mutate()} disabled={start.isPending || !history.isSuccess}>
            {open ? t('quiz.resume') : t('quiz.start')}
          </button>
        ) : (
          <p className="notice">{t('quiz.outOfAttempts', { whom: whomToAsk })}</p>
        )}
        <p>
          <Link to={lessonPath(courseSlug, lessonSlug)}>{t('quiz.backToLesson')}</Link>
        </p>
      </>
    );
  }

  const unanswered = attempt.questions.filter((q) => !(answers[q.id]?.length)).length;
  return (
    <>
      <h1>{t('quiz.attemptTitle', { number: attempt.number })}</h1>
      {intro}
      <form onSubmit={onSubmit} className="quiz">
        {attempt.questions.map((question, i) => {
          const multiple = question.kind === 'MULTIPLE_CHOICE';
          return (
            <fieldset key={question.id}>
              <legend>
                {t('quiz.questionNumber', { number: i + 1 })} {question.prompt}
                {multiple && !/all that apply/i.test(question.prompt) ? <span className="hint"> {t('quiz.chooseAll')}</span> : null}
              </legend>
              {question.options.map((option) => {
                const id = `${question.id}-${option.id}`;
                return (
                  <div className="option" key={option.id}>
                    <input
                      id={id}
                      type={multiple ? 'checkbox' : 'radio'}
                      name={question.id}
                      value={option.id}
                      checked={answers[question.id]?.includes(option.id) ?? false}
                      onChange={(event) => choose(question.id, option.id, multiple, event.target.checked)}
                    />
                    <label htmlFor={id}>{option.text}</label>
                  </div>
                );
              })}
            </fieldset>
          );
        })}
        {submit.isError ? <ErrorMessage error={submit.error} /> : null}
        {unanswered ? <p className="hint">{t('quiz.unanswered', { count: unanswered })}</p> : null}
        <button type="submit" disabled={submit.isPending}>
          {t('quiz.submit')}
        </button>
      </form>
    </>
  );
}

function toInput(answers: Answers) {
  return Object.entries(answers).map(([questionId, optionIds]) => ({ questionId, optionIds }));
}
