import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useServices, useSession } from '../../app/services';
import { ErrorMessage, Loading, usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import type { ConsentScope, GrantFamilyConsentInput } from '../../gql/graphql';
import { useT } from '../../i18n/useT';

export const PrivacyQuery = graphql(`
  query Privacy($patientId: ID!) {
    patient(id: $patientId) {
      familyMembers {
        id
        displayName
      }
    }
    familyConsents {
      nodes {
        id
        active
        recipientName
        discloserName
        scopes
        purpose
        expiresAt
        expiryEvent
        signedAt
        revokedAt
        method
      }
    }
  }
`);

const DisclosuresQuery = graphql(`
  query MyDisclosures {
    myDisclosures(first: 50) {
      nodes {
        id
        at
        recipient
        recipientName
        records
      }
    }
  }
`);

/** Every time someone outside the care team saw the patient's records, from the audit trail. */
function DisclosureHistory() {
  const t = useT();
  const { request } = useServices();
  const history = useQuery({ queryKey: ['disclosures'], queryFn: () => request(DisclosuresQuery) });
  return (
    <section aria-labelledby="disclosures-title">
      <h2 id="disclosures-title">{t('privacy.historyTitle')}</h2>
      <p className="hint">{t('privacy.historyIntro')}</p>
      {history.isError ? <ErrorMessage error={history.error} /> : null}
      {history.data && history.data.myDisclosures.nodes.length === 0 ? <p>{t('privacy.historyNone')}</p> : null}
      {history.data?.myDisclosures.nodes.length ? (
        <ul className="history">
          {history.data.myDisclosures.nodes.map((d) => (
            <li key={d.id}>
              {t('privacy.historyItem', {
                when: t.dateTime(d.at),
                who: d.recipient === 'FAMILY_MEMBER' ? (d.recipientName ?? t('privacy.someoneFamily')) : t('privacy.shareHolder'),
                what: t(`privacy.records.${d.records}`),
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

const GrantConsentMutation = graphql(`
  mutation GrantConsent($input: GrantFamilyConsentInput!) {
    grantFamilyConsent(input: $input) {
      id
    }
  }
`);

const RevokeConsentMutation = graphql(`
  mutation RevokeConsent($id: ID!) {
    revokeFamilyConsent(id: $id) {
      id
      active
    }
  }
`);

/** A patient's consents (42 CFR §2.31): grant in plain words, see, revoke. */
export function PrivacyPage() {
  usePageTitle('page.privacy');
  const t = useT();
  const patientId = useSession()?.user.id ?? '';
  const { request } = useServices();
  const query = useQuery({ queryKey: ['privacy', patientId], queryFn: () => request(PrivacyQuery, { patientId }) });
  const [formError, setFormError] = useState<string | null>(null);
  const grant = useMutation({
    mutationFn: (input: GrantFamilyConsentInput) => request(GrantConsentMutation, { input }),
    onSuccess: () => void query.refetch(),
  });
  const revoke = useMutation({ mutationFn: (id: string) => request(RevokeConsentMutation, { id }), onSuccess: () => void query.refetch() });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const { patient, familyConsents } = query.data;

  const onGrant = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scopes = form.getAll('scopes').map(String) as ConsentScope[];
    const until = String(form.get('until') ?? '');
    const untilEvent = String(form.get('untilEvent') ?? '').trim();
    if (!scopes.length) return setFormError(t('privacy.errorScopes'));
    if (!until && !untilEvent) return setFormError(t('privacy.errorUntil'));
    if (!form.get('rightToRevoke')) return setFormError(t('privacy.errorRevokeRight'));
    setFormError(null);
    grant.mutate({
      familyMemberId: String(form.get('familyMemberId')),
      scopes,
      purpose: String(form.get('purpose')),
      expiresAt: until ? new Date(`${until}T23:59:59`).toISOString() : undefined,
      expiryEvent: untilEvent || undefined,
      rightToRevokeAcknowledged: true,
    });
    event.currentTarget.reset();
  };

  return (
    <>
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>
      <section aria-labelledby="consents-title">
        <h2 id="consents-title">{t('privacy.consents')}</h2>
        {familyConsents.nodes.length === 0 ? <p>{t('privacy.noConsents')}</p> : null}
        <ul className="cards">
          {familyConsents.nodes.map((consent) => (
            <li key={consent.id} className="card">
              <h3>{consent.recipientName}</h3>
              <dl>
                <dt>{t('privacy.what')}</dt>
                <dd>{consent.scopes.map((s) => t(`privacy.scope.${s}`)).join(', ')}</dd>
                <dt>{t('privacy.why')}</dt>
                <dd>{consent.purpose}</dd>
                <dt>{t('privacy.until')}</dt>
                <dd>{[consent.expiresAt ? t.date(consent.expiresAt) : null, consent.expiryEvent].filter(Boolean).join(t('privacy.orWhicheverFirst'))}</dd>
                <dt>{t('privacy.from')}</dt>
                <dd>{consent.discloserName}</dd>
                <dt>{t('privacy.signed')}</dt>
                <dd>{t.date(consent.signedAt)}</dd>
              </dl>
              {consent.active ? (
                <button type="button" onClick={() => revoke.mutate(consent.id)} disabled={revoke.isPending}>
                  {t('privacy.revoke', { name: consent.recipientName })}
                </button>
              ) : (
                <p className="meta">{consent.revokedAt ? t('privacy.revokedOn', { date: t.date(consent.revokedAt) }) : t('privacy.ended')}</p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <DisclosureHistory />
      {patient.familyMembers.length ? (
        <section aria-labelledby="grant-title">
          <h2 id="grant-title">{t('privacy.grantTitle')}</h2>
          <form onSubmit={onGrant} className="consent-form">
            {formError || grant.isError ? (
              <p className="error" role="alert">
                {formError ?? (grant.error instanceof Error ? grant.error.message : '')}
              </p>
            ) : null}
            <label htmlFor="familyMemberId">{t('privacy.who')}</label>
            <select id="familyMemberId" name="familyMemberId" required>
              {patient.familyMembers.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.displayName}
                </option>
              ))}
            </select>
            <fieldset>
              <legend>{t('privacy.whatToShare')}</legend>
              <div className="option">
                <input type="checkbox" id="scope-progress" name="scopes" value="PROGRESS" />
                <label htmlFor="scope-progress">{t('privacy.scope.PROGRESS')}</label>
              </div>
              <div className="option">
                <input type="checkbox" id="scope-completions" name="scopes" value="COMPLETIONS" />
                <label htmlFor="scope-completions">{t('privacy.scope.COMPLETIONS')}</label>
              </div>
              <p className="hint">{t('privacy.neverShared')}</p>
            </fieldset>
            <label htmlFor="purpose">{t('privacy.purpose')}</label>
            <input id="purpose" name="purpose" required maxLength={300} />
            <fieldset>
              <legend>{t('privacy.untilWhen')}</legend>
              <label htmlFor="until">{t('privacy.untilDate')}</label>
              <input id="until" name="until" type="date" />
              <label htmlFor="untilEvent">{t('privacy.untilEvent')}</label>
              <input id="untilEvent" name="untilEvent" maxLength={200} />
            </fieldset>
            <div className="option">
              <input type="checkbox" id="rightToRevoke" name="rightToRevoke" value="yes" />
              <label htmlFor="rightToRevoke">{t('privacy.rightToRevoke')}</label>
            </div>
            <button type="submit" disabled={grant.isPending}>
              {t('privacy.grant')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
