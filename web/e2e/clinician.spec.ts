import { aLearner, assign, gql } from './support/api';
import { expect, expectAccessible, signInAs, signInAsStaff, test } from './support/fixtures';

const CLINICIAN = 'clinician@demo.waypoint.test';

test('clinician: assigns homework and watches it progress while the patient works in another browser', async ({ browser }) => {
  const patient = await aLearner('PATIENT', 'Riley Shore');
  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const phone = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();

  await signInAsStaff(desk, CLINICIAN);
  await expectAccessible(desk);

  await desk.goto(`/staff/clients/${patient.id}`);
  await expect(desk.getByRole('heading', { level: 1, name: 'Riley Shore' })).toBeVisible();
  await expect(desk.getByRole('note').filter({ hasText: 'Views of this page are logged' })).toBeVisible();
  await desk.getByRole('link', { name: 'Assign homework' }).click();
  await expect(desk.getByLabel('Client', { exact: true })).toHaveValue(patient.id);
  await desk.getByLabel('Course').selectOption('relapse-prevention-skills');
  await desk.getByLabel('Triggers and cravings').check();
  await desk.getByLabel('Days', { exact: true }).fill('5');
  await desk.getByLabel('Note for the learner').fill('Read this before Thursday');
  await expectAccessible(desk);
  await desk.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(desk.getByRole('status').filter({ hasText: 'Assigned.' })).toBeVisible();

  await signInAs(phone, patient.email, patient.password);
  await phone.getByRole('link', { name: /^Continue: / }).click();
  await phone.getByRole('button', { name: 'Continue to the lesson' }).click();
  await phone.getByRole('button', { name: "I've finished reading" }).click();
  await expect(phone.getByText('Marked as read.')).toBeVisible();

  await desk.goto(`/staff/clients/${patient.id}`);
  const course = desk.getByRole('article', { name: 'Relapse Prevention Skills' });
  await expect(course).toContainText('Read this before Thursday');
  await expect(course.getByRole('row', { name: /Triggers and cravings/ })).toContainText(/Quiz to pass|Completed/);
  await expectAccessible(desk);
});

test('clinician: reads a flagged reflection in the review queue, comments and marks it reviewed', async ({ page }) => {
  const patient = await aLearner('PATIENT', 'Avery Flag');
  await assign(patient.id, 'relapse-prevention-skills');
  const { lessonBySlug: lesson } = await gql<{ lessonBySlug: { id: string; reflectionPrompts: { id: string }[] } }>(
    '{ lessonBySlug(courseSlug: "relapse-prevention-skills", lessonSlug: "triggers-and-cravings") { id reflectionPrompts { id } } }',
    {},
    patient.token,
  );
  await gql('mutation($i: SubmitReflectionInput!) { submitReflection(input: $i) { safety { flagged } } }', { i: { lessonId: lesson.id, promptId: lesson.reflectionPrompts[0].id, text: 'Some nights I feel hopeless and I want to die.' } }, patient.token);

  await signInAsStaff(page, CLINICIAN);
  await page.getByRole('link', { name: 'Review queue' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Avery Flag' }) });
  await expect(card).toContainText('Flagged: self-harm');
  await expect(card).toContainText('I want to die');
  await expectAccessible(page);
  await card.getByLabel('Your comment').fill('Called Avery; safety plan reviewed together.');
  await card.getByRole('button', { name: 'Comment and mark reviewed' }).click();
  await expect(card.getByRole('status')).toHaveText('Reviewed.');

  await page.reload();
  await expect(page.getByRole('link', { name: 'Avery Flag' })).toHaveCount(0);
});

test('clinician: records a consent signed on paper; the family member then sees progress', async ({ page, browser }) => {
  const patient = await aLearner('PATIENT', 'Sam Paper');
  const family = await aLearner('FAMILY', 'Jo Paper', patient.id);
  await assign(patient.id, 'understanding-addiction');

  await signInAsStaff(page, CLINICIAN);
  await page.goto(`/staff/clients/${patient.id}`);
  await page.getByRole('link', { name: 'Record a consent signed on paper' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record a paper consent' })).toBeVisible();
  await page.getByLabel('Who receives the information').selectOption({ label: 'Jo Paper' });
  await page.getByLabel('Courses taken and progress').check();
  await page.getByLabel("Purpose, in the patient's words").fill('So Jo can support me at home');
  await page.getByLabel('Or until this event').fill('When I leave the program');
  await page.getByLabel('Date the patient signed').fill('2026-01-15');
  await page.getByLabel('Where the signed form is kept').fill('Chart 1142, scan 3');
  await page.getByLabel(/may revoke this consent at any time/).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Record consent' }).click();

  const consent = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Sharing with Jo Paper' }) });
  await expect(consent).toContainText('On paper · Chart 1142, scan 3');
  await expect(consent).toContainText('Active');
  await expectAccessible(page);

  const familyPage = await (await browser.newContext()).newPage();
  await signInAs(familyPage, family.email, family.password);
  await familyPage.goto('/family');
  await expect(familyPage.getByRole('heading', { name: "Sam Paper's progress" })).toBeVisible();
  await expect(familyPage.getByText('Understanding Addiction')).toBeVisible();
});

test('clinician pages pass axe: cohorts, invite with QR code, item analysis, emergency access', async ({ page }) => {
  await signInAsStaff(page, CLINICIAN);
  await page.goto('/staff/cohorts');
  const name = `Tuesday group ${Date.now()}`;
  await page.getByLabel("New cohort's name").fill(name);
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { name: `${name} (0 members)` })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/staff/invite');
  await page.getByLabel('Email').fill(`invitee-${Date.now()}@example.test`);
  await page.getByRole('button', { name: 'Create invitation' }).click();
  await expect(page.getByRole('img', { name: 'QR code that opens the invitation' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Sent by mail' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/staff/item-analysis');
  await page.getByLabel('Quiz').selectOption({ label: 'Triggers and cravings' });
  await expect(page.getByRole('table', { name: 'Per question' })).toBeVisible();
  await expectAccessible(page);

  const outsider = await (await page.context().browser()!.newContext()).newPage();
  const client = await aLearner('PATIENT', 'Quinn Outside');
  await signInAsStaff(outsider, 'clinician-outside@demo.waypoint.test');
  await outsider.goto(`/staff/clients/${client.id}`);
  await expect(outsider.getByRole('heading', { name: 'Emergency access' })).toBeVisible();
  await expectAccessible(outsider);
  await outsider.getByLabel('Reason (required)').fill('Client called in crisis; their clinician is away');
  await outsider.getByRole('button', { name: 'Open emergency access' }).click();
  await expect(outsider.getByRole('heading', { level: 1, name: 'Quinn Outside' })).toBeVisible();
});
