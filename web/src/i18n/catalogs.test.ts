import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import en from './en.json';
import es from './es.json';
import staffEn from './staff.en.json';
import staffEs from './staff.es.json';

describe('message catalogs', () => {
  it('the Spanish catalog has exactly the English keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('the Spanish staff catalog has exactly the English staff keys, and no key is in both halves', () => {
    expect(Object.keys(staffEs).sort()).toEqual(Object.keys(staffEn).sort());
    expect(Object.keys(staffEn).filter((key) => key in en)).toEqual([]);
  });

  it.each(Object.entries({ ...en, ...staffEn }))('%s parses as an ICU message', (_key, message) => {
    expect(() => new IntlMessageFormat(message, 'en')).not.toThrow();
  });

  it('plurals read naturally', () => {
    const left = new IntlMessageFormat(en['quiz.attemptsLeft'], 'en');
    expect(left.format({ left: 1, total: 3 })).toBe('1 try left of 3');
    expect(left.format({ left: 0, total: 3 })).toBe('No tries left of 3');
  });
});
