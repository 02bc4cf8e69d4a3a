import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import matter from 'gray-matter';
import { type YAMLError, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  type CourseManifest,
  CourseManifestSchema,
  type LessonFrontMatter,
  LessonFrontMatterSchema,
  SLUG_PATTERN,
} from './content.schema';
import {
  type CurriculumIssue,
  FILE_FIELD,
  FRONT_MATTER_FIELD,
  MANIFEST_FIELD,
  YAML_FIELD,
  issue,
} from './curriculum-issue';
import { defaultCurriculumDir, displayPath, findRepoRoot } from './repo-paths';
import { zodIssuesToCurriculumIssues } from './zod-issues';

/**
 * Reads a curriculum folder into parsed, schema-checked objects. Problems found
 * while reading (missing files, YAML syntax, schema) come back as issues; rules
 * that span files (listed lessons, links, prerequisites) are the validator's.
 */

export const MANIFEST_FILE = 'course.yaml';
export const LESSONS_DIR = 'lessons';
/** `NN-<slug>.md`: the number orders files on disk only. */
export const LESSON_FILE_PATTERN = new RegExp(`^(\\d{2})-(${SLUG_PATTERN.source.slice(1, -1)})\\.md$`);

export interface ParsedLesson {
  frontMatter: LessonFrontMatter;
  /** Markdown after the front matter, as written. */
  body: string;
  /** 1-based line of the file where the body starts, to point issues at body lines. */
  bodyStartLine: number;
}

export interface LoadedLessonFile {
  /** Path relative to the repository root. */
  file: string;
  fileName: string;
  /** The slug in the file name, when the name has the `NN-<slug>.md` form. */
  fileSlug?: string;
  /**
   * The parsed lesson; absent when its YAML or schema failed beyond repair. A lesson
   * whose only schema problem is unknown fields is still parsed (without them), so
   * the other checks run and the writer sees every problem in one pass.
   */
  lesson?: ParsedLesson;
}

export interface LoadedCourse {
  /** The course's folder name, which must equal its slug. */
  dirName: string;
  /** Folder path relative to the repository root. */
  dir: string;
  /** `course.yaml` path relative to the repository root. */
  file: string;
  manifest?: CourseManifest;
  /** Every `.md` file in `lessons/`, sorted by file name. */
  lessonFiles: LoadedLessonFile[];
}

export interface LoadedCurriculum {
  /** Absolute path of the curriculum folder that was read. */
  root: string;
  repoRoot: string;
  courses: LoadedCourse[];
  issues: CurriculumIssue[];
}

export interface LoadOptions {
  /** Where displayed paths are relative to; defaults to this repository. */
  repoRoot?: string;
}

export async function loadCurriculum(dir?: string, options: LoadOptions = {}): Promise<LoadedCurriculum> {
  const repoRoot = options.repoRoot ?? findRepoRoot();
  const root = path.resolve(dir ?? defaultCurriculumDir(repoRoot));
  const show = (absolute: string): string => displayPath(absolute, repoRoot);

  if (!(await isDirectory(root))) {
    return {
      root,
      repoRoot,
      courses: [],
      issues: [issue(show(root), FILE_FIELD, 'curriculum folder not found; pass the folder that holds one sub-folder per course')],
    };
  }

  const issues: CurriculumIssue[] = [];
  const courses: LoadedCourse[] = [];
  for (const dirName of await visibleEntries(root)) {
    const courseDir = path.join(root, dirName);
    if (!(await isDirectory(courseDir))) continue; // a README beside the courses is fine
    const loaded = await loadCourse(courseDir, dirName, show);
    courses.push(loaded.course);
    issues.push(...loaded.issues);
  }
  return { root, repoRoot, courses, issues };
}

async function loadCourse(
  courseDir: string,
  dirName: string,
  show: (absolute: string) => string,
): Promise<{ course: LoadedCourse; issues: CurriculumIssue[] }> {
  const issues: CurriculumIssue[] = [];
  const manifestPath = path.join(courseDir, MANIFEST_FILE);
  const file = show(manifestPath);
  const course: LoadedCourse = { dirName, dir: show(courseDir), file, lessonFiles: [] };

  const source = await readText(manifestPath);
  if (source === undefined) {
    const hint = (await isFile(path.join(courseDir, 'course.yml'))) ? ' (found course.yml: rename it to course.yaml)' : '';
    issues.push(issue(file, FILE_FIELD, `every course folder needs a ${MANIFEST_FILE}${hint}`));
  } else {
    const parsed = parseManifestSource(source, file);
    course.manifest = parsed.manifest;
    issues.push(...parsed.issues);
  }

  const lessonsDir = path.join(courseDir, LESSONS_DIR);
  const names = (await isDirectory(lessonsDir)) ? await visibleEntries(lessonsDir) : [];
  for (const fileName of names.filter((name) => name.endsWith('.md'))) {
    const lessonPath = path.join(lessonsDir, fileName);
    const lessonFile = show(lessonPath);
    const match = LESSON_FILE_PATTERN.exec(fileName);
    const loaded: LoadedLessonFile = { file: lessonFile, fileName };
    if (match?.[2]) loaded.fileSlug = match[2];
    const parsed = parseLessonSource((await readText(lessonPath)) ?? '', lessonFile);
    if (parsed.lesson) loaded.lesson = parsed.lesson;
    issues.push(...parsed.issues);
    course.lessonFiles.push(loaded);
  }
  return { course, issues };
}

/** Parses the text of a `course.yaml`. Pure: `file` only labels the issues. */
export function parseManifestSource(source: string, file: string): { manifest?: CourseManifest; issues: CurriculumIssue[] } {
  const yaml = parseYaml(normalizeSource(source), file);
  if (yaml.issues.length > 0) return { issues: yaml.issues };
  if (yaml.data === null || yaml.data === undefined) {
    return { issues: [issue(file, MANIFEST_FIELD, 'course.yaml is empty; see docs/curriculum-format.md for the fields')] };
  }
  const result = parseWithSchema(CourseManifestSchema, yaml.data, file, MANIFEST_FIELD);
  return result.value ? { manifest: result.value, issues: result.issues } : { issues: result.issues };
}

/** Parses the text of a lesson file (front matter + Markdown body). Pure. */
export function parseLessonSource(source: string, file: string): { lesson?: ParsedLesson; issues: CurriculumIssue[] } {
  const split = splitFrontMatter(normalizeSource(source), file);
  if ('issues' in split) return { issues: split.issues };
  if (split.data === null || split.data === undefined) {
    return { issues: [issue(file, FRONT_MATTER_FIELD, 'the front matter is empty; see docs/curriculum-format.md for the fields', 1)] };
  }
  const result = parseWithSchema(LessonFrontMatterSchema, split.data, file, FRONT_MATTER_FIELD);
  if (!result.value) return { issues: result.issues };
  return {
    lesson: { frontMatter: result.value, body: split.body, bodyStartLine: split.bodyStartLine },
    issues: result.issues,
  };
}

interface SplitLesson {
  data: unknown;
  body: string;
  bodyStartLine: number;
}

// The opening line must be exactly `---`: gray-matter reads a word after it as the
// front-matter language and would even evaluate `---js` blocks as JavaScript.
const OPENING_LINE = /^---[ \t]*\n/;
const CLOSING_LINE = /\n---[ \t]*(?:\n|$)/;

function splitFrontMatter(source: string, file: string): SplitLesson | { issues: CurriculumIssue[] } {
  if (!OPENING_LINE.test(source)) {
    return {
      issues: [issue(file, FRONT_MATTER_FIELD, 'the file must start with YAML front matter: a `---` line, the fields, then another `---` line', 1)],
    };
  }
  if (!CLOSING_LINE.test(source.replace(OPENING_LINE, '\n'))) {
    return {
      issues: [issue(file, FRONT_MATTER_FIELD, 'the front matter is never closed: add a `---` line after the last field, before the lesson text', 1)],
    };
  }
  let yamlIssues: CurriculumIssue[] = [];
  const parsed = matter(source, {
    engines: {
      // Our own engine: the `yaml` package (YAML 1.2, duplicate keys are errors)
      // with line numbers. The block starts right after the opening `---`, so its
      // line N is line N of the file.
      yaml: (block: string): object => {
        const result = parseYaml(block, file);
        yamlIssues = result.issues;
        // gray-matter wants an object back; wrapping lets a list or a bare string reach
        // the schema unchanged, which then reports "must be a mapping of fields".
        return { value: result.data };
      },
    },
  });
  if (yamlIssues.length > 0) return { issues: yamlIssues };
  const data = (parsed.data as { value?: unknown }).value;
  const bodyStartLine = countLines(source.slice(0, source.length - parsed.content.length)) + 1;
  return { data, body: parsed.content, bodyStartLine };
}

function parseYaml(text: string, file: string): { data?: unknown; issues: CurriculumIssue[] } {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) return { issues: firstPerLine(document.errors).map((error) => yamlIssue(error, file)) };
  return { data: document.toJS({ maxAliasCount: 100 }) as unknown, issues: [] };
}

/** One syntax error often sets off more at the same spot; the first says what to fix. */
function firstPerLine(errors: readonly YAMLError[]): YAMLError[] {
  const seen = new Set<number | undefined>();
  return errors.filter((error) => {
    const line = error.linePos?.[0].line;
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
}

function yamlIssue(error: YAMLError, file: string): CurriculumIssue {
  // The first line of yaml's message already reads "... at line 4, column 1:"; the code frame below it is dropped.
  const headline = (error.message.split('\n')[0] ?? error.message).replace(/:$/, '');
  return issue(file, YAML_FIELD, `YAML syntax error: ${headline}`, error.linePos?.[0].line);
}

/**
 * Strict parse first. If the only problems are unknown fields, parse again without
 * them so later checks still see the lesson; the unknown-field issues are kept.
 */
function parseWithSchema<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  fieldForRoot: string,
): { value?: z.output<S>; issues: CurriculumIssue[] } {
  const strict = schema.safeParse(data, { reportInput: true });
  if (strict.success) return { value: strict.data, issues: [] };
  const issues = zodIssuesToCurriculumIssues(strict.error, file, schema, fieldForRoot);
  if (!strict.error.issues.every((zodIssue) => zodIssue.code === 'unrecognized_keys')) return { issues };
  const lenient = schema.safeParse(withoutKeys(data, strict.error.issues));
  return lenient.success ? { value: lenient.data, issues } : { issues };
}

function withoutKeys(data: unknown, zodIssues: readonly z.core.$ZodIssue[]): unknown {
  const copy: unknown = structuredClone(data);
  for (const zodIssue of zodIssues) {
    if (zodIssue.code !== 'unrecognized_keys') continue;
    let target: unknown = copy;
    for (const segment of zodIssue.path) target = (target as Record<PropertyKey, unknown> | undefined)?.[segment];
    if (target && typeof target === 'object') {
      for (const key of zodIssue.keys) delete (target as Record<string, unknown>)[key];
    }
  }
  return copy;
}

/**
 * Drop a byte-order mark and use `\n` line endings: gray-matter looks for `\n---`,
 * so with Windows line endings the last front-matter value would keep its `\r`.
 */
function normalizeSource(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

function countLines(text: string): number {
  let lines = 0;
  for (const char of text) if (char === '\n') lines += 1;
  return lines;
}

/** Sorted so that courses, files and therefore issues come out in a stable order. */
async function visibleEntries(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((name) => !name.startsWith('.')).sort();
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isFile();
  } catch {
    return false;
  }
}
