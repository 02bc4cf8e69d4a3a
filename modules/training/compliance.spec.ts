import { addDays, complianceOf, type RequirementTerms } from './compliance';

// 2026-01-05 is day 0: no February 29 until 2028, so "12 months after day 10" is day 375.
const HIRED = '2026-01-05';
const day = (n: number) => addDays(HIRED, n);

describe('training compliance', () => {
  describe('30-day orientation with an annual refresher', () => {
    const terms: RequirementTerms = { firstDue: { kind: 'AFTER_START', days: 30 }, recurrence: { kind: 'MONTHS_AFTER_COMPLETION', months: 12 }, validityMonths: 12, dueSoonDays: 30 };

    it('is due 30 days after hire, and overdue the day after', () => {
      expect(complianceOf(terms, HIRED, [], day(0))).toMatchObject({ status: 'DUE_SOON', dueOn: day(30), cycles: 0 });
      expect(complianceOf(terms, HIRED, [], day(30)).status).toBe('DUE_SOON');
      expect(complianceOf(terms, HIRED, [], day(31)).status).toBe('OVERDUE');
    });

    it('completed on day 10: compliant until day 375, due soon from day 345, expired on day 376', () => {
      const done = [day(10)];
      expect(complianceOf(terms, HIRED, done, day(10))).toMatchObject({ status: 'COMPLIANT', validUntil: day(375), dueOn: day(375), lastCompletedOn: day(10), cycles: 1 });
      expect(complianceOf(terms, HIRED, done, day(344)).status).toBe('COMPLIANT');
      expect(complianceOf(terms, HIRED, done, day(345)).status).toBe('DUE_SOON');
      expect(complianceOf(terms, HIRED, done, day(375)).status).toBe('DUE_SOON');
      expect(complianceOf(terms, HIRED, done, day(376)).status).toBe('EXPIRED');
    });

    it('completing again renews for another year from that completion', () => {
      const renewed = complianceOf(terms, HIRED, [day(10), day(380)], day(381));
      expect(renewed).toMatchObject({ status: 'COMPLIANT', lastCompletedOn: day(380), cycles: 2, validUntil: '2028-01-20' });
      expect(day(380)).toBe('2027-01-20');
      expect(complianceOf(terms, HIRED, [day(10), day(380)], addDays(day(380), 366)).status).toBe('EXPIRED');
    });
  });

  describe('fixed-date annual requirement, due every January 31', () => {
    const terms: RequirementTerms = { firstDue: { kind: 'FIXED_DATE', month: 1, day: 31 }, recurrence: { kind: 'ANNUAL_DATE', month: 1, day: 31 }, dueSoonDays: 30 };
    const start = '2026-11-01';

    it('is first due on the January 31 after joining, across the year boundary', () => {
      expect(complianceOf(terms, start, [], '2026-12-31')).toMatchObject({ status: 'COMPLIANT', dueOn: '2027-01-31' });
      expect(complianceOf(terms, start, [], '2027-01-01').status).toBe('DUE_SOON');
      expect(complianceOf(terms, start, [], '2027-02-01').status).toBe('OVERDUE');
    });

    it('an early completion counts for this January 31 and carries to the next one', () => {
      const early = complianceOf(terms, start, ['2027-01-20'], '2027-02-01');
      expect(early).toMatchObject({ status: 'COMPLIANT', dueOn: '2028-01-31', validUntil: '2028-01-31', cycles: 1 });
      expect(complianceOf(terms, start, ['2027-01-20'], '2028-01-01').status).toBe('DUE_SOON');
      expect(complianceOf(terms, start, ['2027-01-20'], '2028-02-01').status).toBe('EXPIRED');
    });

    it('a late completion meets the missed date and is next due the following January 31', () => {
      expect(complianceOf(terms, start, ['2027-02-10'], '2027-02-10')).toMatchObject({ status: 'COMPLIANT', dueOn: '2028-01-31', cycles: 1 });
    });

    it('taking it twice in one cycle is one cycle', () => {
      expect(complianceOf(terms, start, ['2027-01-20', '2027-01-25'], '2027-03-01')).toMatchObject({ dueOn: '2028-01-31', cycles: 1, lastCompletedOn: '2027-01-25' });
    });
  });

  it('a one-time requirement without validity stays met', () => {
    const terms: RequirementTerms = { firstDue: { kind: 'AFTER_START', days: 7 }, recurrence: { kind: 'NONE' }, dueSoonDays: 30 };
    expect(complianceOf(terms, HIRED, [day(3)], day(3000))).toMatchObject({ status: 'COMPLIANT', dueOn: undefined, validUntil: undefined });
  });

  it('a one-time requirement with a validity expires (due-soon window configurable) and a new completion renews it', () => {
    const terms: RequirementTerms = { firstDue: { kind: 'AFTER_START', days: 30 }, recurrence: { kind: 'NONE' }, validityMonths: 12, dueSoonDays: 14 };
    expect(complianceOf(terms, HIRED, [day(10)], day(360)).status).toBe('COMPLIANT');
    expect(complianceOf(terms, HIRED, [day(10)], day(361)).status).toBe('DUE_SOON');
    expect(complianceOf(terms, HIRED, [day(10)], day(376)).status).toBe('EXPIRED');
    expect(complianceOf(terms, HIRED, [day(10), day(400)], day(401))).toMatchObject({ status: 'COMPLIANT', validUntil: '2028-02-09' });
  });
});
