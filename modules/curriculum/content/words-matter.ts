/**
 * NIDA "Words Matter" check (see /shared/CURRICULUM.md, "Safety in content"):
 * stigmatizing labels keep people from seeking treatment, so learner-facing text
 * must use person-first language.
 *
 * The rules are phrases, not single words, wherever a word has an innocent sense:
 * "clean" is flagged only about tests or people ("stay clean", "clean urine"),
 * "habit" only about substance use ("drug habit"; the brain's habit circuits are
 * fine), "abuse" only about substances ("child abuse" is a legal term), "user"
 * only of a person who uses substances. "dirty", "addict", "enabler" and the
 * slang labels are flagged on their own.
 *
 * Two narrow exceptions:
 * - proper names that contain a term (SAMHSA's full name, Alcoholics Anonymous);
 *   source titles and URLs are never checked at all;
 * - teaching about a word: the allow marker is `the word "addict"` (also
 *   `the words "clean" and "dirty"`, `the term "..."`): the quoted terms right
 *   after "the word(s)/term(s)" are not flagged. Anything else in the sentence is.
 */

export interface StigmaRule {
  pattern: RegExp;
  /** Person-first wording to use instead. */
  instead: string;
}

const SUBSTANCE = '(?:drug|substance|alcohol|opioid|opiate|heroin|cocaine|crack|meth|methamphetamine|stimulant|cannabis|marijuana|prescription|pill|polysubstance|polydrug)';
const SUBSTANCES_PLURAL = '(?:drugs|alcohol|substances|opioids|opiates|pills|medications?|heroin|cocaine|meth)';
const TESTED = '(?:test|tests|tested|testing|screen|screens|screened|screening|came\\s+back|comes\\s+back|come\\s+back|coming\\s+back)';
const STAYING = '(?:stay|stays|stayed|staying|get|gets|got|gotten|getting|go|goes|went|going|been|being|keep|keeps|kept|keeping|remain|remains|remained|remaining)';
const SAMPLE = '(?:urines?|UAs?|tests?|screens?|samples?|results?|drug\\s+tests?|drug\\s+screens?|tox\\s+screens?)';
const PERIOD = '(?:days?|weeks?|months?|years?)';

export const STIGMA_RULES: readonly StigmaRule[] = [
  { pattern: /\b(?:addicts?|junkies|junkie|junky)\b/giu, instead: 'person with a substance use disorder' },
  { pattern: /\balcoholics?\b/giu, instead: 'person with an alcohol use disorder' },
  { pattern: /\babusers?\b/giu, instead: 'person with a substance use disorder, or a person who misuses substances' },
  { pattern: new RegExp(`\\b${SUBSTANCE}\\s+abuse\\b`, 'giu'), instead: 'substance use, misuse, or substance use disorder' },
  { pattern: new RegExp(`\\babus(?:e|es|ed|ing)\\s+(?:of\\s+)?${SUBSTANCES_PLURAL}\\b`, 'giu'), instead: 'use or misuse' },
  {
    pattern: new RegExp(
      [
        `\\b${STAYING}\\s+clean\\b`,
        `\\b${TESTED}\\s+clean\\b`,
        `\\bclean\\s+(?:and\\s+sober|time|dates?|${PERIOD}|${SAMPLE})\\b`,
        `\\b(?:(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\s+)?${PERIOD}\\s+clean\\b`,
      ].join('|'),
      'giu',
    ),
    instead: 'testing negative, not currently using, or in recovery',
  },
  { pattern: /\bdirty\b/giu, instead: 'testing positive, or currently using' },
  {
    pattern: new RegExp(
      `\\b(?:${SUBSTANCE}|drinking|using|smoking)\\s+habits?\\b|\\b(?:kick|kicks|kicked|kicking|feed|feeds|fed|feeding)\\s+(?:the|a|his|her|their|my|your|our)\\s+habit\\b`,
      'giu',
    ),
    instead: 'substance use disorder',
  },
  {
    // "Nicotine replacement therapy" and "hormone replacement therapy" are the names of other treatments.
    pattern: /(?<!\b(?:nicotine|hormone)\s+)\b(?:replacement|substitution|substitute)\s+(?:therapy|therapies|treatment)\b/giu,
    instead: 'medication for opioid use disorder (MOUD), or medication treatment',
  },
  { pattern: /\benabl(?:er|ers|ing)\b/giu, instead: 'a description of the behavior, e.g. "covering for" or "making excuses for"' },
  {
    pattern: /\b(?:crackheads?|crack\s+heads?|druggies|druggie|druggy|potheads?|dope\s+fiends?|meth\s*heads?|tweakers?|stoners?)\b/giu,
    instead: 'person with a substance use disorder, or person who uses drugs',
  },
  {
    pattern: new RegExp(
      `\\b(?:${SUBSTANCE}|injection|intravenous|iv)\\s+users?\\b|\\busers?\\s+of\\s+${SUBSTANCES_PLURAL}\\b`,
      'giu',
    ),
    instead: 'person who uses drugs, or person with a substance use disorder',
  },
];

/** Proper names that contain a term; matched case-insensitively, across line breaks. */
export const ALLOWED_PROPER_NAMES: readonly string[] = [
  'Substance Abuse and Mental Health Services Administration',
  'National Institute on Drug Abuse',
  'National Institute on Alcohol Abuse and Alcoholism',
  'Center for Substance Abuse Treatment',
  'Center for Substance Abuse Prevention',
  'Substance Abuse Prevention and Treatment Block Grant',
  'Substance Abuse: Clinical Issues in Intensive Outpatient Treatment',
  'Journal of Substance Abuse Treatment',
  'Journal of Substance Abuse',
  'Alcoholics Anonymous',
  'Adult Children of Alcoholics',
];

const QUOTED = '["\\u201c][^"\\u201d\\n]{1,40}["\\u201d]';
/** `the word "addict"`, `the words "clean" and "dirty"`, `the term "abuser"`. */
const ALLOW_MARKER = new RegExp(`\\bthe\\s+(?:words?|terms?)\\s+${QUOTED}(?:(?:\\s*,\\s*|\\s+)(?:(?:and|or)\\s+)?${QUOTED})*`, 'giu');

const PROPER_NAME_PATTERNS = ALLOWED_PROPER_NAMES.map(
  (name) => new RegExp(name.split(/\s+/).map(escapeRegExp).join('\\s+'), 'giu'),
);

export interface StigmaMatch {
  /** The words as written. */
  term: string;
  /** Offset in the checked text. */
  index: number;
  instead: string;
}

/** Stigmatizing terms in `text`, in order, overlapping matches merged to the longest. */
export function findStigmatizingTerms(text: string): StigmaMatch[] {
  const checked = maskAllowed(text);
  const found: StigmaMatch[] = [];
  for (const rule of STIGMA_RULES) {
    for (const match of checked.matchAll(rule.pattern)) {
      found.push({ term: text.slice(match.index, match.index + match[0].length), index: match.index, instead: rule.instead });
    }
  }
  found.sort((a, b) => a.index - b.index || b.term.length - a.term.length);
  const kept: StigmaMatch[] = [];
  for (const match of found) if (!overlaps(kept[kept.length - 1], match)) kept.push(match);
  return kept;
}

/** Blank out allowed spans with spaces, keeping offsets so matches map back to the text. */
function maskAllowed(text: string): string {
  let masked = text;
  for (const pattern of [...PROPER_NAME_PATTERNS, ALLOW_MARKER]) {
    masked = masked.replace(pattern, (span) => span.replace(/[^\n]/g, ' '));
  }
  return masked;
}

function overlaps(previous: StigmaMatch | undefined, next: StigmaMatch): boolean {
  return previous !== undefined && next.index < previous.index + previous.term.length;
}

/** The message for one match, including how to keep the word when teaching about it. */
export function stigmaMessage(match: StigmaMatch): string {
  return (
    `"${match.term}" is stigmatizing language (NIDA Words Matter); use person-first wording: ${match.instead}. ` +
    `To teach about the word itself, write it as: the word "${match.term}"`
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
