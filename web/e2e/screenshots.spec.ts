import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { aLearner, answerKey, assign, completeLessons, gql, invite, uniqueEmail } from './support/api';
import { expect, signInAs, test } from './support/fixtures';

/**
 * `npm run screenshots`: every learner page at phone and desktop width, into
 * docs/screenshots/ (the README shows some of them). Not part of `npm test`.
 */
const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
const WIDTHS = [375, 1280] as const;

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

/** Full-page captures at each width; `screen` also keeps what a phone shows first (for the README). */
async function shoot(page: Page, name: string, screen = false) {
  mkdirSync(out, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 600 ? 800 : 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true, animations: 'disabled' });
  }
  if (screen) {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(out, `${name}-phone-screen.png`), animations: 'disabled' });
  }
}

test('every learner page at 375 px and 1280 px', async ({ page, browser }) => {
  await page.goto('/sign-in');
  await shoot(page, 'sign-in');
  await page.goto(`/invite/${await invite('PATIENT', uniqueEmail('shot'))}`);
  await shoot(page, 'invite');
  await page.goto('/forgot-password');
  await shoot(page, 'forgot-password');

  const patient = await aLearner('PATIENT', 'Jordan Rivers');
  const family = await aLearner('FAMILY', 'Drew Rivers', patient.id);
  await assign(patient.id, 'relapse-prevention-skills');
  await assign(patient.id, 'understanding-addiction', 7);
  await completeLessons(patient.token, 'relapse-prevention-skills', ['relapse-is-a-process', 'high-risk-situations']);
  await signInAs(page, patient.email, patient.password);
  await shoot(page, 'home', true);

  await page.goto('/courses/understanding-addiction');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(page, 'course');

  await page.goto('/courses/relapse-prevention-skills/lessons/triggers-and-cravings');
  await expect(page.getByRole('heading', { name: 'Before you read' })).toBeVisible();
  await shoot(page, 'lesson-content-note');
  await page.getByRole('button', { name: 'Continue to the lesson' }).click();
  await expect(page.getByRole('heading', { name: 'What you will learn' })).toBeVisible();
  await shoot(page, 'lesson', true);
  const reflection = page.getByRole('region', { name: 'Reflect' }).first();
  await reflection.getByRole('textbox').fill('Some nights I feel hopeless and I want to die.');
  await reflection.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "You don't have to wait" })).toBeVisible();
  await reflection.scrollIntoViewIfNeeded();
  await shoot(page, 'lesson-reflection-safety');
  await page.getByRole('button', { name: "I've finished reading" }).click();

  await page.getByRole('link', { name: 'Answer the questions' }).click();
  await expect(page.getByRole('heading', { name: 'Check what you learned' })).toBeVisible();
  await shoot(page, 'quiz-start');
  await page.getByRole('button', { name: 'Start' }).click();
  const key = answerKey('relapse-prevention-skills', 'triggers-and-cravings');
  await page.getByRole('group', { name: key[0].prompt.slice(0, 60) }).getByLabel(key[0].right[0], { exact: true }).check();
  await shoot(page, 'quiz', true);
  for (const q of key.slice(1)) await page.getByRole('group', { name: q.prompt.slice(0, 60) }).getByLabel(q.wrong[0], { exact: true }).check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('heading', { name: 'Not passed this time' })).toBeVisible();
  await shoot(page, 'quiz-feedback');

  await completeLessons(patient.token, 'relapse-prevention-skills', ['triggers-and-cravings', 'urge-surfing', 'my-relapse-prevention-plan']);
  await page.goto('/certificates');
  await page.getByRole('button', { name: 'Create a share link' }).click();
  await expect(page.getByText('Share code:')).toBeVisible();
  await shoot(page, 'certificates');

  await page.goto('/privacy');
  await page.getByLabel('Which courses I am taking and how far along I am').check();
  await page.getByLabel('Why you are sharing it').fill('So Drew can support me at home');
  await page.getByLabel('Or until this happens').fill('When I finish the program');
  await page.getByLabel(/I understand I can stop sharing/).check();
  await page.getByRole('button', { name: 'Agree and share' }).click();
  await expect(page.getByRole('heading', { name: 'Drew Rivers' })).toBeVisible();

  const familyPage = await (await browser.newContext()).newPage();
  await signInAs(familyPage, family.email, family.password);
  await familyPage.goto('/family');
  await expect(familyPage.getByRole('heading', { name: "Jordan Rivers's progress" })).toBeVisible();
  await shoot(familyPage, 'family');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Who has seen your records' })).toContainText('Drew Rivers');
  await shoot(page, 'privacy');

  await page.goto('/account');
  await shoot(page, 'account');
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Updates' })).toBeVisible();
  await shoot(page, 'notifications');

  const staff = await aLearner('STAFF', 'Sasha Grant');
  await gql('mutation { enroll(courseSlug: "continuum-of-care") { id } }', {}, staff.token);
  await completeLessons(staff.token, 'continuum-of-care', ['what-iop-is', 'the-continuum-and-asam-levels', 'asam-six-dimensions', 'our-services-and-getting-help']);
  const staffPage = await (await browser.newContext()).newPage();
  await signInAs(staffPage, staff.email, staff.password);
  await shoot(staffPage, 'home-staff');
  await staffPage.goto('/certificates');
  await expect(staffPage.getByText('Verification code:')).toBeVisible();
  await shoot(staffPage, 'certificates-staff');
});
