import { PROGRAM_INFO_DEFAULTS, fillProgramInfo } from '../program-info';
import type { ParsedLesson } from './load-curriculum';
import { type MarkdownText, parseMarkdown } from './markdown-text';

/**
 * Structural and content checks both read a lesson's Markdown (program
 * placeholders filled with their defaults); parse each body
 * once per validation run. Keyed weakly by the parsed lesson object, so nothing
 * outlives the run.
 */
const cache = new WeakMap<ParsedLesson, MarkdownText>();

export function lessonMarkdown(lesson: ParsedLesson): MarkdownText {
  let parsed = cache.get(lesson);
  if (!parsed) {
    // Checked as a program that has not filled in its settings would show it.
    parsed = parseMarkdown(fillProgramInfo(lesson.body, PROGRAM_INFO_DEFAULTS));
    cache.set(lesson, parsed);
  }
  return parsed;
}

/** A body line (0-based, from the Markdown parser) as a 1-based line of the file. */
export function fileLine(lesson: ParsedLesson, bodyLine: number): number {
  return lesson.bodyStartLine + bodyLine;
}
