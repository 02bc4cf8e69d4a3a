import { findStigmatizingTerms, stigmaMessage } from './words-matter';

const terms = (text: string): string[] => findStigmatizingTerms(text).map((match) => match.term);

describe('findStigmatizingTerms', () => {
  it.each([
    ['He is an addict.', 'addict'],
    ['Addicts deserve care.', 'Addicts'],
    ['a recovering alcoholic', 'alcoholic'],
    ['junkies', 'junkies'],
    ['a junkie', 'junkie'],
    ['drug abusers', 'abusers'],
    ['a history of drug abuse', 'drug abuse'],
    ['Substance abuse treatment', 'Substance abuse'],
    ['alcohol abuse', 'alcohol abuse'],
    ['abusing drugs', 'abusing drugs'],
    ['She had a clean test last week.', 'clean test'],
    ['a dirty urine', 'dirty'],
    ['He tested clean.', 'tested clean'],
    ['I want to stay clean.', 'stay clean'],
    ['She got clean in 2019.', 'got clean'],
    ['90 days clean', '90 days clean'],
    ['two years clean', 'two years clean'],
    ['clean and sober', 'clean and sober'],
    ['Was the sample dirty?', 'dirty'],
    ['his drug habit', 'drug habit'],
    ['to feed their habit', 'feed their habit'],
    ['opioid replacement therapy', 'replacement therapy'],
    ['substitution therapy', 'substitution therapy'],
    ['Stop being an enabler.', 'enabler'],
    ['Enabling makes it worse.', 'Enabling'],
    ['crackhead', 'crackhead'],
    ['druggie', 'druggie'],
    ['pothead', 'pothead'],
    ['drug users', 'drug users'],
    ['an injection drug user', 'drug user'],
    ['users of heroin', 'users of heroin'],
  ])('flags %p', (text, term) => {
    expect(terms(text)).toEqual([term]);
  });

  it.each([
    'A substance use disorder is a treatable condition.',
    'Addiction changes the brain.',
    'She is addicted to nicotine.',
    'The basal ganglia drive reward and habit.',
    'Build a habit of calling your sponsor.',
    'Keep a clean, calm space at home.',
    'Clean your kitchen.',
    'Report suspected child abuse or neglect.',
    'Nicotine replacement therapy helps people stop smoking.',
    'Alcoholics Anonymous and Al-Anon meet weekly.',
    'Adult Children of Alcoholics',
    'The Substance Abuse and Mental Health Services Administration runs the helpline.',
    'The Substance Abuse and\nMental Health Services Administration runs the helpline.',
    'National Institute on Drug Abuse',
    'the user manual',
    'Some people use the word "addict". We do not.',
    'Avoid the words "clean" and "dirty" when you talk about tests.',
    'The terms \u201cjunkie\u201d, \u201caddict\u201d or "abuser" hurt.',
  ])('allows %p', (text) => {
    expect(terms(text)).toEqual([]);
  });

  it('keeps the allow marker narrow: only the quoted words right after "the word"', () => {
    expect(terms('We say "addict" sometimes.')).toEqual(['addict']);
    expect(terms('The word "addict" is a label, and addicts deserve better.')).toEqual(['addicts']);
  });

  it('reports offsets into the original text', () => {
    const [match] = findStigmatizingTerms('First line.\nMany addicts wait.');
    expect(match).toMatchObject({ term: 'addicts', index: 17 });
  });

  it('says what to write instead and how to quote the word', () => {
    const [match] = findStigmatizingTerms('dirty');
    expect(match && stigmaMessage(match)).toBe(
      '"dirty" is stigmatizing language (NIDA Words Matter); use person-first wording: testing positive, or currently using. ' +
        'To teach about the word itself, write it as: the word "dirty"',
    );
  });
});
