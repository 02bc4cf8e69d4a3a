/**
 * One problem found in the curriculum files. `file` is relative to the repository
 * root (so it can be clicked in an editor and pasted into a review), `field` is a
 * dotted path into the parsed YAML such as `quiz.questions[2].options`, and
 * `message` says what is wrong and how to fix it, in plain words.
 *
 * A few problems are about a whole file rather than a field; they use the
 * pseudo-fields below so that every issue still prints as `file:field: message`.
 */
export interface CurriculumIssue {
  file: string;
  field: string;
  message: string;
  /** Every issue blocks an import today; the field leaves room for warnings later. */
  severity?: 'error';
  /** 1-based line in `file`, when the problem can be pinned to one. */
  line?: number;
}

/** The file itself: missing, unreadable, misnamed or not listed. */
export const FILE_FIELD = '(file)';
/** A YAML syntax error (the message names the line and column). */
export const YAML_FIELD = '(yaml)';
/** The front-matter block of a lesson as a whole (missing, not a mapping). */
export const FRONT_MATTER_FIELD = '(front matter)';
/** The top level of course.yaml as a whole (empty, not a mapping). */
export const MANIFEST_FIELD = '(manifest)';

export type PathSegment = string | number | symbol;

/** `['quiz', 'questions', 2, 'options']` → `quiz.questions[2].options`. */
export function formatFieldPath(path: readonly PathSegment[], root = ''): string {
  let out = root;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** `file:field: message`, the CLI's one line per issue. */
export function formatIssue(issue: CurriculumIssue): string {
  return `${issue.file}:${issue.field}: ${issue.message}`;
}

export function issue(file: string, field: string, message: string, line?: number): CurriculumIssue {
  return line === undefined ? { file, field, message, severity: 'error' } : { file, field, message, severity: 'error', line };
}

/**
 * Issues sorted by file path, keeping the order found within a file (Array#sort
 * is stable), so a writer sees all of one file's problems together.
 */
export function sortIssues(issues: readonly CurriculumIssue[]): CurriculumIssue[] {
  return [...issues].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
