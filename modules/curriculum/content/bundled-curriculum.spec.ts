import { formatIssue } from './curriculum-issue';
import { validateCurriculum } from './validate-curriculum';

/**
 * The curriculum that ships in curriculum/ must pass every check, content checks
 * included (issue: "run by the test suite on the bundled curriculum"). Issues are
 * compared as printed lines so a failure reads like the CLI's output.
 */
describe('bundled curriculum', () => {
  it('passes the validator with no issues', async () => {
    const result = await validateCurriculum();
    expect(result.issues.map(formatIssue)).toEqual([]);
  });

  it('holds the 5 planned courses and 21 lessons', async () => {
    const result = await validateCurriculum();
    expect(result.courses.map((course) => course.slug).sort()).toEqual([
      'continuum-of-care',
      'family-dynamics-and-recovery',
      'relapse-prevention-skills',
      'staff-onboarding',
      'understanding-addiction',
    ]);
    expect(result.courses.reduce((total, course) => total + course.lessons.length, 0)).toBe(21);
  });
});
