import { createHash } from 'node:crypto';
import type { CourseManifest, LessonFrontMatter } from './content.schema';

/**
 * Content hashes let the importer version courses and lessons: a new hash means
 * new content. They are computed over the *parsed* content (schema defaults
 * applied), so YAML formatting, key order, quoting style, folded vs. literal
 * strings, spelling out a default, and file names do not change them; any
 * change a learner could see does.
 *
 * Normalization: object keys sorted, strings in Unicode NFC, body line endings as
 * `\n` and surrounding blank lines trimmed. Lists keep their order (question and
 * lesson order are content). The `v` field versions this recipe: changing the
 * normalization must bump it, since every stored hash would change.
 */
const HASH_RECIPE_VERSION = 1;

export function lessonContentHash(frontMatter: LessonFrontMatter, body: string): string {
  return sha256(canonicalJson({ v: HASH_RECIPE_VERSION, kind: 'lesson', frontMatter, body: normalizeBody(body) }));
}

/** `lessonHashes` in the manifest's lesson order, from `lessonContentHash`. */
export function courseContentHash(manifest: CourseManifest, lessonHashes: readonly string[]): string {
  return sha256(canonicalJson({ v: HASH_RECIPE_VERSION, kind: 'course', manifest, lessons: lessonHashes }));
}

export function normalizeBody(body: string): string {
  return body.replace(/\r\n?/g, '\n').replace(/^\s*\n/, '').trimEnd();
}

/** JSON with sorted keys and NFC strings; `undefined` members are left out, as JSON does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

function canonicalize(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key.normalize('NFC')] = canonicalize(member);
    }
    return sorted;
  }
  return value;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
