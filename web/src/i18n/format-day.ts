import type { IntlShape } from 'react-intl';

/**
 * A calendar day from the API ("2026-12-26": already the organization's day) as a medium
 * date. It is read at noon UTC and formatted in UTC, so a browser west of UTC does not show
 * the day before, and it reads like every other date on the page ("Dec 26, 2026").
 */
export function formatDay(intl: Pick<IntlShape, 'formatDate'>, day: string | null | undefined): string {
  return day ? intl.formatDate(`${day.slice(0, 10)}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) : '';
}
