import { createIntl } from 'react-intl';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDay } from './format-day';

describe('formatDay', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it.each(['America/Los_Angeles', 'Pacific/Auckland', 'UTC'])('shows the day it is given, as other dates read, in %s', (tz) => {
    process.env.TZ = tz;
    const intl = createIntl({ locale: 'en' });
    expect(formatDay(intl, '2026-12-26')).toBe('Dec 26, 2026');
    expect(formatDay(intl, '2027-01-01')).toBe('Jan 1, 2027');
    expect(formatDay(intl, undefined)).toBe('');
  });
});
