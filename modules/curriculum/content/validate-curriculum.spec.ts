import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BUNDLED_CONTENT_POLICY, type ContentPolicy, withoutSizeLimits } from './content-checks';
import { BUNDLED_QUIZ_HONESTY, QUIZZES_FIELD } from './quiz-honesty';
import { findRepoRoot } from './repo-paths';
import { type CurriculumValidation, summarize, validateCurriculum } from './validate-curriculum';

const FIXTURES = 'test/fixtures/curriculum';
const repoRoot = findRepoRoot();
/** Fixtures are a few lines long: every rule but the length limits. */
const FIXTURE_POLICY = withoutSizeLimits(BUNDLED_CONTENT_POLICY);

function validateFixture(name: string, content: Readonly<ContentPolicy> | false = FIXTURE_POLICY): Promise<CurriculumValidation> {
  return validateCurriculum(path.join(repoRoot, FIXTURES, name), { content });
}

const course = (fixture: string, dir = 'coping-basics'): string => `${FIXTURES}/${fixture}/${dir}/course.yaml`;
const lesson = (fixture: string, fileName = '01-noticing-triggers.md', dir = 'coping-basics'): string =>
  `${FIXTURES}/${fixture}/${dir}/lessons/${fileName}`;

/** 1-based line of the first line in `file` containing `needle`: keeps line assertions honest if a fixture changes. */
function lineOf(file: string, needle: string): number {
  const index = readFileSync(path.join(repoRoot, file), 'utf8').split('\n').findIndex((text) => text.includes(needle));
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  return index + 1;
}

interface Expected {
  file: string;
  field: string;
  message: string;
  line?: number;
}

describe('validateCurriculum on fixtures', () => {
  it('accepts the minimal valid curriculum', async () => {
    const result = await validateFixture('valid-minimal');
    expect(result.issues).toEqual([]);
    expect(summarize(result)).toBe('2 courses, 3 lessons: OK');
  });

  const cases: Array<[string, Expected[]]> = [
    [
      'unknown-field',
      [
        { file: course('unknown-field'), field: 'author', message: 'unknown field `author`' },
        { file: lesson('unknown-field'), field: 'quiz.questions[0].hint', message: 'unknown field `hint`' },
      ],
    ],
    [
      'duplicate-course-slug',
      [
        { file: course('duplicate-course-slug', 'coping-basics-copy'), field: 'slug', message: 'does not match the course folder `coping-basics-copy`' },
        { file: course('duplicate-course-slug', 'coping-basics-copy'), field: 'slug', message: 'duplicate course slug `coping-basics`' },
      ],
    ],
    ['duplicate-lesson-slug', [{ file: course('duplicate-lesson-slug'), field: 'lessons[1]', message: 'listed twice' }]],
    [
      'single-choice-no-correct',
      [{ file: lesson('single-choice-no-correct'), field: 'quiz.questions[0].options', message: 'exactly one option with `correct: true`, but none is' }],
    ],
    [
      'single-choice-two-correct',
      [{ file: lesson('single-choice-two-correct'), field: 'quiz.questions[0].options', message: 'exactly one option with `correct: true`, but 2 are (a, b)' }],
    ],
    [
      'multiple-choice-all-correct',
      [{ file: lesson('multiple-choice-all-correct'), field: 'quiz.questions[0].options', message: 'at least one incorrect option' }],
    ],
    [
      'true-false-with-options',
      [{ file: lesson('true-false-with-options'), field: 'quiz.questions[1].options', message: 'TRUE_FALSE question uses `answer: true` or `answer: false`, not options' }],
    ],
    ['duplicate-question-id', [{ file: lesson('duplicate-question-id'), field: 'quiz.questions[1].id', message: 'duplicate question id `inner-trigger`' }]],
    ['missing-rationale', [{ file: lesson('missing-rationale'), field: 'quiz.questions[1].rationale', message: 'required field `rationale` is missing' }]],
    ['no-objectives', [{ file: lesson('no-objectives'), field: 'objectives', message: 'the lesson has no objectives' }]],
    [
      'dead-lesson-link',
      [
        {
          file: lesson('dead-lesson-link'),
          field: 'body',
          message: 'points to lesson `riding-out-cravings`, which does not exist in this course',
          line: lineOf(lesson('dead-lesson-link'), 'lesson:riding-out-cravings'),
        },
      ],
    ],
    [
      'prerequisite-cycle',
      [{ file: course('prerequisite-cycle'), field: 'prerequisites[0]', message: 'prerequisite cycle coping-basics → next-steps → coping-basics' }],
    ],
    ['unknown-prerequisite', [{ file: course('unknown-prerequisite'), field: 'prerequisites[0]', message: '`no-such-course` is not a course' }]],
    ['readability-too-high', [{ file: lesson('readability-too-high'), field: 'body', message: 'Flesch-Kincaid grade' }]],
    [
      'stigmatizing-term',
      [
        { file: lesson('stigmatizing-term'), field: 'quiz.questions[0].options[1].text', message: '"clean urine" is stigmatizing language' },
        { file: lesson('stigmatizing-term'), field: 'body', message: '"addicts" is stigmatizing language', line: lineOf(lesson('stigmatizing-term'), 'Many addicts') },
      ],
    ],
    ['missing-sources', [{ file: lesson('missing-sources'), field: 'sources', message: 'the lesson names no sources' }]],
    ['staff-without-contact-hours', [{ file: course('staff-without-contact-hours'), field: 'contactHours', message: 'must state `contactHours`' }]],
    ['contact-hours-on-patient-course', [{ file: course('contact-hours-on-patient-course'), field: 'contactHours', message: 'only courses with STAFF' }]],
    ['ce-approval-incomplete', [{ file: course('ce-approval-incomplete'), field: 'ceApproval.statement', message: 'required field `statement` is missing' }]],
    [
      'yaml-syntax-error',
      [{ file: lesson('yaml-syntax-error'), field: '(yaml)', message: 'YAML syntax error', line: lineOf(lesson('yaml-syntax-error'), 'estimatedMinutes') }],
    ],
    ['missing-front-matter', [{ file: lesson('missing-front-matter'), field: '(front matter)', message: 'must start with YAML front matter' }]],
    [
      'lesson-files-vs-manifest',
      [
        { file: course('lesson-files-vs-manifest'), field: 'lessons[1]', message: 'lesson `riding-out-cravings` has no file' },
        { file: lesson('lesson-files-vs-manifest', '02-an-extra-lesson.md'), field: '(file)', message: 'is not listed in' },
      ],
    ],
    ['slug-mismatch', [{ file: lesson('slug-mismatch', '01-noticing-trigger.md'), field: 'slug', message: 'does not match the file name 01-noticing-trigger.md' }]],
    ['level-one-heading', [{ file: lesson('level-one-heading'), field: 'body', message: 'body headings start at `##`' }]],
    [
      'unknown-program-placeholder',
      [
        {
          file: lesson('unknown-program-placeholder'),
          field: 'body',
          message: '`{{program.parking}}` is not a program setting; use one of {{program.hours}}, {{program.afterHoursLine}}',
          line: lineOf(lesson('unknown-program-placeholder'), '{{program.parking}}'),
        },
      ],
    ],
    [
      'family-safety-plan-without-warning',
      [
        {
          file: lesson('family-safety-plan-without-warning'),
          field: 'reflectionPrompts[0].prompt',
          message: 'a family prompt that asks for a safety plan must first warn that others who open this app or device may see the answer',
        },
      ],
    ],
  ];

  it.each(cases)('rejects %s with a precise issue', async (fixture, expected) => {
    const result = await validateFixture(fixture);
    expect(result.issues).toEqual(
      expected.map(({ file, field, message, line }) =>
        expect.objectContaining({ file, field, message: expect.stringContaining(message), ...(line === undefined ? {} : { line }) }),
      ),
    );
  });

  // Course-wide quiz statistics: off for fixtures by default (a share of two questions means nothing), on here.
  const QUIZ_HONESTY_POLICY: ContentPolicy = { ...FIXTURE_POLICY, quizHonesty: BUNDLED_QUIZ_HONESTY };
  const quizCases: Array<[string, string]> = [
    [
      'quiz-key-longest',
      'the correct option is the longest in 2 of 3 single-choice questions (67 %); at most 35 % (1) may be, or length gives the answer away: ' +
        'shorten the key or lengthen a plausible wrong option in some of noticing-triggers quiz.questions[0], noticing-triggers quiz.questions[1]',
    ],
    [
      'quiz-true-false-balance',
      '0 of 4 true/false questions are true (0 %); keep 40 %-60 % true (2 of 4), or "false" becomes a safe guess: rewrite some of ' +
        'noticing-triggers quiz.questions[0], noticing-triggers quiz.questions[1], noticing-triggers quiz.questions[2], noticing-triggers quiz.questions[3] as true statements',
    ],
    [
      'quiz-all-but-one',
      '2 of 2 multiple-choice questions have every option correct but one (100 %); at most 30 % (0) may, or "choose all but the odd one out" passes: ' +
        'change how many options are correct in some of noticing-triggers quiz.questions[0], noticing-triggers quiz.questions[1]',
    ],
  ];

  it.each(quizCases)('rejects %s for the whole course, naming the questions', async (fixture, message) => {
    const result = await validateFixture(fixture, QUIZ_HONESTY_POLICY);
    expect(result.issues).toEqual([expect.objectContaining({ file: course(fixture), field: QUIZZES_FIELD, message })]);
  });

  it('counts the quiz patterns in the statistics even when the checks are off', async () => {
    const result = await validateCurriculum(path.join(repoRoot, FIXTURES, 'quiz-true-false-balance'), { content: FIXTURE_POLICY, statistics: true });
    expect(result.issues).toEqual([]);
    expect(result.statistics).toEqual([expect.objectContaining({ slug: 'coping-basics', lessons: 1, questions: 4, quiz: expect.objectContaining({ trueFalse: 4, trueAnswers: 0 }) })]);
  });

  it('does not flag proper names, source titles or a word taught with the allow marker', async () => {
    const result = await validateFixture('stigmatizing-term');
    const messages = result.issues.map((found) => found.message).join('\n');
    expect(messages).not.toMatch(/junkie|Substance Abuse/);
  });
});

describe('content policy', () => {
  it('applies the bundled length limits when asked', async () => {
    const result = await validateFixture('valid-minimal', BUNDLED_CONTENT_POLICY);
    const first = `${FIXTURES}/valid-minimal/first-steps/lessons/01-what-a-trigger-is.md`;
    const second = `${FIXTURES}/valid-minimal/first-steps/lessons/02-making-a-plan.md`;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: first, field: 'body', message: expect.stringMatching(/^the lesson body has \d+ words; bundled lessons have 400-900 words/) }),
        expect.objectContaining({ file: first, field: 'quiz.questions', message: '3 questions; bundled quizzes have 4-6' }),
        expect.objectContaining({ file: second, field: 'objectives', message: '1 objective; bundled lessons have 2-3' }),
        expect.objectContaining({ file: second, field: 'quiz', message: expect.stringContaining('the lesson has no quiz') }),
      ]),
    );
  });

  it('runs only the structural checks with content: false', async () => {
    for (const fixture of ['readability-too-high', 'stigmatizing-term', 'missing-sources']) {
      const result = await validateFixture(fixture, false);
      expect(result.issues).toEqual([]);
    }
    expect((await validateFixture('no-objectives', false)).issues).toHaveLength(1);
  });
});

describe('validated courses', () => {
  it('lists courses with their lessons in manifest order, bodies and file paths', async () => {
    const result = await validateFixture('valid-minimal');
    expect(result.courses.map((found) => found.slug)).toEqual(['first-steps', 'team-basics']);
    const [firstSteps] = result.courses;
    expect(firstSteps?.lessons.map((found) => [found.slug, found.file])).toEqual([
      ['what-a-trigger-is', `${FIXTURES}/valid-minimal/first-steps/lessons/01-what-a-trigger-is.md`],
      ['making-a-plan', `${FIXTURES}/valid-minimal/first-steps/lessons/02-making-a-plan.md`],
    ]);
    expect(firstSteps?.lessons[1]?.body).toContain('## One step at a time');
    expect(firstSteps?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fills defaults from the format doc', async () => {
    const result = await validateFixture('valid-minimal');
    const teamBasics = result.courses.find((found) => found.slug === 'team-basics');
    expect(teamBasics?.manifest).toMatchObject({ sequence: 'FREE', locale: 'en-US' });
    expect(teamBasics?.lessons[0]?.frontMatter).toMatchObject({
      required: true,
      reflectionPrompts: [],
      quiz: { passingScore: 0.8, maxAttempts: 3, shuffle: true, gradingMethod: 'HIGHEST', cooldownMinutes: 0, showFeedback: true },
    });
    expect(teamBasics?.lessons[0]?.frontMatter.quiz?.questions[0]?.options?.[1]?.correct).toBe(false);
  });

  it('reports a missing curriculum folder instead of throwing', async () => {
    const result = await validateFixture('no-such-fixture');
    expect(result.issues).toEqual([expect.objectContaining({ file: `${FIXTURES}/no-such-fixture`, field: '(file)', message: expect.stringContaining('not found') })]);
  });
});
