import { useEffect } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/useT';
import { GraphQLRequestError } from '../lib/graphql';
import { coursePath } from '../lib/neutral-paths';

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

/** The course a clinician or admin must take before reading client records, when that is why a read was refused. */
function trainingRequired(error: unknown): { slug: string; title: string } | undefined {
  if (!(error instanceof GraphQLRequestError) || error.extensions.reason !== 'TRAINING_REQUIRED') return undefined;
  const course = error.extensions.course as { slug?: unknown; title?: unknown } | undefined;
  return typeof course?.slug === 'string' && typeof course.title === 'string' ? { slug: course.slug, title: course.title } : undefined;
}

export function ErrorMessage({ error }: { error: unknown }) {
  const t = useT();
  const training = trainingRequired(error);
  if (training) {
    return (
      <div className="notice" role="alert">
        <p>{t('error.trainingRequired', { course: training.title })}</p>
        <p>
          <Link to={coursePath(training.slug)}>{t('error.trainingTake', { course: training.title })}</Link>
        </p>
      </div>
    );
  }
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
