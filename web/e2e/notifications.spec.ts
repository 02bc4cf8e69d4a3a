import { gql, PASSWORD, signIn, uniqueEmail } from './support/api';
import { expect, expectAccessible, test } from './support/fixtures';

/**
 * A clinician of their own (so other stories' alerts don't change the count)
 * with one new patient on their caseload.
 */
async function clinicianWithPatient() {
  const admin = await signIn('admin@demo.waypoint.test');
  const clinicianEmail = uniqueEmail('clinician');
  const { createInvite: staffInvite } = await gql<{ createInvite: { code: string } }>(
    'mutation($input: CreateInviteInput!) { createInvite(input: $input) { code } }',
    { input: { role: 'CLINICIAN', email: clinicianEmail } },
    admin.token,
  );
  const { acceptInvite: clinician } = await gql<{ acceptInvite: { accessToken: string } }>(
    'mutation($input: AcceptInviteInput!) { acceptInvite(input: $input) { accessToken } }',
    { input: { code: staffInvite.code, email: clinicianEmail, password: PASSWORD, displayName: 'Riley Updates' } },
  );
  const patientEmail = uniqueEmail('patient');
  const { createInvite: patientInvite } = await gql<{ createInvite: { code: string } }>(
    'mutation($input: CreateInviteInput!) { createInvite(input: $input) { code } }',
    { input: { role: 'PATIENT', email: patientEmail } },
    clinician.accessToken,
  );
  const { acceptInvite: patient } = await gql<{ acceptInvite: { accessToken: string } }>(
    'mutation($input: AcceptInviteInput!) { acceptInvite(input: $input) { accessToken } }',
    { input: { code: patientInvite.code, email: patientEmail, password: PASSWORD, displayName: 'Sam Updates' } },
  );
  return { clinicianEmail, patientToken: patient.accessToken };
}

test('updates: a flagged reflection reaches the care team as an update, and reading it clears the count', async ({ page }) => {
  const { clinicianEmail, patientToken } = await clinicianWithPatient();
  // The clinicians' own pages are not part of this story: sign in, then open Updates.
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(clinicianEmail);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'Updates', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Updates' })).toBeVisible();
  await expect(page.getByText('Nothing new.')).toBeVisible();
  await expectAccessible(page);

  // The patient writes something worrying in a reflection.
  const { lessonBySlug: lesson } = await gql<{ lessonBySlug: { id: string } }>(
    'query($c: String!, $l: String!) { lessonBySlug(courseSlug: $c, lessonSlug: $l) { id } }',
    { c: 'relapse-prevention-skills', l: 'triggers-and-cravings' },
    patientToken,
  );
  await gql(
    'mutation($input: SubmitReflectionInput!) { submitReflection(input: $input) { safety { flagged } } }',
    { input: { lessonId: lesson.id, promptId: 'trigger-inventory', text: 'Some nights I feel hopeless and I want to die.' } },
    patientToken,
  );

  // The navigation shows it is new; the page lists it; opening the page marks it read.
  await page.goto('/certificates');
  await expect(nav.getByRole('link', { name: 'Updates (1 new)' })).toBeVisible();
  await nav.getByRole('link', { name: 'Updates (1 new)' }).click();
  // Unread ones carry the word "New" (a badge), not colour alone.
  await expect(page.locator('.notification--new')).toHaveCount(1);
  await expect(page.locator('.notification--new .badge')).toHaveText('New');
  await expectAccessible(page);
  await expect(nav.getByRole('link', { name: 'Updates', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.locator('.notification')).toHaveCount(1);
  await expect(page.locator('.notification--new')).toHaveCount(0);
});
