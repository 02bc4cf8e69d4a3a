import { courseContentHash, lessonContentHash } from './content-hash';
import { parseLessonSource, parseManifestSource } from './load-curriculum';

function lesson(source: string) {
  const parsed = parseLessonSource(source, 'lesson.md');
  if (!parsed.lesson) throw new Error(JSON.stringify(parsed.issues));
  return parsed.lesson;
}

function manifest(source: string) {
  const parsed = parseManifestSource(source, 'course.yaml');
  if (!parsed.manifest) throw new Error(JSON.stringify(parsed.issues));
  return parsed.manifest;
}

const LESSON = `---
slug: one
title: One
objectives: [Name a trigger.]
estimatedMinutes: 5
quiz:
  questions:
    - { id: q, kind: TRUE_FALSE, prompt: Is it?, answer: true, rationale: It is. }
---

Body text.
`;

/** The same content: keys reordered, block styles, defaults spelled out, CRLF line endings. */
const SAME_LESSON_REFORMATTED = [
  '---',
  'title: "One"',
  'estimatedMinutes: 5',
  'slug: one',
  'required: true',
  'objectives:',
  '  - >-',
  '    Name a trigger.',
  'quiz:',
  '  shuffle: true',
  '  passingScore: 0.8',
  '  questions:',
  '    - kind: TRUE_FALSE',
  '      id: q',
  '      rationale: |-',
  '        It is.',
  '      prompt: Is it?',
  '      answer: true',
  '---',
  'Body text.',
  '',
  '',
].join('\r\n');

const hashOf = (source: string): string => {
  const parsed = lesson(source);
  return lessonContentHash(parsed.frontMatter, parsed.body);
};

describe('content hashes', () => {
  it('ignore YAML formatting, key order, spelt-out defaults and line endings', () => {
    expect(hashOf(SAME_LESSON_REFORMATTED)).toBe(hashOf(LESSON));
  });

  it.each([
    ['the body', LESSON.replace('Body text.', 'Body text!')],
    ['a rationale', LESSON.replace('rationale: It is.', 'rationale: It is true.')],
    ['a default value', LESSON.replace('estimatedMinutes: 5', 'estimatedMinutes: 5\nrequired: false')],
    ['question order', LESSON.replace('    - { id: q,', '    - { id: p, kind: TRUE_FALSE, prompt: Other?, answer: false, rationale: No. }\n    - { id: q,')],
  ])('change when %s changes', (_what, changed) => {
    expect(hashOf(changed)).not.toBe(hashOf(LESSON));
  });

  it('are SHA-256 hex digests', () => {
    expect(hashOf(LESSON)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hash a course over its manifest and its lessons in order', () => {
    const course = manifest('slug: c\ntitle: C\nsummary: S\naudiences: [PATIENT]\nestimatedMinutes: 5\nlessons: [one, two]\n');
    const reordered = manifest('lessons: [one, two]\nestimatedMinutes: 5\naudiences: [PATIENT]\nsummary: "S"\ntitle: C\nslug: c\nsequence: FREE\n');
    expect(courseContentHash(reordered, ['h1', 'h2'])).toBe(courseContentHash(course, ['h1', 'h2']));
    expect(courseContentHash(course, ['h1', 'h3'])).not.toBe(courseContentHash(course, ['h1', 'h2']));
    expect(courseContentHash(course, ['h2', 'h1'])).not.toBe(courseContentHash(course, ['h1', 'h2']));
  });
});
