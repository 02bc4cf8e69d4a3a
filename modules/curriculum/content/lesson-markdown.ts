import type { ParsedLesson } from './load-curriculum';
import { type MarkdownText, parseMarkdown } from './markdown-text';

/**
 * Structural and content checks both read a lesson's Markdown; parse each body
 * once per validation run. Keyed weakly by the parsed lesson object, so nothing
 * outlives the run.
 */
const cache = new WeakMap<ParsedLesson, MarkdownText>();

export function lessonMarkdown(lesson: ParsedLesson): MarkdownText {
  let parsed = cache.get(lesson);
  if (!parsed) {
    parsed = parseMarkdown(lesson.body);
    cache.set(lesson, parsed);
  }
  return parsed;
}

/** A body line (0-based, from the Markdown parser) as a 1-based line of the file. */
export function fileLine(lesson: ParsedLesson, bodyLine: number): number {
  return lesson.bodyStartLine + bodyLine;
}
