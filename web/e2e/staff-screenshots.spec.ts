import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { aLearner, assign, completeLessons, gql, signIn } from './support/api';
import { expect, signInAsStaff, test } from './support/fixtures';

/**
 * `npm run screenshots`: every clinician and admin page at desktop (1280 px) and
 * tablet (768 px) width, into docs/screenshots/staff-*.png. Not part of `npm test`.
 */
const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
const WIDTHS = [1280, 768] as const;

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

async function shoot(page: Page, name: string) {
  mkdirSync(out, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(out, `staff-${name}-${width}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Uses up a quiz's attempts with wrong answers, so the learner is stuck until the care team gives more. */
async function useUpAttempts(token: string, courseSlug: string, lessonSlug: string) {
  const { lessonBySlug } = await gql<{ lessonBySlug: { quiz: { id: string } } }>('query($c: String!, $l: String!) { lessonBySlug(courseSlug: $c, lessonSlug: $l) { quiz { id } } }', { c: courseSlug, l: lessonSlug }, token);
  for (let i = 0; i < 6; i++) {
    try {
      const { startQuizAttempt } = await gql<{ startQuizAttempt: { id: string } }>('mutation($q: ID!) { startQuizAttempt(quizId: $q) { id } }', { q: lessonBySlug.quiz.id }, token);
      await gql('mutation($a: ID!, $k: String!) { submitQuizAttempt(attemptId: $a, answers: [], idempotencyKey: $k) { passed } }', { a: startQuizAttempt.id, k: crypto.randomUUID() }, token);
    } catch {
      return;
    }
  }
}

test('every clinician and admin page at 1280 px and 768 px', async ({ page }) => {
  const names = ['Jordan Rivers', 'Alex Moreno', 'Sam Okafor', 'Taylor Brooks', 'Casey Lin'];
  const patients = [];
  for (const name of names) patients.push(await aLearner('PATIENT', name));
  const [jordan, alex, sam, taylor] = patients;
  const family = await aLearner('FAMILY', 'Drew Rivers', jordan.id);
  for (const p of patients) await assign(p.id, 'relapse-prevention-skills', 10);
  await assign(alex.id, 'understanding-addiction', 5);
  await completeLessons(jordan.token, 'relapse-prevention-skills', ['triggers-and-cravings']);
  await completeLessons(taylor.token, 'relapse-prevention-skills', ['triggers-and-cravings', 'relapse-is-a-process']);
  await useUpAttempts(sam.token, 'relapse-prevention-skills', 'triggers-and-cravings');
  const { lessonBySlug: lesson } = await gql<{ lessonBySlug: { id: string; reflectionPrompts: { id: string }[] } }>(
    '{ lessonBySlug(courseSlug: "relapse-prevention-skills", lessonSlug: "triggers-and-cravings") { id reflectionPrompts { id } } }',
    {},
    alex.token,
  );
  await gql('mutation($i: SubmitReflectionInput!) { submitReflection(input: $i) { safety { flagged } } }', { i: { lessonId: lesson.id, promptId: lesson.reflectionPrompts[0].id, text: 'I used again on Saturday and I have been craving every night since.' } }, alex.token);
  await gql('mutation($i: SubmitReflectionInput!) { submitReflection(input: $i) { safety { flagged } } }', { i: { lessonId: lesson.id, promptId: lesson.reflectionPrompts[0].id, text: 'Stress at work and seeing old friends are my biggest triggers. Walking helps.' } }, jordan.token);

  await signInAsStaff(page, 'clinician@demo.waypoint.test');
  await shoot(page, 'caseload');
  await page.goto(`/staff/clients/${sam.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sam Okafor' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Give more attempts' })).toBeVisible();
  await shoot(page, 'client');
  await page.goto(`/staff/assign?learner=${jordan.id}`);
  await page.getByLabel('Course').selectOption('understanding-addiction');
  await shoot(page, 'assign');
  await page.goto('/staff/cohorts');
  await page.getByLabel("New cohort's name").fill('Tuesday evening group');
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { name: /^Tuesday evening group/ }).first()).toBeVisible();
  await shoot(page, 'cohorts');
  await page.goto('/staff/review');
  await expect(page.getByRole('link', { name: 'Alex Moreno' }).first()).toBeVisible();
  await shoot(page, 'review');
  await page.goto(`/staff/clients/${jordan.id}/consents/new`);
  await expect(page.getByLabel('Who receives the information')).toBeVisible();
  await shoot(page, 'consent');
  await page.goto('/staff/invite');
  await page.getByLabel('Family member').check();
  await page.getByLabel('Email').fill(`casey.family.${Date.now()}@example.test`);
  await page.getByRole('button', { name: 'Create invitation' }).click();
  await expect(page.getByRole('img', { name: 'QR code that opens the invitation' })).toBeVisible();
  await shoot(page, 'invite');
  await page.goto('/staff/item-analysis');
  await page.getByLabel('Quiz').selectOption({ label: 'Triggers and cravings' });
  await expect(page.getByRole('table', { name: 'Per question' })).toBeVisible();
  await shoot(page, 'item-analysis');

  const outsider = await (await page.context().browser()!.newContext()).newPage();
  await signInAsStaff(outsider, 'clinician-outside@demo.waypoint.test');
  await outsider.goto(`/staff/clients/${taylor.id}`);
  await expect(outsider.getByRole('heading', { name: 'Emergency access' })).toBeVisible();
  await shoot(outsider, 'emergency-access');
  await outsider.getByLabel('Reason (required)').fill('Client called the after-hours line in crisis; primary clinician unreachable');
  await outsider.getByRole('button', { name: 'Open emergency access' }).click();
  await expect(outsider.getByRole('heading', { level: 1, name: 'Taylor Brooks' })).toBeVisible();

  const admin = await signIn('admin@demo.waypoint.test');
  for (const [name, due] of [['Morgan Lee', 30], ['Riley Chen', 14], ['Avery Patel', 7]] as const) {
    const staff = await aLearner('STAFF', name);
    await gql('mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id } }', { i: { learnerId: staff.id, courseSlug: 'staff-onboarding', dueInDays: due } }, admin.token);
    await gql('mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id } }', { i: { learnerId: staff.id, courseSlug: 'continuum-of-care', dueInDays: due } }, admin.token);
    if (name === 'Morgan Lee') await completeLessons(staff.token, 'continuum-of-care', ['what-iop-is', 'the-continuum-and-asam-levels', 'asam-six-dimensions', 'our-services-and-getting-help']);
  }
  void family;
  const desk = await (await page.context().browser()!.newContext()).newPage();
  await signInAsStaff(desk, 'admin@demo.waypoint.test');
  await desk.goto('/admin/people');
  await expect(desk.getByRole('row', { name: /Jordan Rivers/ }).first()).toBeVisible();
  await shoot(desk, 'people');
  await desk.goto('/admin/compliance');
  await expect(desk.getByRole('row', { name: /Morgan Lee/ })).toBeVisible();
  await shoot(desk, 'compliance');
  await desk.goto('/admin/records');
  await expect(desk.getByRole('row', { name: /Morgan Lee/ }).first()).toBeVisible();
  await shoot(desk, 'records');
  await desk.goto('/admin/audit');
  await expect(desk.getByRole('heading', { name: 'Emergency access report' })).toBeVisible();
  await expect(desk.getByRole('cell', { name: /after-hours line/ }).first()).toBeVisible();
  await shoot(desk, 'audit');
  await desk.goto('/admin/reports');
  await expect(desk.getByRole('figure').first()).toBeVisible();
  await shoot(desk, 'reports');
  await desk.goto('/admin/settings');
  await expect(desk.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await shoot(desk, 'settings');
});
