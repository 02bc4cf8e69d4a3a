import readability from 'text-readability';

/**
 * Flesch-Kincaid grade of plain prose, from the text-readability package (its
 * syllable counts come from the `syllable` package). Pass text with the Markdown
 * already removed: see `readableProse`.
 */
export function fleschKincaidGrade(prose: string): number {
  return readability.fleschKincaidGrade(prose);
}
