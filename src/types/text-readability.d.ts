/**
 * text-readability 1.1.1 ships no type declarations. Declared: the few methods
 * this project calls or may call; all take plain text (no Markdown).
 */
declare module 'text-readability' {
  interface Readability {
    /** Flesch-Kincaid grade level, rounded to one decimal. */
    fleschKincaidGrade(text: string): number;
    fleschReadingEase(text: string): number;
    lexiconCount(text: string, removePunctuation?: boolean): number;
    sentenceCount(text: string): number;
    syllableCount(text: string, lang?: string): number;
  }
  const readability: Readability;
  export default readability;
}
