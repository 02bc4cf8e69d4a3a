import { assign, completeLessons, answerKey, invite, learnerIdByEmail, PASSWORD, signIn, uniqueEmail } from './support/api';
import { expect, expectAccessible, test } from './support/fixtures';
import type { Page } from '@playwright/test';

const COURSE = 'relapse-prevention-skills';
const LESSON = 'triggers-and-cravings';
const LATER_LESSONS = ['relapse-is-a-process', 'high-risk-situations', 'urge-surfing', 'my-relapse-prevention-plan'];

async function answerQuiz(page: Page, choose: 'right' | 'wrong') {
  for (const question of answerKey(COURSE, LESSON)) {
    const group = page.getByRole('group', { name: question.prompt.slice(0, 60) });
    const texts = choose === 'right' ? question.right : question.wrong.slice(0, 1);
    for (const text of texts) await group.getByLabel(text, { exact: true }).check();
  }
}

// The whole patient story on a 375 px phone screen.
test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

test('patient: invite → assigned homework → read, reload, resume → quiz fail, retry, pass → flagged reflection → certificate → share → verify', async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('patient');
  const code = await invite('PATIENT', email);

  await page.goto(`/invite/${code}`);
  await expect(page.getByRole('heading', { name: 'Set up your account' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Your name').fill('Jordan Rivers');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByLabel('Type the password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Jordan Rivers' })).toBeVisible();
  await expect(page).toHaveTitle('Home · Learning');

  // The counselor assigns homework; the later lessons are already done, so this one finishes the course.
  await assign(await learnerIdByEmail(email), COURSE);
  await completeLessons((await signIn(email, PASSWORD)).token, COURSE, LATER_LESSONS);
  await page.reload();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Relapse/ }) });
  await expect(card.getByText('Assigned to you')).toBeVisible();
  await expect(card.getByText(/Due /)).toBeVisible();
  await expectAccessible(page);
  await card.getByRole('link', { name: /^Continue: / }).click();

  // The content note comes first.
  await expect(page.getByRole('heading', { name: 'Before you read' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Continue to the lesson' }).click();
  await expect(page.getByRole('heading', { name: 'What you will learn' })).toBeVisible();
  await expect(page).toHaveTitle('Reading · Learning'); // never the lesson's title
  // Nor does the address (it stays in the history of a shared phone): a neutral key, no slug.
  await expect(page).toHaveURL(/\/learn\/[0-9a-z]{7}\/[0-9a-z]{7}$/);
  expect(page.url()).not.toMatch(/relapse|trigger|craving/);
  await expectAccessible(page);

  // Read half way; the position is saved, then restored after a reload.
  const positionSent = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('"event":"PROGRESS"'));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight * 0.5));
  await positionSent;
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'What you will learn' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);

  // A reflection that worries: the safety response appears at once, with links that call and text.
  const reflection = page.getByRole('region', { name: 'Reflect' }).first();
  await reflection.getByRole('textbox').fill('Some days I feel hopeless and I want to die.');
  await reflection.getByRole('button', { name: 'Save' }).click();
  const safety = page.getByRole('alert').filter({ hasText: "You don't have to wait" });
  await expect(safety).toBeVisible();
  await expect(safety.getByRole('link', { name: /Call .*988/ }).first()).toHaveAttribute('href', /^tel:988/);
  await expect(safety.getByRole('link', { name: /Text .*988/ }).first()).toHaveAttribute('href', /^sms:988/);
  await expectAccessible(page);

  await page.getByRole('button', { name: "I've finished reading" }).click();
  await expect(page.getByText('Marked as read.')).toBeVisible();
  await page.getByRole('link', { name: 'Answer the questions' }).click();

  // Quiz: fail, see why, try again, pass.
  await expect(page.getByRole('heading', { name: 'Check what you learned' })).toBeVisible();
  await expect(page.getByText(/To pass: 80%/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start' }).click();
  await answerQuiz(page, 'wrong');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('heading', { name: 'Not passed this time' })).toBeVisible();
  await expect(page.getByText('Not quite.').first()).toBeVisible();
  await expect(page.getByText(/2 tries left of 3/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Try again' }).click();
  await answerQuiz(page, 'right');
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('heading', { name: 'You passed' })).toBeVisible();

  // The course is complete: the certificate, a share, and the verify page shows it.
  await page.getByRole('link', { name: 'Certificates' }).click();
  const certificate = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Relapse/ }) });
  await expect(certificate).toBeVisible();
  await expectAccessible(page);
  await certificate.getByRole('button', { name: 'Create a share link' }).click();
  const shareCode = await certificate.locator('code').first().textContent();
  expect(shareCode).toBeTruthy();
  await expectAccessible(page);
  const href = await certificate.getByRole('link', { name: 'Share link' }).getAttribute('href');
  const verify = await page.request.get(new URL(new URL(href!).pathname, page.url()).toString());
  expect(await verify.text()).toMatch(/VALID[\s\S]*Jordan Rivers|Jordan Rivers[\s\S]*VALID/);
});
