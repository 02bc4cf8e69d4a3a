/**
 * Words that must never reach a patient or family member outside the app — in a mail's
 * subject, body, sender name, link text or URL — because they would tell whoever sees
 * the message (a housemate, an employer's mail server, a phone's lock screen) that the
 * person is in addiction treatment (42 CFR Part 2). Stems match any ending
 * ("addict" → addiction, addicted); matching ignores case. Course and lesson titles and the
 * program's own name are checked separately, because they come from data.
 */
export const FORBIDDEN_STEMS: readonly string[] = [
  'addict',
  'substance',
  'alcohol',
  'drug',
  'opioid',
  'opiate',
  'heroin',
  'fentanyl',
  'cocaine',
  'methamphetamine',
  'cannabis',
  'marijuana',
  'methadone',
  'buprenorphine',
  'suboxone',
  'naltrexone',
  'naloxone',
  'narcan',
  'overdos',
  'withdrawal',
  'detox',
  'rehab',
  'treatment',
  'recover',
  'relaps',
  'sober',
  'sobriety',
  'abstinen',
  'craving',
  'drinking',
  'intoxicat',
  'use disorder',
  'dependence',
  'twelve-step',
  '12-step',
  'behavioral health',
  'mental health',
  'counsel',
  'therap',
  'clinic',
  'patient',
  'diagnos',
  'self-harm',
  'suicid',
];

/** The sender name on mail when an organization has not chosen one: says nothing about care. */
export const DEFAULT_DISCREET_SENDER = 'Waypoint';

/** Acronyms matched whole and case-sensitively ("SUD", not "sudden"). */
export const FORBIDDEN_ACRONYMS: readonly string[] = ['SUD', 'OUD', 'AUD', 'MAT', 'MOUD', 'IOP', 'PHP'];

const STEMS = new RegExp(`(?<![a-z])((?:${FORBIDDEN_STEMS.map(escape).join('|')})[a-z]*)`, 'i');
const ACRONYMS = new RegExp(`\\b(${FORBIDDEN_ACRONYMS.join('|')})\\b`);

/** The first forbidden word in the text (whole, as written), or null. */
export function forbiddenWordIn(text: string): string | null {
  const stem = STEMS.exec(text);
  if (stem) return stem[1];
  const acronym = ACRONYMS.exec(text);
  return acronym ? acronym[1] : null;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
