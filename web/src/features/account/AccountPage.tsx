import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { signOutHere, useServices, useSession } from '../../app/services';
import { NewPasswordFields, newPasswordProblem } from '../../components/NewPasswordFields';
import { usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import { saveFile } from '../../lib/save-file';
import { useT } from '../../i18n/useT';

const ExportMyRecordQuery = graphql(`
  query ExportMyRecord($id: ID!) {
    exportClientRecord(id: $id) {
      generatedAt
      document
      certificates {
        recordId
        fileName
        pdfBase64
      }
    }
  }
`);

type ExportedCertificate = { recordId: string; fileName: string; pdfBase64: string };

function pdfBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/pdf' });
}

/** A copy of everything the service holds about this person, as a file they keep (the right of access). */
function DownloadRecordSection({ userId }: { userId: string }) {
  const t = useT();
  const { request } = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [certificates, setCertificates] = useState<ExportedCertificate[] | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { exportClientRecord: copy } = await request(ExportMyRecordQuery, { id: userId });
      // Plain names, so a shared device's Downloads folder says nothing about the program.
      saveFile(`my-records-${String(copy.generatedAt).slice(0, 10)}.json`, new Blob([copy.document], { type: 'application/json' }));
      setCertificates(copy.certificates);
    } catch (e) {
      setError(e instanceof Error ? e.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="my-records-title">
      <h2 id="my-records-title">{t('account.records')}</h2>
      <p className="hint">{t('account.recordsHint')}</p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" onClick={() => void download()} disabled={busy}>
        {busy ? t('account.recordsPreparing') : t('account.recordsDownload')}
      </button>
      {certificates ? (
        <div role="status">
          <p>{t('account.recordsSaved', { count: certificates.length })}</p>
          {certificates.length ? (
            <ul>
              {certificates.map((c, i) => (
                <li key={c.recordId}>
                  <button type="button" className="link-button" onClick={() => saveFile(c.fileName, pdfBlob(c.pdfBase64))}>
                    {t('account.recordsCertificate', { n: i + 1 })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** Change the password here; every other device is signed out, this one stays. */
function ChangePasswordForm() {
  const t = useT();
  const { request } = useServices();
  const [status, setStatus] = useState<{ kind: 'done' | 'error'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get('password'));
    const problem = newPasswordProblem(form, t);
    if (problem) return setStatus({ kind: 'error', message: problem });
    setBusy(true);
    try {
      await request(ChangePasswordMutation, { currentPassword: String(form.get('currentPassword')), newPassword });
      formElement.reset();
      setStatus({ kind: 'done', message: t('account.passwordChanged') });
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : t('error.generic') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="change-password-title">
      <h2 id="change-password-title">{t('account.changePassword')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        {status ? (
          <p className={status.kind === 'error' ? 'error' : 'notice'} role={status.kind === 'error' ? 'alert' : 'status'}>
            {status.message}
          </p>
        ) : null}
        <label htmlFor="currentPassword">{t('account.currentPassword')}</label>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
        <NewPasswordFields />
        <button type="submit" disabled={busy}>
          {t('account.changePasswordSubmit')}
        </button>
      </form>
    </section>
  );
}

export function AccountPage() {
  usePageTitle('page.account');
  const t = useT();
  const services = useServices();
  const session = useSession();
  const navigate = useNavigate();
  const signOut = (everywhere: boolean) => void signOutHere(services, everywhere).then(() => navigate('/sign-in?reason=signed-out', { replace: true }));
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p>{t('account.signedInAs', { name: session?.user.displayName ?? '' })}</p>
      <div className="actions">
        <button type="button" onClick={() => signOut(false)}>
          {t('account.signOut')}
        </button>
        <button type="button" onClick={() => signOut(true)}>
          {t('account.signOutEverywhere')}
        </button>
      </div>
      <p className="hint">{t('account.everywhereHint')}</p>
      <ChangePasswordForm />
      {/* Clients (patients and family members) take a copy of their record; staff records are their employer's. */}
      {session && (session.user.role === 'PATIENT' || session.user.role === 'FAMILY') ? <DownloadRecordSection userId={session.user.id} /> : null}
    </>
  );
}
