import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useServices, useSession } from '../../app/services';
import { usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';

const ConfirmEmailMutation = graphql(`
  mutation ConfirmEmailChange($token: String!) {
    confirmEmailChange(token: $token)
  }
`);

/**
 * /confirm-email/:token — the link mailed to a new address. Confirming takes a
 * press of a button, not the page load: mail scanners that open links must not
 * use the token up. The token leaves the address bar as soon as it is read.
 */
export function ConfirmEmailPage() {
  usePageTitle('page.confirmEmail');
  const t = useT();
  const { request } = useServices();
  const session = useSession();
  const params = useParams();
  const [token] = useState(params.token ?? '');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  useEffect(() => {
    if (params.token) window.history.replaceState(window.history.state, '', '/confirm-email');
  }, [params.token]);

  const confirm = async () => {
    setState({ kind: 'busy' });
    try {
      await request(ConfirmEmailMutation, { token });
      setState({ kind: 'done' });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : t('error.generic') });
    }
  };

  return (
    <section className="narrow">
      <h1>{t('confirmEmail.title')}</h1>
      {!token ? (
        <p>{t('confirmEmail.noLink')}</p>
      ) : state.kind === 'done' ? (
        <p role="status">{t('confirmEmail.done')}</p>
      ) : (
        <>
          <p>{t('confirmEmail.intro')}</p>
          {state.kind === 'error' ? (
            <p className="error" role="alert">
              {state.message}
            </p>
          ) : null}
          <button type="button" onClick={() => void confirm()} disabled={state.kind === 'busy'}>
            {t('confirmEmail.submit')}
          </button>
        </>
      )}
      <p>
        <Link to={session ? '/account' : '/sign-in'}>{session ? t('nav.account') : t('forgot.back')}</Link>
      </p>
    </section>
  );
}
