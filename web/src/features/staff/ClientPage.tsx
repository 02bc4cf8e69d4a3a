import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import type { ClientProgressQuery } from '../../gql/graphql';
import { useT } from '../../i18n/useT';
import { GraphQLRequestError } from '../../lib/graphql';
import { StaffPage, percent } from './common';

const ClientProgressDocument = graphql(`
  query ClientProgress($learnerId: ID!) {
    learnerProgress(learnerId: $learnerId) {
      learner {
        id
        displayName
        role
        email
      }
      items {
        enrollmentId
        courseSlug
        courseTitle
        status
        percent
        dueAt
        completedAt
        note
        source
        lessons {
          lessonId
          slug
          title
          status
          positionPercent
          assigned
          quizId
          outOfAttempts
        }
      }
    }
  }
`);

const ClientRecordsDocument = graphql(`
  query ClientRecords($learnerId: ID!) {
    reflections(learnerId: $learnerId, first: 20) {
      nodes {
        id
        courseSlug
        lessonSlug
        text
        flagged
        flagReasons
        awaitingReview
        updatedAt
        reviews {
          at
          comment
        }
      }
    }
    learnerCompletionRecords(learnerId: $learnerId, first: 20) {
      nodes {
        id
        courseTitle
        completedAt
        status
        revokedReason
      }
    }
  }
`);

const ClientConsentsDocument = graphql(`
  query ClientConsents($patientId: ID!) {
    familyConsents(patientId: $patientId) {
      nodes {
        id
        active
        recipientName
        scopes
        purpose
        signedAt
        expiresAt
        expiryEvent
        method
        paperReference
        revokedAt
      }
    }
  }
`);

const AttemptsDocument = graphql(`
  query ClientQuizAttempts($learnerId: ID!, $quizId: ID!) {
    quizAttempts(learnerId: $learnerId, quizId: $quizId) {
      standing {
        attemptsAllowed
        attemptsUsed
        attemptsRemaining
        passed
        outOfAttempts
        score
      }
      attempts {
        id
        number
        status
        score
        passed
        submittedAt
      }
    }
  }
`);

const GrantAttemptsDocument = graphql(`
  mutation GrantQuizAttempts($learnerId: ID!, $quizId: ID!, $extra: Int!, $reason: String!) {
    grantQuizAttempts(learnerId: $learnerId, quizId: $quizId, extra: $extra, reason: $reason) {
      standing {
        attemptsRemaining
        outOfAttempts
      }
    }
  }
`);

const EmergencyAccessDocument = graphql(`
  mutation OpenEmergencyAccess($clientId: ID!, $reason: String!) {
    openEmergencyAccess(clientId: $clientId, reason: $reason) {
      id
      expiresAt
    }
  }
`);

const RevokeClientConsentDocument = graphql(`
  mutation RevokeClientConsent($id: ID!) {
    revokeFamilyConsent(id: $id) {
      id
      active
    }
  }
`);

/** Break the glass: a client outside the care team, seen for a short window with a reason that is audited. */
function EmergencyAccess({ clientId, onOpened }: { clientId: string; onOpened: () => void }) {
  const t = useT();
  const { request } = useServices();
  const open = useMutation({ mutationFn: (reason: string) => request(EmergencyAccessDocument, { clientId, reason }), onSuccess: onOpened });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    open.mutate(String(new FormData(event.currentTarget).get('reason')).trim());
  };
  return (
    <section aria-labelledby="emergency-title" className="card">
      <h2 id="emergency-title">{t('staff.client.emergencyTitle')}</h2>
      <p>{t('staff.client.emergencyIntro')}</p>
      <form onSubmit={submit}>
        <label htmlFor="emergency-reason">{t('staff.client.emergencyReason')}</label>
        <textarea id="emergency-reason" name="reason" required minLength={10} rows={3} />
        {open.isError ? <ErrorMessage error={open.error} /> : null}
        <button type="submit" disabled={open.isPending}>
          {t('staff.client.emergencyOpen')}
        </button>
      </form>
    </section>
  );
}

function QuizAttempts({ learnerId, quizId, lessonTitle, stuck }: { learnerId: string; quizId: string; lessonTitle: string; stuck: boolean }) {
  const t = useT();
  const { request } = useServices();
  const [open, setOpen] = useState(stuck);
  const attempts = useQuery({ queryKey: ['clientAttempts', learnerId, quizId], queryFn: () => request(AttemptsDocument, { learnerId, quizId }), enabled: open });
  const [done, setDone] = useState<string | null>(null);
  const grant = useMutation({
    mutationFn: (v: { extra: number; reason: string }) => request(GrantAttemptsDocument, { learnerId, quizId, ...v }),
    onSuccess: (r) => {
      setDone(t('staff.client.granted', { left: r.grantQuizAttempts.standing.attemptsRemaining }));
      void attempts.refetch();
    },
  });
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)} aria-label={t('staff.client.showAttemptsFor', { lesson: lessonTitle })}>
        {t('staff.client.showAttempts')}
      </button>
    );
  if (attempts.isPending) return <Loading />;
  if (attempts.isError) return <ErrorMessage error={attempts.error} />;
  const { standing, attempts: list } = attempts.data.quizAttempts;
  const onGrant = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    grant.mutate({ extra: Number(form.get('extra')), reason: String(form.get('reason')).trim() });
  };
  return (
    <div className="attempts">
      <p className="meta">{t('staff.client.standing', { used: standing.attemptsUsed, allowed: standing.attemptsAllowed, score: percent(standing.score) })}</p>
      {list.length ? (
        <ol className="plain">
          {list.map((a) => (
            <li key={a.id}>
              {t('staff.client.attempt', { number: a.number, score: percent(a.score), result: a.status === 'SUBMITTED' ? t(a.passed ? 'staff.client.passed' : 'staff.client.notPassed') : t('staff.client.inProgress') })}
              {a.submittedAt ? ` · ${t.dateTime(a.submittedAt)}` : ''}
            </li>
          ))}
        </ol>
      ) : null}
      {!standing.passed ? (
        <form onSubmit={onGrant} className="grant" aria-label={t('staff.client.grantFor', { lesson: lessonTitle })}>
          <label htmlFor={`extra-${quizId}`}>{t('staff.client.extra')}</label>
          <input id={`extra-${quizId}`} name="extra" type="number" min={1} max={5} defaultValue={1} required />
          <label htmlFor={`reason-${quizId}`}>{t('staff.client.grantReason')}</label>
          <input id={`reason-${quizId}`} name="reason" required minLength={3} />
          {grant.isError ? <ErrorMessage error={grant.error} /> : null}
          {done ? <p role="status">{done}</p> : null}
          <button type="submit" disabled={grant.isPending}>
            {t('staff.client.grant')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function Progress({ data }: { data: ClientProgressQuery['learnerProgress'] }) {
  const t = useT();
  const learnerId = data.learner.id;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t('staff.client.progress')}</h2>
      {data.items.length === 0 ? <p>{t('staff.caseload.nothingAssigned')}</p> : null}
      {data.items.map((item) => (
        <article key={item.enrollmentId} className="card" aria-labelledby={`course-${item.enrollmentId}`}>
          <h3 id={`course-${item.enrollmentId}`}>{item.courseTitle}</h3>
          <p className="meta">
            {t(`staff.status.${item.status}`)} · {t('staff.percent', { percent: item.percent / 100 })}
            {item.dueAt ? ` · ${t('staff.due', { date: t.date(item.dueAt) })}` : ''}
            {item.completedAt ? ` · ${t('staff.completedOn', { date: t.date(item.completedAt) })}` : ''}
          </p>
          {item.note ? <p className="meta">{t('staff.client.note', { note: item.note })}</p> : null}
          <table className="data">
            <caption className="visually-hidden">{t('staff.client.lessonsOf', { course: item.courseTitle })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.col.lesson')}</th>
                <th scope="col">{t('staff.col.status')}</th>
                <th scope="col">{t('staff.col.read')}</th>
                <th scope="col">{t('staff.col.quiz')}</th>
              </tr>
            </thead>
            <tbody>
              {item.lessons.map((l) => (
                <tr key={l.lessonId}>
                  <th scope="row">
                    {l.title}
                    {l.assigned ? null : <span className="meta"> {t('staff.client.notAssigned')}</span>}
                  </th>
                  <td>
                    {t(`staff.lessonStatus.${l.status}`)}
                    {l.outOfAttempts ? <span className="tag tag--warn">{t('staff.client.outOfAttempts')}</span> : null}
                  </td>
                  <td>{l.positionPercent}%</td>
                  <td>{l.quizId ? <QuizAttempts learnerId={learnerId} quizId={l.quizId} lessonTitle={l.title} stuck={l.outOfAttempts} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}

function Consents({ patientId }: { patientId: string }) {
  const t = useT();
  const { request } = useServices();
  const consents = useQuery({ queryKey: ['clientConsents', patientId], queryFn: () => request(ClientConsentsDocument, { patientId }) });
  const revoke = useMutation({ mutationFn: (id: string) => request(RevokeClientConsentDocument, { id }), onSuccess: () => void consents.refetch() });
  return (
    <section aria-labelledby="consents-title">
      <h2 id="consents-title">{t('staff.client.consents')}</h2>
      <p>
        <Link to={`/staff/clients/${patientId}/consents/new`}>{t('staff.client.recordConsent')}</Link>
      </p>
      {consents.isPending ? <Loading /> : null}
      {consents.isError ? <ErrorMessage error={consents.error} /> : null}
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      {consents.data?.familyConsents.nodes.length === 0 ? <p>{t('staff.client.noConsents')}</p> : null}
      <ul className="cards">
        {consents.data?.familyConsents.nodes.map((c) => (
          <li key={c.id} className="card">
            <h3>{t('staff.client.consentTo', { name: c.recipientName })}</h3>
            <dl>
              <dt>{t('staff.consent.scopes')}</dt>
              <dd>{c.scopes.map((s) => t(`staff.scope.${s}`)).join(', ')}</dd>
              <dt>{t('staff.consent.purpose')}</dt>
              <dd>{c.purpose}</dd>
              <dt>{t('staff.consent.signedAt')}</dt>
              <dd>{t.date(c.signedAt)}</dd>
              <dt>{t('staff.consent.until')}</dt>
              <dd>{[c.expiresAt ? t.date(c.expiresAt) : null, c.expiryEvent].filter(Boolean).join(' · ')}</dd>
              <dt>{t('staff.consent.method')}</dt>
              <dd>
                {t(`staff.consent.method.${c.method}`)}
                {c.paperReference ? ` · ${c.paperReference}` : ''}
              </dd>
              <dt>{t('staff.col.status')}</dt>
              <dd>{c.active ? t('staff.consent.active') : c.revokedAt ? t('staff.consent.revokedOn', { date: t.date(c.revokedAt) }) : t('staff.consent.ended')}</dd>
            </dl>
            {c.active ? (
              <button type="button" className="secondary" onClick={() => revoke.mutate(c.id)} disabled={revoke.isPending} aria-label={t('staff.consent.revokeFor', { name: c.recipientName })}>
                {t('staff.consent.revoke')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Records({ learnerId }: { learnerId: string }) {
  const t = useT();
  const { request } = useServices();
  const records = useQuery({ queryKey: ['clientRecords', learnerId], queryFn: () => request(ClientRecordsDocument, { learnerId }) });
  if (records.isPending) return <Loading />;
  if (records.isError) return <ErrorMessage error={records.error} />;
  const { reflections, learnerCompletionRecords } = records.data;
  return (
    <>
      <section aria-labelledby="reflections-title">
        <h2 id="reflections-title">{t('staff.client.reflections')}</h2>
        {reflections.nodes.length === 0 ? <p>{t('staff.client.noReflections')}</p> : null}
        <ul className="cards">
          {reflections.nodes.map((r) => (
            <li key={r.id} className="card">
              <p className="meta">
                {t.dateTime(r.updatedAt)}
                {r.flagged ? <span className="tag tag--danger">{t('staff.review.flaggedAs', { categories: r.flagReasons.map((c) => t(`staff.risk.${c}`)).join(', ') })}</span> : null}
                {r.awaitingReview ? <span className="tag">{t('staff.review.awaiting')}</span> : null}
              </p>
              <p className="pre">{r.text}</p>
              {r.reviews.map((rv) => (
                <p key={rv.at} className="meta">
                  {t('staff.review.commented', { when: t.dateTime(rv.at), comment: rv.comment })}
                </p>
              ))}
              {r.awaitingReview ? <Link to={`/staff/review#reflection-${r.id}`}>{t('staff.client.reviewIt')}</Link> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="certificates-title">
        <h2 id="certificates-title">{t('staff.client.certificates')}</h2>
        {learnerCompletionRecords.nodes.length === 0 ? <p>{t('staff.client.noCertificates')}</p> : null}
        <ul className="plain">
          {learnerCompletionRecords.nodes.map((c) => (
            <li key={c.id}>
              {c.courseTitle} · {t.date(c.completedAt)} · {t(`staff.recordStatus.${c.status}`)}
              {c.revokedReason ? ` (${c.revokedReason})` : ''}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** One client: progress by course and lesson, attempts, reflections, consents and certificates. Every view is audited. */
export function ClientPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { request } = useServices();
  const queryClient = useQueryClient();
  const progress = useQuery({ queryKey: ['clientProgress', id], queryFn: () => request(ClientProgressDocument, { learnerId: id }), retry: false });
  const denied = progress.error instanceof GraphQLRequestError && (progress.error.code === 'NOT_FOUND' || progress.error.code === 'FORBIDDEN');

  return (
    <StaffPage titleId="staff.client.title" heading={progress.data?.learnerProgress.learner.displayName ?? t('staff.client.title')}>
      <p className="logged-note" role="note">
        {t('staff.client.logged')}
      </p>
      {progress.isPending ? <Loading /> : null}
      {denied ? (
        <>
          <p>{t('staff.client.outsideCareTeam')}</p>
          <EmergencyAccess clientId={id} onOpened={() => void queryClient.invalidateQueries({ queryKey: ['clientProgress', id] })} />
        </>
      ) : progress.isError ? (
        <ErrorMessage error={progress.error} />
      ) : null}
      {progress.data ? (
        <>
          <p className="meta">
            {t(`staff.role.${progress.data.learnerProgress.learner.role}`)}
            {progress.data.learnerProgress.learner.email ? ` · ${progress.data.learnerProgress.learner.email}` : ''}
          </p>
          <p className="actions">
            <Link className="button" to={`/staff/assign?learner=${id}`}>
              {t('staff.client.assign')}
            </Link>
          </p>
          <Progress data={progress.data.learnerProgress} />
          <Records learnerId={id} />
          {progress.data.learnerProgress.learner.role === 'PATIENT' ? <Consents patientId={id} /> : null}
        </>
      ) : null}
    </StaffPage>
  );
}
