import type { z } from 'zod';
import { type CurriculumIssue, type PathSegment, formatFieldPath, issue } from './curriculum-issue';

/**
 * Turns zod's issues into plain-language curriculum issues. Zod's own messages
 * ("Invalid input: expected string, received undefined") are written for
 * programmers; content writers need the field, what is wrong and what to write.
 */

type ZodIssue = z.core.$ZodIssue;

/** What each commonly missed field is for, appended to "missing" and "empty" messages. */
const FIELD_HINTS: Readonly<Record<string, string>> = {
  slug: 'write the lower-case kebab-case slug, e.g. `slug: triggers-and-cravings`',
  title: 'add the title learners see',
  summary: 'add one or two sentences learners see in the course list',
  audiences: 'list who the course is for: any of FAMILY, PATIENT, STAFF',
  estimatedMinutes: 'add the estimated time to complete, in whole minutes',
  lessons: "list the course's lesson slugs in teaching order",
  objectives: 'list 2-3 learning objectives, each starting with a verb',
  questions: 'add the quiz questions (4-6 for bundled lessons)',
  rationale: 'every question needs a rationale explaining the correct answer, shown after grading',
  prompt: 'add the text the learner is asked',
  text: 'add the option text the learner sees',
  id: 'add a stable kebab-case id (learner answers refer to it, so never change it later)',
  kind: 'add `kind: SINGLE_CHOICE`, `MULTIPLE_CHOICE` or `TRUE_FALSE`',
  url: 'add the http(s) address of the source',
  approvingBody: 'ceApproval needs all three of approvingBody, providerNumber and statement',
  providerNumber: 'ceApproval needs all three of approvingBody, providerNumber and statement',
  statement: 'ceApproval needs all three of approvingBody, providerNumber and statement',
};

/** How an empty list reads, by field name. */
const EMPTY_LIST: Readonly<Record<string, string>> = {
  objectives: 'the lesson has no objectives',
  lessons: 'the course lists no lessons',
  questions: 'the quiz has no questions',
  audiences: 'the course names no audience',
};

/** Every issue zod found, mapped to `file` and a dotted field path under `root`. */
export function zodIssuesToCurriculumIssues(
  error: z.ZodError,
  file: string,
  schema: z.core.$ZodType,
  fieldForRoot: string,
): CurriculumIssue[] {
  return error.issues.flatMap((zodIssue) => mapIssue(zodIssue, file, schema, fieldForRoot));
}

function mapIssue(zodIssue: ZodIssue, file: string, schema: z.core.$ZodType, fieldForRoot: string): CurriculumIssue[] {
  const path = zodIssue.path;
  if (zodIssue.code === 'unrecognized_keys') {
    // One issue per unknown key, named by its own path, so each line points at a field to delete or rename.
    const allowed = allowedKeysAt(schema, path);
    return zodIssue.keys.map((key) =>
      issue(file, formatFieldPath([...path, key]), unknownFieldMessage(key, allowed)),
    );
  }
  const field = path.length === 0 ? fieldForRoot : formatFieldPath(path);
  return [issue(file, field, describeIssue(zodIssue, lastKey(path)))];
}

export function describeIssue(zodIssue: ZodIssue, key: string | undefined): string {
  const hint = key === undefined ? undefined : FIELD_HINTS[key];
  const withHint = (message: string): string => (hint ? `${message}; ${hint}` : message);
  const input = zodIssue.input;
  switch (zodIssue.code) {
    case 'invalid_type':
      if (input === undefined) return withHint(key === undefined ? 'is missing' : `required field \`${key}\` is missing`);
      if (key === undefined && zodIssue.expected === 'object') return `must be a YAML mapping of fields (\`name: value\` lines), not ${describeValue(input)}`;
      return `must be ${expectedName(zodIssue.expected)}, not ${describeValue(input)}${quoteHint(zodIssue.expected, input)}`;
    case 'too_small':
      return describeTooSmall(zodIssue, key, withHint);
    case 'too_big':
      return describeTooBig(zodIssue);
    case 'invalid_format':
      return describeFormat(zodIssue, key, input);
    case 'invalid_value':
      return `must be one of ${zodIssue.values.map((v) => String(v)).join(', ')}, not ${describeValue(input)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(zodIssue.divisor)}, not ${describeValue(input)}`;
    default:
      // `custom` (our own refinements) already carries a plain message.
      return zodIssue.message;
  }
}

function describeTooSmall(zodIssue: z.core.$ZodIssueTooSmall, key: string | undefined, withHint: (m: string) => string): string {
  const min = String(zodIssue.minimum);
  switch (zodIssue.origin) {
    case 'array':
      if (Number(zodIssue.minimum) === 1) return withHint((key && EMPTY_LIST[key]) ?? 'the list is empty');
      return `must list at least ${min} items`;
    case 'string':
      return withHint('must not be empty');
    default:
      return zodIssue.inclusive === false ? `must be greater than ${min}` : `must be at least ${min}`;
  }
}

function describeTooBig(zodIssue: z.core.$ZodIssueTooBig): string {
  const max = String(zodIssue.maximum);
  if (zodIssue.origin === 'array') return `must list at most ${max} items`;
  if (zodIssue.origin === 'string') return `must be at most ${max} characters`;
  return zodIssue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
}

function describeFormat(zodIssue: z.core.$ZodIssueInvalidStringFormat, key: string | undefined, input: unknown): string {
  if (zodIssue.format === 'url') {
    return `must be a full http(s) address such as https://www.samhsa.gov/, not ${describeValue(input)}`;
  }
  if (key === 'locale') return `must be a locale such as en-US, not ${describeValue(input)}`;
  if (zodIssue.format === 'regex') {
    return `must be lower-case kebab-case (letters, digits and single hyphens, e.g. \`relapse-is-a-process\`), not ${describeValue(input)}`;
  }
  return zodIssue.message;
}

function unknownFieldMessage(key: string, allowed: readonly string[] | undefined): string {
  const suggestion = allowed ? closestKey(key, allowed) : undefined;
  const didYouMean = suggestion ? ` (did you mean \`${suggestion}\`?)` : '';
  const known = allowed ? `; allowed here: ${allowed.join(', ')}` : '';
  return `unknown field \`${key}\`${didYouMean}: remove it or fix its spelling${known}`;
}

/** YAML turns `providerNumber: 123456` into a number; say how to keep it text. */
function quoteHint(expected: string, input: unknown): string {
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    return ` (put the value in quotes, e.g. "${String(input)}")`;
  }
  return '';
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of fields';
    default:
      return expected;
  }
}

export function describeValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function lastKey(path: readonly PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return undefined;
}

/** The field names an object schema accepts at `path`, for "did you mean" and "allowed here". */
export function allowedKeysAt(schema: z.core.$ZodType, path: readonly PathSegment[]): string[] | undefined {
  let current: z.core.$ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!current) return undefined;
    const def = current._zod.def as WalkableDef;
    if (typeof segment === 'number') current = def.type === 'array' ? unwrap(def.element) : undefined;
    else current = def.type === 'object' ? unwrap(def.shape?.[String(segment)]) : undefined;
  }
  const def = current?._zod.def as WalkableDef | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

interface WalkableDef {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
}

/** Optional, default, prefault and pipe wrappers hide the object or array inside. */
function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth += 1) {
    const def: WalkableDef = current._zod.def as WalkableDef;
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
  return current;
}

/**
 * The allowed key a typo most likely meant: differing only in case, or within edit
 * distance 2 (1 for keys of four letters or fewer, where 2 edits reach unrelated words).
 */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  const tolerance = key.length <= 4 ? 1 : 2;
  let best: { key: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (distance <= tolerance && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
