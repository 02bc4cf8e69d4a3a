import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading, usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';

const FamilyConsentsQuery = graphql(`
  query FamilyConsents {
    familyConsents {
      nodes {
        id
        active
        patientId
        patientName
        scopes
      }
    }
  }
`);

const LinkedProgressQuery = graphql(`
  query LinkedProgress($learnerId: ID!) {
    learnerProgress(learnerId: $learnerId) {
      redisclosureNotice
      items {
        enrollmentId
        courseTitle
        status
        percent
        completedAt
      }
    }
  }
`);

function LinkedPatient({ patientId, patientName }: { patientId: string; patientName: string }) {
  const t = useT();
  const { request } = useServices();
  const progress = useQuery({ queryKey: ['linkedProgress', patientId], queryFn: () => request(LinkedProgressQuery, { learnerId: patientId }) });
  if (progress.isPending) return <Loading />;
  if (progress.isError) return <ErrorMessage error={progress.error} />;
  const { items, redisclosureNotice } = progress.data.learnerProgress;
  return (
    <section aria-labelledby={`p-${patientId}`} className="card">
      <h2 id={`p-${patientId}`}>{t('family.progressOf', { name: patientName })}</h2>
      {redisclosureNotice ? (
        <aside className="notice legal" aria-label={t('family.noticeLabel')}>
          <p>{redisclosureNotice}</p>
        </aside>
      ) : null}
      {items.length === 0 ? <p>{t('family.noCourses')}</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item.enrollmentId}>
            <strong>{item.courseTitle}</strong>: {item.completedAt ? t('family.completedOn', { date: t.date(item.completedAt) }) : t('family.percentDone', { percent: item.percent / 100 })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A family member's view of the patient they support: only under an active consent, with the §2.32 notice beside the data. */
export function FamilyPage() {
  usePageTitle('page.family');
  const t = useT();
  const { request } = useServices();
  const consents = useQuery({ queryKey: ['familyConsents'], queryFn: () => request(FamilyConsentsQuery) });
  if (consents.isPending) return <Loading />;
  if (consents.isError) return <ErrorMessage error={consents.error} />;
  const sharing = consents.data.familyConsents.nodes.filter((c) => c.active && c.scopes.includes('PROGRESS'));
  return (
    <>
      <h1>{t('family.title')}</h1>
      {sharing.length === 0 ? <p className="notice">{t('family.noConsent')}</p> : null}
      {sharing.map((consent) => (
        <LinkedPatient key={consent.id} patientId={consent.patientId} patientName={consent.patientName} />
      ))}
    </>
  );
}
