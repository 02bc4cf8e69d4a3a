import { useIntl } from 'react-intl';
import { formatDay } from './format-day';

type Values = Record<string, string | number | Date | null | undefined>;

/** Catalog lookup for components: every visible string goes through here (src/i18n/en.json). */
export function useT() {
  const intl = useIntl();
  const t = (id: string, values?: Values) => intl.formatMessage({ id }, values);
  t.date = (value: string | Date | null | undefined) => (value ? intl.formatDate(value, { dateStyle: 'medium' }) : '');
  t.day = (day: string | null | undefined) => formatDay(intl, day);
  t.dateTime = (value: string | Date | null | undefined) => (value ? intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }) : '');
  return t;
}
