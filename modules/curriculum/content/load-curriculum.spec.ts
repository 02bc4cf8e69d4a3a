import { parseLessonSource, parseManifestSource } from './load-curriculum';

const FRONT = ['---', 'slug: one', 'title: One', 'objectives: [Name a trigger.]', 'estimatedMinutes: 5'];

describe('parseLessonSource', () => {
  it('splits front matter and body and knows where the body starts', () => {
    const parsed = parseLessonSource([...FRONT, '---', '', '## Hello', ''].join('\n'), 'l.md');
    expect(parsed.issues).toEqual([]);
    expect(parsed.lesson?.frontMatter.slug).toBe('one');
    expect(parsed.lesson?.body).toBe('\n## Hello\n');
    expect(parsed.lesson?.bodyStartLine).toBe(7);
  });

  it('names the file line of a YAML syntax error', () => {
    const source = [...FRONT, 'sources:', '  - title: "unclosed', '---', 'Body'].join('\n');
    expect(parseLessonSource(source, 'l.md').issues).toEqual([
      expect.objectContaining({ file: 'l.md', field: '(yaml)', line: 7, message: expect.stringMatching(/^YAML syntax error: .*line 7/) }),
    ]);
  });

  it('reports a duplicate key as a YAML error', () => {
    const source = [...FRONT, 'title: Again', '---', 'Body'].join('\n');
    expect(parseLessonSource(source, 'l.md').issues).toEqual([
      expect.objectContaining({ field: '(yaml)', line: 6, message: expect.stringContaining('unique') }),
    ]);
  });

  it('still parses a lesson whose only problem is an unknown field, so other checks run', () => {
    const parsed = parseLessonSource([...FRONT, 'objective: typo', '---', 'Body'].join('\n'), 'l.md');
    expect(parsed.issues).toEqual([
      expect.objectContaining({ field: 'objective', message: expect.stringContaining('did you mean `objectives`?') }),
    ]);
    expect(parsed.lesson?.frontMatter.title).toBe('One');
  });

  it('refuses a front matter that is never closed', () => {
    expect(parseLessonSource([...FRONT, 'Body'].join('\n'), 'l.md').issues).toEqual([
      expect.objectContaining({ field: '(front matter)', message: expect.stringContaining('never closed') }),
    ]);
  });

  it('refuses a `---js` front matter instead of evaluating it', () => {
    const source = ['---js', '{ slug: (() => { throw new Error("ran") })() }', '---', 'Body'].join('\n');
    expect(parseLessonSource(source, 'l.md').issues).toEqual([expect.objectContaining({ field: '(front matter)' })]);
  });

  it('explains type errors in plain words', () => {
    const parsed = parseLessonSource([...FRONT.slice(0, 4), 'estimatedMinutes: ten', '---', 'Body'].join('\n'), 'l.md');
    expect(parsed.issues).toEqual([
      expect.objectContaining({ field: 'estimatedMinutes', message: 'must be a number, not "ten"' }),
    ]);
  });
});

describe('parseManifestSource', () => {
  it('asks for quotes when YAML reads a provider number as a number', () => {
    const source = [
      'slug: c',
      'title: C',
      'summary: S',
      'audiences: [STAFF]',
      'estimatedMinutes: 60',
      'contactHours: 1',
      'ceApproval: { approvingBody: NAADAC, providerNumber: 123456, statement: Approved. }',
      'lessons: [one]',
    ].join('\n');
    expect(parseManifestSource(source, 'course.yaml').issues).toEqual([
      expect.objectContaining({ field: 'ceApproval.providerNumber', message: 'must be text, not 123456 (put the value in quotes, e.g. "123456")' }),
    ]);
  });

  it('names the allowed values of an enum', () => {
    const source = 'slug: c\ntitle: C\nsummary: S\naudiences: [PATIENTS]\nestimatedMinutes: 5\nlessons: [one]\n';
    expect(parseManifestSource(source, 'course.yaml').issues).toEqual([
      expect.objectContaining({ field: 'audiences[0]', message: 'must be one of FAMILY, PATIENT, STAFF, not "PATIENTS"' }),
    ]);
  });

  it('reports an empty manifest', () => {
    expect(parseManifestSource('# nothing yet\n', 'course.yaml').issues).toEqual([
      expect.objectContaining({ field: '(manifest)', message: expect.stringContaining('empty') }),
    ]);
  });
});
