import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { signOutHere, useServices, useSession } from '../../app/services';
import { NewPasswordFields, newPasswordProblem } from '../../components/NewPasswordFields';
import { usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';

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
    </>
  );
}
