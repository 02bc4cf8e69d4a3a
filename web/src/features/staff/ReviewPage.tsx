import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';
import { Pager, StaffPage, useCursorPages } from './common';

const ReviewQueueDocument = graphql(`
  query ReviewQueue($first: Int!, $after: String) {
    reflectionReviewQueue(first: $first, after: $after) {
      nodes {
        id
        learnerId
        learnerName
        courseSlug
        lessonSlug
        text
        flagged
        flagReasons
        reviewPendingSince
        versions {
          at
          text
          flagReasons
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ReviewReflectionDocument = graphql(`
  mutation ReviewReflection($id: ID!, $comment: String!) {
    reviewReflection(id: $id, comment: $comment) {
      id
      awaitingReview
    }
  }
`);

function ReviewForm({ id, learnerName, onDone }: { id: string; learnerName: string; onDone: () => void }) {
  const t = useT();
  const { request } = useServices();
  const review = useMutation({ mutationFn: (comment: string) => request(ReviewReflectionDocument, { id, comment }), onSuccess: onDone });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    review.mutate(String(new FormData(event.currentTarget).get('comment')).trim());
  };
  return (
    <form onSubmit={submit} aria-label={t('staff.review.formFor', { name: learnerName })}>
      <label htmlFor={`comment-${id}`}>{t('staff.review.comment')}</label>
      <textarea id={`comment-${id}`} name="comment" rows={3} required aria-describedby={`comment-hint-${id}`} />
      <p className="hint" id={`comment-hint-${id}`}>
        {t('staff.review.commentHint')}
      </p>
      {review.isError ? <ErrorMessage error={review.error} /> : null}
      <button type="submit" disabled={review.isPending}>
        {t('staff.review.markReviewed')}
      </button>
    </form>
  );
}

/** Reflections waiting for a reader: flagged ones first (with their categories), then the longest waiting. */
export function ReviewPage() {
  const t = useT();
  const { request } = useServices();
  const pages = useCursorPages();
  const [reviewed, setReviewed] = useState<string[]>([]);
  const queue = useQuery({ queryKey: ['reviewQueue', pages.after], queryFn: () => request(ReviewQueueDocument, { first: 20, after: pages.after }) });
  if (queue.isPending) return <Loading />;
  if (queue.isError) return <ErrorMessage error={queue.error} />;
  const nodes = queue.data.reflectionReviewQueue.nodes;
  return (
    <StaffPage titleId="staff.review.title">
      <p className="logged-note" role="note">
        {t('staff.review.logged')}
      </p>
      {reviewed.length ? <p role="status">{t('staff.review.reviewedCount', { count: reviewed.length })}</p> : null}
      {nodes.length === 0 ? <p>{t('staff.review.empty')}</p> : null}
      <ul className="cards">
        {nodes.map((r) => (
          <li key={r.id} id={`reflection-${r.id}`} className={`card${r.flagged ? ' card--flagged' : ''}`}>
            <h2>
              <Link to={`/staff/clients/${r.learnerId}`}>{r.learnerName ?? t('staff.col.client')}</Link>
            </h2>
            <p className="meta">
              {r.flagged ? <span className="tag tag--danger">{t('staff.review.flaggedAs', { categories: r.flagReasons.map((c) => t(`staff.risk.${c}`)).join(', ') })}</span> : null}
              {r.reviewPendingSince ? t('staff.review.waitingSince', { when: t.dateTime(r.reviewPendingSince) }) : null}
            </p>
            <p className="pre reflection-text">{r.text}</p>
            {r.versions.length > 1 ? (
              <details>
                <summary>{t('staff.review.earlier', { count: r.versions.length - 1 })}</summary>
                <ol className="plain">
                  {r.versions.slice(0, -1).map((v) => (
                    <li key={v.at}>
                      <span className="meta">{t.dateTime(v.at)}</span>
                      <p className="pre">{v.text}</p>
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
            {reviewed.includes(r.id) ? (
              <p role="status">{t('staff.review.done')}</p>
            ) : (
              <ReviewForm id={r.id} learnerName={r.learnerName ?? ''} onDone={() => setReviewed((ids) => [...ids, r.id])} />
            )}
          </li>
        ))}
      </ul>
      <Pager pages={pages} hasNextPage={queue.data.reflectionReviewQueue.pageInfo.hasNextPage} endCursor={queue.data.reflectionReviewQueue.pageInfo.endCursor} label={t('staff.review.pages')} />
    </StaffPage>
  );
}
