import { RISK_PHRASES, RiskCategory, SUPPORT_CATEGORIES } from './risk-phrases';

/** Whole-word spellings unified before matching, so the phrase list needs one form of each. */
const NORMALIZE: ReadonlyArray<[RegExp, string]> = [
  [/ (cant|cannot|can not) /g, " can't "],
  [/ (im|i am) /g, " i'm "],
  [/ (dont|do not) /g, " don't "],
  [/ (wont|will not) /g, " won't "],
  [/ (isnt|is not) /g, " isn't "],
  [/ (didnt|did not) /g, " didn't "],
  [/ (doesnt|does not) /g, " doesn't "],
  [/ (ive|i have) /g, " i've "],
  [/ (havent|have not) /g, " haven't "],
  [/ (hasnt|has not) /g, " hasn't "],
  [/ (hadnt|had not) /g, " hadn't "],
  [/ (wasnt|was not) /g, " wasn't "],
  [/ gonna /g, ' going to '],
  [/ (gunna|finna) /g, ' going to '],
  [/ wanna /g, ' want to '],
  [/ gotta /g, ' have to '],
];

const NEGATIONS = ['not', 'never', "don't", "won't", "didn't", "doesn't", "can't", "haven't", "hasn't", "hadn't", "wasn't"];

/**
 * Lower-cases, straightens quotes, turns clause punctuation into a "." token
 * and everything else into spaces; the result is padded so every word, and
 * the end of the text, is surrounded by spaces.
 */
export function normalizeForScreen(text: string): string {
  let s = ` ${text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[.!?,;:\n\r]+/g, ' . ')
    .replace(/[^a-z0-9'. ]+/g, ' ')
    // An apostrophe is part of a word only between letters ("can't"), not as a quote mark.
    .replace(/'(?![a-z])|(?<![a-z])'/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} . `;
  // Twice, because the patterns consume the surrounding spaces of adjacent matches.
  for (let pass = 0; pass < 2; pass++) for (const [pattern, replacement] of NORMALIZE) s = s.replace(pattern, replacement);
  return s;
}

function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternative(alt: string): string {
  return alt
    .trim()
    .split(/\s+/)
    .map((word) => (word === '<end>' ? '\\.' : escapeRegex(word)))
    .join(' ');
}

/**
 * Compiles one phrase of the list's small syntax — words, `(a|b)`, `[a|b]`
 * (optional), `<end>` — to a regular expression over normalized text.
 * Throws on a malformed phrase, so a typo in the list fails the unit tests.
 */
export function compilePhrase(phrase: string, negatable: boolean): RegExp {
  const parts: string[] = [];
  const source = phrase.trim().toLowerCase();
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '(' || c === '[') {
      const close = source.indexOf(c === '(' ? ')' : ']', i);
      if (close < 0) throw new Error(`Unclosed ${c} in risk phrase "${phrase}"`);
      const inner = source.slice(i + 1, close);
      if (/[()[\]]/.test(inner) || inner.trim() === '') throw new Error(`Bad group in risk phrase "${phrase}"`);
      const alts = inner.split('|').map(alternative);
      parts.push(c === '(' ? `(?:${alts.join('|')}) ` : `(?:(?:${alts.join('|')}) )?`);
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < source.length && source[end] !== ' ' && source[end] !== '(' && source[end] !== '[') end++;
    const word = source.slice(i, end);
    if (/[)\]|]/.test(word)) throw new Error(`Stray bracket in risk phrase "${phrase}"`);
    parts.push(`${alternative(word)} `);
    i = end;
  }
  if (parts.length === 0) throw new Error('Empty risk phrase');
  const guard = negatable ? `(?<! (?:${NEGATIONS.map(escapeRegex).join('|')}))` : '';
  return new RegExp(`${guard} ${parts.join('')}`);
}

const COMPILED: ReadonlyArray<{ category: RiskCategory; pattern: RegExp }> = Object.values(RiskCategory).flatMap((category) =>
  RISK_PHRASES[category].phrases.map((phrase) => ({ category, pattern: compilePhrase(phrase, RISK_PHRASES[category].negatable) })),
);

export interface ScreenResult {
  flagged: boolean;
  /** Categories matched, in the list's order. Never the words themselves. */
  categories: RiskCategory[];
}

/** Screens text against the documented phrase list (risk-phrases.ts). Pure; never logs. */
export function screenText(text: string): ScreenResult {
  const normalized = normalizeForScreen(text);
  const found = new Set<RiskCategory>();
  for (const { category, pattern } of COMPILED) {
    if (!found.has(category) && pattern.test(normalized)) found.add(category);
  }
  const categories = Object.values(RiskCategory).filter((c) => found.has(c));
  return { flagged: categories.length > 0, categories };
}

/** Said to every learner who submits a reflection: plainly, no one is watching in real time. */
export const REFLECTION_SAVED_MESSAGE =
  'Saved. Your care team reads reflections later; they are not monitored around the clock. ' +
  'If you are in crisis, call or text 988, or call 911 if you are in danger.';

/**
 * Said when the only concern is use, a relapse or a craving: warm, practical and not
 * alarmed (no crisis line; the crisis resources are still listed beside it).
 */
export function supportMessage(categories: readonly RiskCategory[]): string {
  const used = categories.includes(RiskCategory.RECENT_USE) || categories.includes(RiskCategory.RELAPSE);
  return (
    'Thank you for being honest. Cravings, slips and setbacks are part of many recoveries, and writing about them is a real step. ' +
    'Your care team will read this first when they next review reflections, but answers are not monitored around the clock. ' +
    'If you want to talk sooner, reach out to your counselor, your sponsor or someone you trust, or call the free SAMHSA helpline at 1-800-662-4357, any time.' +
    (used ? ' After a break, your body can handle less than before: if you use, do not use alone, and keep naloxone nearby.' : '')
  );
}

/** The message for a screen result: support for use, relapse and craving alone; the crisis path for anything else. */
export function screenMessage(categories: readonly RiskCategory[]): string {
  if (categories.length === 0) return REFLECTION_SAVED_MESSAGE;
  return categories.every((c) => SUPPORT_CATEGORIES.has(c)) ? supportMessage(categories) : flaggedMessage(categories);
}

/** Said at once when the screen flags a reflection with a crisis category, with the crisis resources beside it. */
export function flaggedMessage(categories: readonly RiskCategory[]): string {
  const overdose = categories.includes(RiskCategory.OVERDOSE)
    ? ' If someone may have overdosed, call 911 now and give naloxone if you have it.'
    : '';
  return (
    'Thank you for writing this. Some of what you wrote sounds like you may be going through something very hard. ' +
    'Your care team will read it, but these answers are not monitored around the clock, and no one may see them for a while. ' +
    'If you are in danger or thinking about hurting yourself, call or text 988 now, or call 911.' +
    overdose
  );
}
