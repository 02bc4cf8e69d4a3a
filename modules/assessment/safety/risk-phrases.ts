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
  RECENT_USE = 'RECENT_USE',
  RELAPSE = 'RELAPSE',
  CRAVING = 'CRAVING',
}

/**
 * Categories that get the supportive answer instead of the crisis one: using, a
 * relapse or a craving is something to talk about with the care team soon, not an
 * emergency. The reflection still goes to the top of the review queue.
 */
export const SUPPORT_CATEGORIES: ReadonlySet<RiskCategory> = new Set([RiskCategory.RECENT_USE, RiskCategory.RELAPSE, RiskCategory.CRAVING]);

const SUBSTANCE = '(a drink|drinks|alcohol|beer|liquor|vodka|wine|meth|heroin|fentanyl|dope|coke|cocaine|crack|pills|oxy|percs|xanax|benzos|weed|drugs)';
/** "some heroin", "a few pills". */
const AMOUNT = '[some|more|a little|a bag of|a few|a couple|a couple of]';
/** Substances and drinks as people name them when they say they used; "a drink" is left out (a drink of water). */
const USED_WHAT =
  '(alcohol|beer|beers|liquor|vodka|whiskey|wine|shots|meth|heroin|fentanyl|fent|dope|coke|cocaine|crack|pills|oxy|percs|xanax|xans|benzos|weed|pot|drugs|a hit|a line|lines|speed|molly|pcp|some|again)';
/** When: the words that make "I drank" about now, not a story from years ago. */
const RECENTLY =
  '(<end>|again|last night|yesterday|today|tonight|this morning|this afternoon|this weekend|last weekend|on friday|on saturday|this week|at the party|after work|after group|before group|with my|and|a few days ago|two days ago|three days ago)';
/** What a craving is for, or how strong it is: "craving pizza" is not a concern. */
const CRAVED =
  '(it|a drink|drinks|alcohol|beer|a beer|liquor|wine|meth|heroin|fentanyl|dope|coke|cocaine|crack|pills|oxy|weed|drugs|a hit|a fix|a high|the high|so|really|hard|bad|badly|like crazy|<end>|again|today|tonight|right now|every day|all the time|all day)';
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
      "(will|i'll|could|might|going to|want to|about to) (overdose|od)",
      '(overdose|od) on purpose',
      'take all (my|of my|the) (pills|meds|medication|medicine)',
      `too (many|much) ${SUBSTANCE}`,
      "(isn't|wasn't|not|stopped) breathing",
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
  [RiskCategory.RECENT_USE]: {
    negatable: true,
    phrases: [
      `i (used|drank|smoked|snorted|shot|took|did|had|bought|scored|got) ${AMOUNT} ${USED_WHAT} ${RECENTLY}`,
      `i (used|drank|drunk|got high|got drunk|got wasted|got loaded|got stoned|shot up|blacked out) ${RECENTLY}`,
      "(i got|i was|i'm) (high|drunk|wasted|loaded|stoned|buzzed) (<end>|again|last night|yesterday|today|tonight|this morning|right now|now|at work|at the party|and|when|while)",
      `i got (high|drunk|wasted|loaded) on ${USED_WHAT}`,
      "i've been (using|drinking|getting high|smoking weed|smoking meth|taking pills|drinking again|using again)",
      "i've (used|drank|had a drink|had a few drinks|gotten high) (again|since|this week|every day)",
      'i had (a drink|a few drinks|some drinks|a couple drinks|a couple of drinks|a beer|a few beers|a couple beers|some beers|a shot|a few shots) (<end>|again|last night|yesterday|today|tonight|this morning|at|after|and|with)',
      "(i'm|i am) (high|drunk|wasted|stoned) right now",
      '(took|used|did|smoked) (a hit|a line|a bump)',
      'i (drank|used) (until|till) i',
    ],
  },
  [RiskCategory.RELAPSE]: {
    negatable: true,
    phrases: [
      'i relapsed',
      'i slipped (<end>|up|again|last night|yesterday|today|tonight|this weekend|last weekend|on friday|on saturday|this week|after|and)',
      "i've relapsed",
      '(had|have had) (a|another) (relapse|slip)',
      '(started|start|starting) (using|drinking) again',
      "(i'm|i am|i went|went) back to (using|drinking|my old ways|the bottle|heroin|meth|pills)",
      'back on (heroin|meth|pills|dope|fentanyl|coke|the bottle|the needle|drugs)',
      'fell off the wagon',
      'lost my (sobriety|clean time|sober time|clean date|sober date)',
      '(reset|restart|restarting|resetting) my (clean|sober|sobriety) (date|time|clock)',
      '(broke|ruined|blew) my (sobriety|clean time|streak)',
      'day one again',
      '(picked|pick) up again',
    ],
  },
  [RiskCategory.CRAVING]: {
    negatable: true,
    phrases: [
      `(i'm|i keep|keep|i've been|been|i was|still) (craving|jonesing for) ${CRAVED}`,
      `i crave ${CRAVED}`,
      '(really|badly|bad) (want|wanted|need|needed) (to use|to drink|to get high|a drink|a hit|a fix)',
      `(thinking|thought|think) about (using|drinking|getting high|getting drunk|a drink|relapsing) (again|<end>|all the time|every day|a lot|constantly|today|tonight)`,
      "can't stop thinking about (using|drinking|getting high|getting drunk|a drink)",
      '(my|the) (cravings|urges|craving|urge) (are|is|have been|has been|were|was|keep|keeps|got|get|gets) (so|really|very|super|too|getting|out of|worse|bad|strong|intense|unbearable|constant|killing)',
      '(strong|intense|bad|huge|constant|awful) (craving|cravings|urge|urges) (to|for)',
      '(urge|urges) to (use|drink|get high|relapse)',
      'i miss (using|drinking|getting high|the high|being high|being drunk|heroin|meth|pills|the rush)',
      '(dream|dreams|dreaming|dreamt|dreamed|fantasizing) about (using|drinking|getting high)',
      'so close to (using|drinking|relapsing|picking up|calling my dealer)',
      'almost (used|drank|relapsed|picked up|called my dealer)',
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
