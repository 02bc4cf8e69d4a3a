import { Link } from 'react-router';
import { usePageTitle } from '../../components/Page';
import { useT } from '../../i18n/useT';

/**
 * The routes exist so links in messages have somewhere to land. Until the API
 * offers password reset by mail, they say whom to ask instead.
 */
export function ForgotPasswordPage() {
  usePageTitle('page.forgot');
  const t = useT();
  return (
    <section className="narrow">
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.askCareTeam')}</p>
      <p>
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </section>
  );
}

export function ResetPasswordPage() {
  usePageTitle('page.reset');
  const t = useT();
  return (
    <section className="narrow">
      <h1>{t('reset.title')}</h1>
      <p>{t('forgot.askCareTeam')}</p>
      <p>
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </section>
  );
}
