/**
 * When a training requirement is due and whether a staff member meets it: pure, in
 * calendar days of the organization's time zone ("YYYY-MM-DD"), so a test can walk
 * through hire, due date, expiry and renewal by naming days.
 */

export type FirstDue = { kind: 'AFTER_START'; days: number } | { kind: 'FIXED_DATE'; month: number; day: number };
export type Recurrence = { kind: 'NONE' } | { kind: 'MONTHS_AFTER_COMPLETION'; months: number } | { kind: 'ANNUAL_DATE'; month: number; day: number };

export interface RequirementTerms {
  firstDue: FirstDue;
  recurrence: Recurrence;
  /** How long a completion counts; without it, a completion counts until the next due date (or for good when nothing recurs). */
  validityMonths?: number;
  /** DUE_SOON starts this many days before the due date or the end of validity. */
  dueSoonDays: number;
}

export type ComplianceStatus = 'COMPLIANT' | 'DUE_SOON' | 'OVERDUE' | 'EXPIRED';

export interface Compliance {
  status: ComplianceStatus;
  /** The next date the requirement must be met by; absent once met for good. */
  dueOn?: string;
  /** The last day the latest completion counts. */
  validUntil?: string;
  lastCompletedOn?: string;
  /** Completion cycles met so far (each renewal is one more). */
  cycles: number;
}

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** Calendar months; a day the target month lacks becomes its last day (Jan 31 + 1 month → Feb 28). */
export function addMonths(day: string, months: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  const target = new Date(Date.UTC(year, month, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(Number(day.slice(8, 10)), lastDay)));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The first month/day on or after `day` (Feb 29 falls on Feb 28 in other years). */
function occurrenceOnOrAfter(day: string, month: number, dayOfMonth: number): string {
  const year = Number(day.slice(0, 4));
  const thisYear = clampDay(year, month, dayOfMonth);
  return thisYear >= day ? thisYear : clampDay(year + 1, month, dayOfMonth);
}

function clampDay(year: number, month: number, dayOfMonth: number): string {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month - 1, Math.min(dayOfMonth, lastDay)));
}

export function firstDueOn(terms: Pick<RequirementTerms, 'firstDue'>, startDay: string): string {
  return terms.firstDue.kind === 'AFTER_START' ? addDays(startDay, terms.firstDue.days) : occurrenceOnOrAfter(startDay, terms.firstDue.month, terms.firstDue.day);
}

/**
 * A staff member's standing on one requirement today. Completions are walked in order:
 * each meets the cycle that is due (early or late); what comes next depends on the
 * recurrence — N months from that completion, the next fixed date after both the due
 * date met and the completion, or nothing. A fixed-date completion more than a year
 * before its due date meets nothing new (taking the course twice in a week is one cycle).
 */
export function complianceOf(terms: RequirementTerms, startDay: string, completionDays: readonly string[], today: string): Compliance {
  let dueOn: string | undefined = firstDueOn(terms, startDay);
  let validUntil: string | undefined;
  let lastCompletedOn: string | undefined;
  let cycles = 0;
  for (const day of [...completionDays].sort()) {
    lastCompletedOn = day;
    const recurrence = terms.recurrence;
    const meetsCycle = dueOn !== undefined && !(recurrence.kind === 'ANNUAL_DATE' && day < addMonths(dueOn, -12));
    if (meetsCycle) {
      cycles++;
      if (recurrence.kind === 'NONE') dueOn = undefined;
      else if (recurrence.kind === 'MONTHS_AFTER_COMPLETION') dueOn = addMonths(day, recurrence.months);
      else dueOn = occurrenceOnOrAfter(addDays(day > dueOn! ? day : dueOn!, 1), recurrence.month, recurrence.day);
    } else if (recurrence.kind === 'MONTHS_AFTER_COMPLETION') {
      dueOn = addMonths(day, recurrence.months);
    }
    validUntil = terms.validityMonths ? addMonths(day, terms.validityMonths) : dueOn;
  }
  return { status: statusOf(terms, today, dueOn, validUntil, lastCompletedOn), dueOn, validUntil, lastCompletedOn, cycles };
}

function statusOf(terms: RequirementTerms, today: string, dueOn: string | undefined, validUntil: string | undefined, lastCompletedOn: string | undefined): ComplianceStatus {
  if (lastCompletedOn && validUntil && today > validUntil) return 'EXPIRED';
  if (dueOn && today > dueOn) return 'OVERDUE';
  const soon = (day: string | undefined) => day !== undefined && daysBetween(today, day) <= terms.dueSoonDays;
  if (soon(dueOn) || (lastCompletedOn && soon(validUntil))) return 'DUE_SOON';
  return 'COMPLIANT';
}
