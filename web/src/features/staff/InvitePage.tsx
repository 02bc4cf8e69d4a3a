import { useMutation, useQuery } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useState, type FormEvent } from 'react';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import type { CreateInviteInput, CreateInviteMutation, Role } from '../../gql/graphql';
import { useT } from '../../i18n/useT';
import { isAdmin, StaffPage, useViewerRole } from './common';

const InvitePatientsDocument = graphql(`
  query InvitePatients {
    users(first: 100, role: PATIENT) {
      nodes {
        id
        displayName
      }
    }
  }
`);

const CreateInviteDocument = graphql(`
  mutation CreateInvite($input: CreateInviteInput!) {
    createInvite(input: $input) {
      id
      code
      email
      role
      emailSent
      expiresAt
    }
  }
`);

const ResendInviteDocument = graphql(`
  mutation ResendInvite($id: ID!) {
    resendInvite(id: $id) {
      id
      code
      email
      role
      emailSent
      expiresAt
    }
  }
`);

const RevokeInviteDocument = graphql(`
  mutation RevokeInvite($id: ID!) {
    revokeInvite(id: $id)
  }
`);

type Created = CreateInviteMutation['createInvite'];

/** The code, a QR code to scan in the room, and whether the invitation went out by mail; resend or withdraw it. */
function InviteResult({ invite, onChange }: { invite: Created; onChange: (next: Created | null) => void }) {
  const t = useT();
  const { request } = useServices();
  const link = `${window.location.origin}/invite/${invite.code}`;
  const resend = useMutation({ mutationFn: () => request(ResendInviteDocument, { id: invite.id }), onSuccess: (r) => onChange(r.resendInvite) });
  const [revoked, setRevoked] = useState(false);
  const revoke = useMutation({ mutationFn: () => request(RevokeInviteDocument, { id: invite.id }), onSuccess: () => setRevoked(true) });
  return (
    <section aria-labelledby="invite-ready" className="card invite-result">
      <h2 id="invite-ready">{revoked ? t('staff.invite.revoked') : t('staff.invite.ready', { email: invite.email })}</h2>
      {revoked ? null : (
        <div className="invite-result__body">
          <QRCodeSVG value={link} size={176} marginSize={2} title={t('staff.invite.qrTitle')} role="img" aria-label={t('staff.invite.qrTitle')} />
          <div>
            <p>
              {t('staff.invite.code')} <code className="invite-code">{invite.code}</code>
            </p>
            <p>
              {t('staff.invite.link')} <code>{link}</code>
            </p>
            <p className="meta">{t('staff.invite.expires', { when: t.dateTime(invite.expiresAt) })}</p>
            <p role="status">{invite.emailSent ? t('staff.invite.mailed', { email: invite.email }) : t('staff.invite.notMailed')}</p>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => resend.mutate()} disabled={resend.isPending}>
                {t('staff.invite.resend')}
              </button>
              <button type="button" className="secondary" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
                {t('staff.invite.revoke')}
              </button>
            </div>
            {resend.isError ? <ErrorMessage error={resend.error} /> : null}
            {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
          </div>
        </div>
      )}
    </section>
  );
}

/** Clinicians invite patients and family members; admins invite admins, clinicians and staff. */
export function InvitePage() {
  const t = useT();
  const { request } = useServices();
  const admin = isAdmin(useViewerRole());
  const roles: Role[] = admin ? ['CLINICIAN', 'STAFF', 'ADMIN'] : ['PATIENT', 'FAMILY'];
  const [role, setRole] = useState<Role>(roles[0]);
  const [created, setCreated] = useState<Created | null>(null);
  const patients = useQuery({ queryKey: ['invitePatients'], queryFn: () => request(InvitePatientsDocument), enabled: role === 'FAMILY' });
  const create = useMutation({ mutationFn: (input: CreateInviteInput) => request(CreateInviteDocument, { input }), onSuccess: (r) => setCreated(r.createInvite) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const displayName = String(form.get('displayName') ?? '').trim();
    create.mutate({
      role,
      email: String(form.get('email')).trim(),
      displayName: displayName || undefined,
      patientId: role === 'FAMILY' ? String(form.get('patientId')) : undefined,
      relationship: role === 'FAMILY' ? String(form.get('relationship') ?? '').trim() || undefined : undefined,
    });
  };

  return (
    <StaffPage titleId="staff.invite.title">
      <form onSubmit={submit} className="wide-form">
        <fieldset>
          <legend>{t('staff.invite.who')}</legend>
          {roles.map((r) => (
            <div className="option" key={r}>
              <input type="radio" id={`role-${r}`} name="role" checked={role === r} onChange={() => setRole(r)} />
              <label htmlFor={`role-${r}`}>{t(`staff.role.${r}`)}</label>
            </div>
          ))}
        </fieldset>
        <label htmlFor="invite-email">{t('staff.field.email')}</label>
        <input id="invite-email" name="email" type="email" required autoComplete="off" />
        <label htmlFor="invite-name">{t('staff.invite.name')}</label>
        <input id="invite-name" name="displayName" autoComplete="off" />
        {role === 'FAMILY' ? (
          <>
            <label htmlFor="invite-patient">{t('staff.invite.patient')}</label>
            {patients.isPending ? <Loading /> : null}
            <select id="invite-patient" name="patientId" required>
              {patients.data?.users.nodes.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
            <label htmlFor="invite-relationship">{t('staff.invite.relationship')}</label>
            <input id="invite-relationship" name="relationship" />
          </>
        ) : null}
        {create.isError ? <ErrorMessage error={create.error} /> : null}
        <button type="submit" disabled={create.isPending}>
          {t('staff.invite.submit')}
        </button>
      </form>
      {created ? <InviteResult key={created.code} invite={created} onChange={setCreated} /> : null}
    </StaffPage>
  );
}
