import { useEffect } from 'react';
import { useT } from '../i18n/useT';

/**
 * Page titles stay neutral on shared devices: a generic page name and the app's
 * plain name, never a lesson or course title.
 */
export function usePageTitle(pageId: string) {
  const t = useT();
  const title = `${t(pageId)} · ${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}

export function ErrorMessage({ error }: { error: unknown }) {
  const t = useT();
  const message = error instanceof Error ? error.message : t('error.generic');
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}
