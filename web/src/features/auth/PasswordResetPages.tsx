import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useServices } from '../../app/services';
import { NewPasswordFields, newPasswordProblem } from '../../components/NewPasswordFields';
import { usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';
import { GraphQLRequestError } from '../../lib/graphql';

const RequestResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

function messageOf(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

/**
 * /forgot-password — asks for a link by mail. The answer is the same whether or
 * not the address has an account, so the page cannot be used to find out who
 * is enrolled.
 */
export function ForgotPasswordPage() {
  usePageTitle('page.forgot');
  const t = useT();
  const { request } = useServices();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email')).trim();
    setBusy(true);
    setError(null);
    try {
      await request(RequestResetMutation, { email });
      setSent(true);
    } catch (e) {
      setError(messageOf(e, t('error.generic')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t('forgot.title')}</h1>
      {sent ? (
        <p role="status">{t('forgot.sent')}</p>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <form onSubmit={(e) => void submit(e)}>
            {error ? (
              <p className="error" role="alert">
                {error}
              </p>
            ) : null}
            <label htmlFor="email">{t('field.email')}</label>
            <input id="email" name="email" type="email" autoComplete="username" required />
            <button type="submit" disabled={busy}>
              {t('forgot.submit')}
            </button>
          </form>
          <p className="hint">{t('forgot.askCareTeam')}</p>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </section>
  );
}

/**
 * /reset-password/:token — the link from the mail. The token leaves the address
 * bar (and so the tab's history) as soon as the page has read it.
 */
export function ResetPasswordPage() {
  usePageTitle('page.reset');
  const t = useT();
  const { request } = useServices();
  const params = useParams();
  const [token] = useState(params.token ?? '');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; expired: boolean } | null>(null);

  useEffect(() => {
    if (params.token) window.history.replaceState(window.history.state, '', '/reset-password');
  }, [params.token]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    const problem = newPasswordProblem(form, t);
    if (problem) {
      setError({ message: problem, expired: false });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await request(ResetPasswordMutation, { token, newPassword: password });
      setDone(true);
    } catch (e) {
      // A link that has run out or was used says so; a password the rules refuse is fixed on this page.
      const expired = e instanceof GraphQLRequestError && e.field === 'token';
      setError({ message: messageOf(e, t('error.generic')), expired });
    } finally {
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <section className="narrow">
        <h1>{t('reset.title')}</h1>
        <p>{t('reset.noLink')}</p>
        <p>
          <Link to="/forgot-password">{t('reset.askAgain')}</Link>
        </p>
      </section>
    );
  }
  if (done) {
    return (
      <section className="narrow">
        <h1>{t('reset.title')}</h1>
        <p role="status">{t('reset.done')}</p>
        <p>
          <Link className="button" to="/sign-in">
            {t('signIn.submit')}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('reset.title')}</h1>
      <p>{t('reset.intro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        {error ? (
          <p className="error" role="alert">
            {error.message} {error.expired ? <Link to="/forgot-password">{t('reset.askAgain')}</Link> : null}
          </p>
        ) : null}
        <NewPasswordFields />
        <button type="submit" disabled={busy}>
          {t('reset.submit')}
        </button>
      </form>
    </section>
  );
}
