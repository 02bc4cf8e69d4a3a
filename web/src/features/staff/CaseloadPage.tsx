import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import type { CaseloadQuery } from '../../gql/graphql';
import { useT } from '../../i18n/useT';
import { Pager, StaffPage, useCursorPages } from './common';

export const PAGE_SIZE = 25;

/**
 * One request per page: the page of clients with their items, and the review
 * queue's flagged reflections (to put those clients first) travel together.
 */
const CaseloadQueryDocument = graphql(`
  query Caseload($first: Int!, $after: String, $filter: CaseloadFilter) {
    caseload(first: $first, after: $after, filter: $filter) {
      nodes {
        learner {
          id
          displayName
          role
        }
        overdueCount
        stuckLessons {
          slug
          title
        }
        items {
          enrollmentId
          courseSlug
          courseTitle
          status
          percent
          dueAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    courses {
      slug
      title
    }
    reflectionReviewQueue(first: 100) {
      nodes {
        id
        learnerId
        flagged
        flagReasons
      }
    }
  }
`);

type Entry = CaseloadQuery['caseload']['nodes'][number] & { flagged: string[] };

/** Flagged reflections and stuck quizzes first, then overdue work, then everyone else by name. */
export function attentionOrder(a: Entry, b: Entry): number {
  const rank = (e: Entry) => (e.flagged.length || e.stuckLessons.length ? 0 : e.overdueCount ? 1 : 2);
  return rank(a) - rank(b) || b.overdueCount - a.overdueCount || a.learner.displayName.localeCompare(b.learner.displayName);
}

export function CaseloadPage() {
  const t = useT();
  const { request } = useServices();
  const pages = useCursorPages();
  const [course, setCourse] = useState('');
  const [status, setStatus] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  // Course and overdue filter on the server, before paging; status filters the page shown.
  const filter = { courseSlug: course || undefined, overdueOnly: overdueOnly || undefined };
  const query = useQuery({
    queryKey: ['caseload', pages.after, filter],
    queryFn: () => request(CaseloadQueryDocument, { first: PAGE_SIZE, after: pages.after, filter }),
    placeholderData: keepPreviousData,
  });

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const flaggedBy = new Map<string, string[]>();
  for (const r of query.data.reflectionReviewQueue.nodes) {
    if (r.flagged) flaggedBy.set(r.learnerId, [...(flaggedBy.get(r.learnerId) ?? []), ...r.flagReasons]);
  }
  const entries: Entry[] = query.data.caseload.nodes.map((n) => ({ ...n, flagged: [...new Set(flaggedBy.get(n.learner.id) ?? [])] }));
  const courses = query.data.courses;
  const shown = entries.filter((e) => !status || e.items.some((i) => (!course || i.courseSlug === course) && i.status === status)).sort(attentionOrder);

  return (
    <StaffPage titleId="staff.caseload.title">
      <p className="hint">{t('staff.caseload.intro')}</p>
      <form className="filters" aria-label={t('staff.filters')} onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="caseload-course">{t('staff.field.course')}</label>
          <select
            id="caseload-course"
            value={course}
            onChange={(e) => {
              setCourse(e.target.value);
              pages.reset();
            }}
          >
            <option value="">{t('staff.any')}</option>
            {courses.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="caseload-status">{t('staff.field.status')}</label>
          <select id="caseload-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('staff.any')}</option>
            {['NOT_STARTED', 'IN_PROGRESS', 'OVERDUE', 'COMPLETED'].map((s) => (
              <option key={s} value={s}>
                {t(`staff.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="option">
          <input id="caseload-overdue" type="checkbox" checked={overdueOnly} onChange={(e) => {
              setOverdueOnly(e.target.checked);
              pages.reset();
            }}
          />
          <label htmlFor="caseload-overdue">{t('staff.caseload.overdueOnly')}</label>
        </div>
      </form>
      <p className="hint">{t('staff.caseload.filterScope')}</p>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{t('staff.caseload.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.col.client')}</th>
              <th scope="col">{t('staff.col.attention')}</th>
              <th scope="col">{t('staff.col.courses')}</th>
              <th scope="col">{t('staff.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.learner.id}>
                <th scope="row">
                  <Link to={`/staff/clients/${e.learner.id}`}>{e.learner.displayName}</Link>
                  <div className="meta">{t(`staff.role.${e.learner.role}`)}</div>
                </th>
                <td>
                  <ul className="tags">
                    {e.flagged.length ? <li className="tag tag--danger">{t('staff.caseload.flagged', { categories: e.flagged.map((c) => t(`staff.risk.${c}`)).join(', ') })}</li> : null}
                    {e.stuckLessons.map((l) => (
                      <li key={l.slug} className="tag tag--warn">
                        {t('staff.caseload.stuck', { lesson: l.title })}
                      </li>
                    ))}
                    {e.overdueCount ? <li className="tag tag--warn">{t('staff.caseload.overdue', { count: e.overdueCount })}</li> : null}
                  </ul>
                </td>
                <td>
                  {e.items.length === 0 ? <span className="meta">{t('staff.caseload.nothingAssigned')}</span> : null}
                  <ul className="plain">
                    {e.items.map((i) => (
                      <li key={i.enrollmentId}>
                        {i.courseTitle}: {t(`staff.status.${i.status}`)} · {t('staff.percent', { percent: i.percent / 100 })}
                        {i.dueAt ? ` · ${t('staff.due', { date: t.date(i.dueAt) })}` : ''}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <Link to={`/staff/assign?learner=${e.learner.id}`} aria-label={t('staff.caseload.assign', { name: e.learner.displayName })}>
                    {t('staff.caseload.assignShort')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? <p>{t('staff.caseload.none')}</p> : null}
      <Pager pages={pages} hasNextPage={query.data.caseload.pageInfo.hasNextPage} endCursor={query.data.caseload.pageInfo.endCursor} label={t('staff.caseload.pages')} />
    </StaffPage>
  );
}
