import { countWords, parseMarkdown, readableProse } from './markdown-text';
import { fleschKincaidGrade } from './readability';

describe('parseMarkdown', () => {
  const markdown = [
    '## Getting *started*', // 0
    '', // 1
    'Read the [next lesson](lesson:next-one "Next") and', // 2
    '**call** a friend.', // 3
    '', // 4
    '- First item', // 5
    '- Second item with [a link](https://example.org/long/url)', // 6
    '', // 7
    '<!-- a note for writers -->', // 8
    '', // 9
    '```', // 10
    'code here', // 11
    '```', // 12
  ].join('\n');
  const parsed = parseMarkdown(markdown);

  it('keeps text and drops Markdown syntax, link URLs and HTML comments', () => {
    expect(parsed.blocks).toEqual([
      { kind: 'heading', text: 'Getting started', line: 0, level: 2 },
      { kind: 'text', text: 'Read the next lesson and\ncall a friend.', line: 2 },
      { kind: 'text', text: 'First item', line: 5 },
      { kind: 'text', text: 'Second item with a link', line: 6 },
      { kind: 'code', text: 'code here', line: 10 },
    ]);
  });

  it('collects links with their text and line', () => {
    expect(parsed.links).toEqual([
      { href: 'lesson:next-one', text: 'next lesson', line: 2 },
      { href: 'https://example.org/long/url', text: 'a link', line: 6 },
    ]);
  });

  it('gives readability plain sentences, one per block, without headings or code', () => {
    expect(readableProse(parsed.blocks)).toBe('Read the next lesson and call a friend.\nFirst item.\nSecond item with a link.');
  });

  it('counts the words a reader reads', () => {
    // Getting started (2) + 8 + First item (2) + 5; code is not counted.
    expect(countWords(parsed.blocks)).toBe(17);
  });
});

describe('parseMarkdown image alt text', () => {
  it('counts alt text as learner-facing text (screen readers read it)', () => {
    expect(parseMarkdown('![A person walking outside](walk.png)').blocks).toEqual([{ kind: 'text', text: 'A person walking outside', line: 0 }]);
  });
});

describe('fleschKincaidGrade (text-readability)', () => {
  it('scores plain sentences low and dense academic prose high', () => {
    expect(fleschKincaidGrade('A trigger is a cue. It can be a place. Call a friend when it comes.')).toBeLessThan(4);
    expect(
      fleschKincaidGrade(
        'Environmental and interoceptive conditioned stimuli progressively acquire motivational salience, consequently precipitating physiological dysregulation.',
      ),
    ).toBeGreaterThan(16);
  });
});
