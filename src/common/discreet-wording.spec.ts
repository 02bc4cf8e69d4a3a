import { forbiddenWordIn } from './discreet-wording';

describe('discreet wording', () => {
  it.each([
    ['Your addiction program', 'addiction'],
    ['Harbor Recovery Center', 'Recovery'],
    ['Relapse prevention homework', 'Relapse'],
    ['SUD services', 'SUD'],
    ['Substance use lessons', 'Substance'],
    ['Sunrise Treatment Services', 'Treatment'],
  ])('finds the word in %s', (text, word) => {
    expect(forbiddenWordIn(text)).toBe(word);
  });

  it.each(['You have a new update from Harbor Health Portal', 'A sudden change of plan', 'Matters to attend to', 'Sign in to see it'])('passes %s', (text) => {
    expect(forbiddenWordIn(text)).toBeNull();
  });
});
