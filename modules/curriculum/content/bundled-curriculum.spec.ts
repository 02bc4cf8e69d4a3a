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

  it('holds the 10 planned courses and 33 lessons', async () => {
    const result = await validateCurriculum();
    expect(result.courses.map((course) => course.slug).sort()).toEqual([
      'confidentiality-essentials',
      'continuum-of-care',
      'family-dynamics-and-recovery',
      'family-wellbeing',
      'recovery-supports',
      'relapse-prevention-skills',
      'staff-clinical-practice',
      'staff-onboarding',
      'starting-iop',
      'understanding-addiction',
    ]);
    expect(result.courses.reduce((total, course) => total + course.lessons.length, 0)).toBe(33);
  });
});
