import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useServices } from '../../app/services';
import { usePageTitle } from '../../components/Page';
import { useT } from '../../i18n/useT';

export function SignInPage() {
  usePageTitle('page.signIn');
  const t = useT();
  const { session } = useServices();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = params.get('reason');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await session.signIn(String(form.get('email')), String(form.get('password')));
      void navigate(params.get('next')?.startsWith('/') ? params.get('next')! : '/', { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      {reason === 'idle' ? <p role="status">{t('signIn.idle')}</p> : null}
      {reason === 'signed-out' ? <p role="status">{t('signIn.signedOut')}</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate={false}>
        {error ? (
          <p className="error" role="alert" id="sign-in-error">
            {error}
          </p>
        ) : null}
        <label htmlFor="email">{t('field.email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required aria-describedby={error ? 'sign-in-error' : undefined} />
        <label htmlFor="password">{t('field.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
    </section>
  );
}
