import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import type { ConsentScope, GrantFamilyConsentInput } from '../../gql/graphql';
import { useT } from '../../i18n/useT';
import { StaffPage } from './common';

const ConsentPatientDocument = graphql(`
  query ConsentPatient($id: ID!) {
    patient(id: $id) {
      patient {
        id
        displayName
      }
      familyMembers {
        id
        displayName
      }
    }
    myOrganization {
      id
      name
    }
  }
`);

const RecordConsentDocument = graphql(`
  mutation RecordPaperConsent($input: GrantFamilyConsentInput!) {
    grantFamilyConsent(input: $input) {
      id
    }
  }
`);

/**
 * A consent the patient signed on paper, recorded with every element 42 CFR
 * §2.31 asks for: who discloses, to whom, what, why, until when, the right to
 * revoke, the patient's signature and its date.
 */
export function ConsentPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { request, queryClient } = useServices();
  const query = useQuery({ queryKey: ['consentPatient', id], queryFn: () => request(ConsentPatientDocument, { id }) });
  const [formError, setFormError] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: (input: GrantFamilyConsentInput) => request(RecordConsentDocument, { input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['clientConsents', id] });
      void navigate(`/staff/clients/${id}`);
    },
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const { patient, familyMembers } = query.data.patient;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scopes = form.getAll('scopes').map(String) as ConsentScope[];
    const until = String(form.get('until') ?? '');
    const untilEvent = String(form.get('untilEvent') ?? '').trim();
    if (!scopes.length) return setFormError(t('staff.consent.errorScopes'));
    if (!until && !untilEvent) return setFormError(t('staff.consent.errorUntil'));
    setFormError(null);
    record.mutate({
        patientId: id,
        familyMemberId: String(form.get('familyMemberId')),
        scopes,
        purpose: String(form.get('purpose')).trim(),
        expiresAt: until ? new Date(`${until}T23:59:59`).toISOString() : undefined,
        expiryEvent: untilEvent || undefined,
        signedAt: new Date(`${String(form.get('signedAt'))}T12:00:00`).toISOString(),
        paperReference: String(form.get('paperReference') ?? '').trim() || undefined,
        rightToRevokeAcknowledged: form.get('rightToRevoke') === 'on',
    });
  };

  return (
    <StaffPage titleId="staff.consent.title">
      <p>{t('staff.consent.intro', { patient: patient.displayName })}</p>
      {familyMembers.length === 0 ? (
        <p className="notice">{t('staff.consent.noFamily')}</p>
      ) : (
        <form onSubmit={submit} className="wide-form">
          <dl>
            <dt>{t('staff.consent.patient')}</dt>
            <dd>{patient.displayName}</dd>
            <dt>{t('staff.consent.discloser')}</dt>
            <dd>{query.data.myOrganization.name}</dd>
          </dl>
          <label htmlFor="familyMemberId">{t('staff.consent.recipient')}</label>
          <select id="familyMemberId" name="familyMemberId" required>
            {familyMembers.map((f) => (
              <option key={f.id} value={f.id}>
                {f.displayName}
              </option>
            ))}
          </select>
          <fieldset>
            <legend>{t('staff.consent.scopes')}</legend>
            {(['PROGRESS', 'COMPLETIONS'] as const).map((s) => (
              <div className="option" key={s}>
                <input type="checkbox" id={`scope-${s}`} name="scopes" value={s} />
                <label htmlFor={`scope-${s}`}>{t(`staff.scope.${s}`)}</label>
              </div>
            ))}
          </fieldset>
          <label htmlFor="purpose">{t('staff.consent.purpose')}</label>
          <input id="purpose" name="purpose" required />
          <fieldset>
            <legend>{t('staff.consent.until')}</legend>
            <label htmlFor="until">{t('staff.consent.untilDate')}</label>
            <input id="until" name="until" type="date" />
            <label htmlFor="untilEvent">{t('staff.consent.untilEvent')}</label>
            <input id="untilEvent" name="untilEvent" />
          </fieldset>
          <label htmlFor="signedAt">{t('staff.consent.signedAt')}</label>
          <input id="signedAt" name="signedAt" type="date" required />
          <label htmlFor="paperReference">{t('staff.consent.paperReference')}</label>
          <input id="paperReference" name="paperReference" aria-describedby="paper-hint" />
          <p className="hint" id="paper-hint">
            {t('staff.consent.paperHint')}
          </p>
          <div className="option">
            <input type="checkbox" id="rightToRevoke" name="rightToRevoke" required />
            <label htmlFor="rightToRevoke">{t('staff.consent.rightToRevoke')}</label>
          </div>
          {formError ? (
            <p className="error" role="alert">
              {formError}
            </p>
          ) : null}
          {record.isError ? <ErrorMessage error={record.error} /> : null}
          <div className="actions">
            <button type="submit" disabled={record.isPending}>
              {t('staff.consent.submit')}
            </button>
            <Link to={`/staff/clients/${id}`}>{t('staff.cancel')}</Link>
          </div>
        </form>
      )}
    </StaffPage>
  );
}
