import { GraphQLScalarType, Kind } from 'graphql';

/** RFC 3339 date-time (seconds required, fraction optional, Z or an offset), or a calendar date. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2})))?$/i;

/**
 * Parses a date the way a person means it, or refuses it. `new Date(value)`
 * accepts almost anything (numbers, objects, "garbage" as an Invalid Date) and
 * silently rolls 2026-02-30 over to March; this accepts only RFC 3339 text whose
 * fields are in range.
 */
export function parseStrictDate(value: unknown): Date {
  if (typeof value !== 'string' || value.length > 40) throw new TypeError('expected a date such as 2026-03-01 or 2026-03-01T09:30:00Z');
  const match = DATE_TIME.exec(value);
  if (!match) throw new TypeError(`"${value.slice(0, 40)}" is not a date: use a form such as 2026-03-01 or 2026-03-01T09:30:00Z`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', oh = '0', om = '0'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59 || Number(oh) > 23 || Number(om) > 59) {
    throw new TypeError(`"${value}" is not a real date or time`);
  }
  const date = new Date(match[4] === undefined ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`"${value}" is not a date`);
  return date;
}

/**
 * The schema's DateTime (same name and description as Nest's, so the published
 * schema is unchanged), parsing strictly. Refusals become BAD_USER_INPUT
 * through GraphQL's own variable and literal coercion.
 */
export const StrictDateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize(value) {
    return value instanceof Date ? value.toISOString() : (null as unknown as string);
  },
  parseValue(value) {
    return parseStrictDate(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('expected a date as a string, such as "2026-03-01T09:30:00Z"');
    return parseStrictDate(ast.value);
  },
});
