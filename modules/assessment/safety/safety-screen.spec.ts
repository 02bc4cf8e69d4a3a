import { RISK_PHRASES, RiskCategory } from './risk-phrases';
import { compilePhrase, flaggedMessage, normalizeForScreen, screenMessage, screenText } from './safety-screen';

const { SELF_HARM, OVERDOSE, INTENT_TO_USE, CRISIS, RECENT_USE, RELAPSE, CRAVING } = RiskCategory;

describe('safety screen: must flag', () => {
  it.each<[string, RiskCategory[]]>([
    ['Sometimes I think about killing myself.', [SELF_HARM]],
    ['I want to die.', [SELF_HARM]],
    ['Honestly everyone would be better off without me', [SELF_HARM]],
    ['I have been cutting myself again', [SELF_HARM]],
    ['I feel SUICIDAL tonight', [SELF_HARM]],
    ["I don't want to wake up tomorrow", [SELF_HARM]],
    ['i just want to kms', [SELF_HARM]],
    ['I thought about self-harm this week', [SELF_HARM]],
    // Negation is not understood outside intent to use: deliberately over-flagged.
    ["I'm not suicidal, just tired", [SELF_HARM]],
    ["I'm going to take all my pills", [OVERDOSE]],
    ['My son overdosed last week and I keep thinking about it', [OVERDOSE]],
    ["I'm scared I will overdose", [OVERDOSE]],
    ['I took too many pills last night', [OVERDOSE]],
    ["I'm going to use tonight.", [INTENT_TO_USE]],
    ["I'm gonna get high after work", [INTENT_TO_USE]],
    ['I need a drink so bad right now', [INTENT_TO_USE]],
    ['I already called my dealer', [INTENT_TO_USE]],
    ['Payday is tomorrow and I want to use', [INTENT_TO_USE]],
    ["I don't know, I'm going to buy some heroin", [INTENT_TO_USE]],
    ['I feel hopeless.', [CRISIS]],
    ["I can't take it anymore", [CRISIS]],
    ['I cant go on like this', [CRISIS]],
    ['I can’t go on like this (curly apostrophe)', [CRISIS]],
    ["I'm not safe at home", [CRISIS]],
    ['He hits me when he drinks', [CRISIS]],
    // Judgment call (docs/decisions.md): past tense is not understood, and a calm sentence costs a clinician a minute.
    ['I used to feel hopeless but now I have hope', [CRISIS]],
    ['I feel hopeless and I want to end my life', [SELF_HARM, CRISIS]],
    // The sentences from the report that used to pass unflagged.
    ["I've been thinking about using again", [CRAVING]],
    ['I relapsed last night', [RELAPSE]],
    ['I used heroin yesterday', [RECENT_USE]],
    ['I keep craving a drink', [CRAVING]],
  ])('%j → %j', (text, categories) => {
    expect(screenText(text)).toEqual({ flagged: true, categories });
  });
});

describe('safety screen: must not flag', () => {
  it.each([
    'Payday is my strongest trigger, so I set up direct deposit.',
    "I'm going to use my coping card when cravings hit.",
    'I used to drink every Friday after work.',
    'I plan to use urge surfing next time.',
    "I don't want to use again.",
    "I'm not going to drink tonight, I'm going to a meeting.",
    'I will never relapse into old patterns without asking for help.',
    'Relapse is a process, not an event.',
    'I learned how naloxone reverses an opioid overdose.',
    'My family is proud of my 60 days.',
    "I'm going to drink water and go for a walk.",
    'I need to use my support network more.',
    'I am dying to see my kids this weekend.',
    'Killing time with a hobby helps when I am bored.',
    'Stress at work makes cravings stronger.',
    'I feel safe at home now.',
    'I added my sponsor as my emergency contact.',
    'I already have a sponsor and a home group.',
    "I haven't used in 90 days.",
    'I slipped on the ice walking to group.',
    "I'm craving pizza after that shift.",
  ])('%j', (text) => {
    expect(screenText(text)).toEqual({ flagged: false, categories: [] });
  });
});

describe('phrase list', () => {
  it('every phrase compiles', () => {
    for (const category of Object.values(RiskCategory)) {
      expect(RISK_PHRASES[category].phrases.length).toBeGreaterThan(0);
      for (const phrase of RISK_PHRASES[category].phrases) expect(() => compilePhrase(phrase, false)).not.toThrow();
    }
  });

  it.each(['(unclosed', 'stray) bracket', '[]', ''])('rejects the malformed phrase %j', (phrase) => {
    expect(() => compilePhrase(phrase, false)).toThrow();
  });

  it('normalizes spellings and punctuation before matching', () => {
    expect(normalizeForScreen("I CANNOT go on, I’m done")).toBe(" i can't go on . i'm done . ");
  });

  it('the flagged message says plainly that no one watches around the clock, and names 988 and 911', () => {
    const message = flaggedMessage([SELF_HARM]);
    expect(message).toMatch(/not monitored around the clock/);
    expect(message).toMatch(/988/);
    expect(message).toMatch(/911/);
    expect(flaggedMessage([OVERDOSE])).toMatch(/naloxone/);
  });

  it('use, relapse and craving alone get the supportive answer, without the crisis line', () => {
    for (const categories of [[RECENT_USE], [RELAPSE], [CRAVING], [RECENT_USE, RELAPSE]]) {
      const message = screenMessage(categories);
      expect(message).toMatch(/Thank you for being honest/);
      expect(message).toMatch(/not monitored around the clock/);
      expect(message).toMatch(/1-800-662-4357/);
      expect(message).not.toMatch(/988|hurting yourself/);
    }
    expect(screenMessage([RELAPSE])).toMatch(/do not use alone/);
    expect(screenMessage([CRAVING])).not.toMatch(/do not use alone/);
  });

  it.each([[[SELF_HARM, RELAPSE]], [[OVERDOSE, RECENT_USE]], [[CRISIS, CRAVING]], [[INTENT_TO_USE]]])('%j keeps the crisis path', (categories) => {
    expect(screenMessage(categories)).toBe(flaggedMessage(categories));
    expect(screenMessage(categories)).toMatch(/988/);
  });
});
