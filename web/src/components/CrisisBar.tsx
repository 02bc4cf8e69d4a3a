import { useIntl } from 'react-intl';

/** Always on screen, first in the tab order, never under a dialog: real tel:/sms: links. */
export function CrisisBar({ orgCrisisLine }: { orgCrisisLine?: string | null }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <aside className="crisis-bar" aria-label={t('crisis.label')}>
      <span className="crisis-bar__lead">{t('crisis.lead')}</span>
      <ul>
        <li>
          <a href="tel:988">{t('crisis.call988')}</a>
        </li>
        <li>
          <a href="sms:988">{t('crisis.text988')}</a>
        </li>
        <li>
          <a href="tel:+18006624357">{t('crisis.samhsa')}</a>
        </li>
        <li>
          <a href="tel:911">{t('crisis.call911')}</a>
        </li>
        {orgCrisisLine ? (
          <li>
            <a href={`tel:${orgCrisisLine.replace(/[^\d+]/g, '')}`}>{intl.formatMessage({ id: 'crisis.org' }, { number: orgCrisisLine })}</a>
          </li>
        ) : null}
      </ul>
    </aside>
  );
}
