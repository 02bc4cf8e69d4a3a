import { Command } from 'commander';
import { registerCurriculumCommands } from '../cli/curriculum.commands';

/**
 * `npm run cli -- curriculum validate <dir>`, run in-process through Commander so
 * the test does not depend on the rest of the CLI's commands loading.
 */
async function runValidate(...args: string[]): Promise<{ lines: string[]; exitCode: number | undefined }> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  const previous = process.exitCode;
  process.exitCode = undefined;
  try {
    const program = new Command('waypoint').exitOverride();
    registerCurriculumCommands(program);
    await program.parseAsync(['curriculum', 'validate', ...args], { from: 'user' });
    return { lines, exitCode: process.exitCode === undefined ? undefined : Number(process.exitCode) };
  } finally {
    process.exitCode = previous;
    log.mockRestore();
  }
}

describe('curriculum validate (CLI)', () => {
  it('prints `file:field: message` per issue and a summary, and exits 1', async () => {
    const { lines, exitCode } = await runValidate('--no-size-limits', 'test/fixtures/curriculum/single-choice-two-correct');
    expect(lines).toEqual([
      'test/fixtures/curriculum/single-choice-two-correct/coping-basics/lessons/01-noticing-triggers.md:quiz.questions[0].options: ' +
        'a SINGLE_CHOICE question needs exactly one option with `correct: true`, but 2 are (a, b); mark one, or use MULTIPLE_CHOICE',
      'course         lessons  questions   reading grade  key longest  true of T/F  all-but-one',
      'coping-basics        1          2  3.7-3.7 (≤8.5)     1/1 100%     1/1 100%            -',
      'all                  1          2         3.7-3.7     1/1 100%     1/1 100%            -',
      '1 problem in 1 file (1 course, 1 lesson)',
    ]);
    expect(exitCode).toBe(1);
  });

  it('prints OK and exits 0 for a valid curriculum', async () => {
    const { lines, exitCode } = await runValidate('--no-size-limits', 'test/fixtures/curriculum/valid-minimal');
    expect(lines).toEqual([
      'course       lessons  questions   reading grade  key longest  true of T/F  all-but-one',
      'first-steps        2          3  1.0-4.4 (≤8.5)       0/1 0%     1/1 100%     1/1 100%',
      'team-basics        1          1         8.3-8.3       0/1 0%            -            -',
      'all                3          4         1.0-8.3       0/2 0%     1/1 100%     1/1 100%',
      '2 courses, 3 lessons: OK',
    ]);
    expect(exitCode).toBeUndefined();
  });

  it('prints the counts, reading grades and quiz statistics of the bundled curriculum, and passes', async () => {
    const { lines, exitCode } = await runValidate();
    expect(lines[0]).toMatch(/^course +lessons +questions +reading grade +key longest +true of T\/F +all-but-one$/);
    expect(lines.find((line) => line.startsWith('starting-iop '))).toMatch(/^starting-iop +2 +10 +[\d.]+-[\d.]+ \(≤8\.5\) +\d\/5 +\d+% +\d\/3 +\d+% +\d\/2 +\d+%$/);
    expect(lines.at(-1)).toBe('10 courses, 33 lessons: OK');
    expect(exitCode).toBeUndefined();
  });

  it('applies the bundled length limits by default', async () => {
    const { lines, exitCode } = await runValidate('test/fixtures/curriculum/valid-minimal');
    expect(lines.some((line) => line.includes(':body: the lesson body has'))).toBe(true);
    expect(exitCode).toBe(1);
  });
});
