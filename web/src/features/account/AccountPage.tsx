import { useNavigate } from 'react-router';
import { signOutHere, useServices, useSession } from '../../app/services';
import { usePageTitle } from '../../components/Page';
import { useT } from '../../i18n/useT';

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
    </>
  );
}
