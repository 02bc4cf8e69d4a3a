/**
 * The phrases that make the safety screen flag a reflection. This list is the
 * whole rule: no model, no scoring. Clinical staff can read and change it; the
 * table test in safety-screen.spec.ts says what must and must not flag.
 *
 * How a phrase matches (see safety-screen.ts):
 * - Case-insensitive, on whole words, after normalizing the text: curly quotes
 *   become straight, hyphens become spaces ("self-harm" = "self harm"), common
 *   spellings are unified ("cant", "cannot", "can not" → "can't"; "im", "i am" → "i'm";
 *   "gonna" → "going to", "wanna" → "want to", "dont", "do not" → "don't",
 *   and the like; see NORMALIZE in safety-screen.ts).
 * - `(a|b c)`: one of the alternatives (an alternative may be several words).
 * - `[a|b]`: the same, but optional.
 * - `<end>`: the end of a sentence or clause (. ! ? , ; : or a line break) or of
 *   the text. Used where a verb alone would catch ordinary sentences: "going
 *   to use <end>" flags "I'm going to use." but not "I'm going to use my
 *   coping card".
 *
 * Deliberate choices (docs/decisions.md, "Assessment"):
 * - We prefer flagging too much to missing: past tense is not understood, so
 *   "I used to feel hopeless" flags, and negation is ignored except for intent
 *   to use (below), so "I'm not suicidal" flags. A clinician reading a calm
 *   sentence costs little; a missed one can cost a life.
 * - Educational mentions of overdose ("how naloxone reverses an overdose") do
 *   not flag; someone overdosing, or about to, does. Staff write about
 *   overdose response every week and a queue of false alarms buries real ones.
 * - Categories, never the matched words, are stored with the reflection.
 */
export enum RiskCategory {
  SELF_HARM = 'SELF_HARM',
  OVERDOSE = 'OVERDOSE',
  INTENT_TO_USE = 'INTENT_TO_USE',
  CRISIS = 'CRISIS',
}

const SUBSTANCE = '(a drink|drinks|alcohol|beer|liquor|vodka|wine|meth|heroin|fentanyl|dope|coke|cocaine|crack|pills|oxy|percs|xanax|benzos|weed|drugs)';
/** "some heroin", "a few pills". */
const AMOUNT = '[some|more|a little|a bag of|a few|a couple|a couple of]';
const INTEND = '(going to|want to|about to|have to|need to|plan to|planning to|will|i\'ll)';

/**
 * Phrases by category. `negatable` categories ignore a match whose preceding
 * word is a negation (not, never, don't, won't, didn't, doesn't, can't): only
 * intent to use, because "I don't want to use again" is the most common
 * sentence in relapse-prevention homework, and flagging it would bury the
 * reflections that need a clinician. The other categories never do.
 */
export const RISK_PHRASES: Readonly<Record<RiskCategory, { negatable: boolean; phrases: readonly string[] }>> = {
  [RiskCategory.SELF_HARM]: {
    negatable: false,
    phrases: [
      'suicide',
      'suicidal',
      '(kill|killing|hurt|hurting|harm|harming|cut|cutting) myself',
      'self harm',
      'self harming',
      'kms',
      '(end|ending|take|taking) my [own] life',
      'end it all',
      '(want|wanted|wanting) to die',
      'wish i (was|were) dead',
      'better off dead',
      'better off without me',
      '(no|nothing) (reason|point) (to|in) (live|living|going on)',
      'nothing to live for',
      "don't want to (live|be alive|be here anymore|exist|wake up)",
      'never wake up',
    ],
  },
  [RiskCategory.OVERDOSE]: {
    negatable: false,
    phrases: [
      'overdosed',
      "(od'd|od'ed|oded)",
      '(will|could|might|going to|want to|about to) (overdose|od)',
      '(overdose|od) on purpose',
      'take all (my|of my|the) (pills|meds|medication|medicine)',
      `too (many|much) ${SUBSTANCE}`,
      "(isn't|not|stopped) breathing",
      "won't wake up",
      'turning blue',
    ],
  },
  [RiskCategory.INTENT_TO_USE]: {
    negatable: true,
    phrases: [
      `${INTEND} (use|drink|relapse|get high|get drunk|get wasted|score|pick up|get loaded) (<end>|again|tonight|today|now|later|this weekend|after work|when i get paid)`,
      `${INTEND} (use|do|buy|get|score|shoot|smoke|snort|drink) ${AMOUNT} ${SUBSTANCE}`,
      '(going to|about to|will) relapse',
      'need (a drink|a hit|a fix|to get high)',
      '(called|calling|call|text|texted|texting|meet|meeting) my dealer',
      "can't stop thinking about using",
      "can't stop myself from using",
      `already (bought|got|picked up|scored|have) ${AMOUNT} ${SUBSTANCE}`,
    ],
  },
  [RiskCategory.CRISIS]: {
    negatable: false,
    phrases: [
      'hopeless',
      "can't go on",
      "can't take (it|this) anymore",
      "can't do this anymore",
      'give up on (life|everything)',
      'no way out',
      "(i'm not|i don't feel|i never feel|i'm never) safe",
      "(i feel|i'm) unsafe",
      '(not safe|unsafe) (at home|here|with him|with her|with them)',
      'in danger',
      '(he|she|they) (hits|hit|hurts|hurt|beats|beat|chokes|choked|threatens|threatened) me',
      '(going to|want to) (hurt|kill) (him|her|them|someone|somebody)',
    ],
  },
};
