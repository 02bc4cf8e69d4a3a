import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useServices } from '../../app/services';
import { NewPasswordFields, newPasswordProblem } from '../../components/NewPasswordFields';
import { usePageTitle } from '../../components/Page';
import { useT } from '../../i18n/useT';

/** /invite/:code — choose a name and password; the account is created and signed in. */
export function InvitePage() {
  usePageTitle('page.invite');
  const t = useT();
  const { code = '' } = useParams();
  const { session } = useServices();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    const problem = newPasswordProblem(form, t);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await session.acceptInvite({ code, email: String(form.get('email')), displayName: String(form.get('displayName')), password });
      void navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t('invite.title')}</h1>
      <p>{t('invite.intro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        {error ? (
          <p className="error" role="alert" id="invite-error">
            {error}
          </p>
        ) : null}
        <label htmlFor="displayName">{t('field.displayName')}</label>
        <input id="displayName" name="displayName" autoComplete="name" required maxLength={120} />
        <label htmlFor="email">{t('field.email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <NewPasswordFields />
        <button type="submit" disabled={busy}>
          {t('invite.submit')}
        </button>
      </form>
    </section>
  );
}
