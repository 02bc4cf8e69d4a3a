import { completeLessons, gql, PASSWORD, signIn, uniqueEmail } from './support/api';
import { expect, expectAccessible, test } from './support/fixtures';

const COURSE = 'confidentiality-essentials';
const COURSE_TITLE = 'Confidentiality Essentials: 42 CFR Part 2 and HIPAA';

/** A clinician new to the organization (so untrained), with one client of their own. */
async function newClinicianWithClient() {
  const admin = await signIn('admin@demo.waypoint.test');
  const email = uniqueEmail('clinician');
  const { createInvite } = await gql<{ createInvite: { code: string } }>('mutation($input: CreateInviteInput!) { createInvite(input: $input) { code } }', { input: { role: 'CLINICIAN', email } }, admin.token);
  const { acceptInvite: clinician } = await gql<{ acceptInvite: { accessToken: string } }>(
    'mutation($input: AcceptInviteInput!) { acceptInvite(input: $input) { accessToken } }',
    { input: { code: createInvite.code, email, password: PASSWORD, displayName: 'Quinn Newhire' } },
  );
  const patientEmail = uniqueEmail('patient');
  const { createInvite: patientInvite } = await gql<{ createInvite: { code: string } }>('mutation($input: CreateInviteInput!) { createInvite(input: $input) { code } }', { input: { role: 'PATIENT', email: patientEmail } }, clinician.accessToken);
  await gql('mutation($input: AcceptInviteInput!) { acceptInvite(input: $input) { user { id } } }', { input: { code: patientInvite.code, email: patientEmail, password: PASSWORD, displayName: 'Robin Client' } });
  return { email, token: clinician.accessToken };
}

test('training gate: a new clinician is sent to the confidentiality course, and sees their caseload once it is done', async ({ page }) => {
  const clinician = await newClinicianWithClient();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(clinician.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto('/staff/caseload');

  // Not a bare "permission denied": what to do, and a link to it.
  const refusal = page.getByRole('alert').filter({ hasText: 'confidentiality training is current' });
  await expect(refusal).toBeVisible();
  await expect(page.getByText('Robin Client')).toHaveCount(0);
  await expectAccessible(page);
  await refusal.getByRole('link', { name: `Take “${COURSE_TITLE}”` }).click();
  await expect(page.getByRole('heading', { level: 1, name: COURSE_TITLE })).toBeVisible();
  await expect(page).toHaveURL(/\/learn\/[0-9a-z]{7}$/);

  // The course page lets them add it; taking it opens the records at once.
  await page.getByRole('button', { name: 'Add to my learning' }).click();
  await expect(page.getByRole('link', { name: /Confidentiality in daily practice/i })).toBeVisible();
  await expectAccessible(page);
  await completeLessons(clinician.token, COURSE, ['confidentiality-in-daily-practice']);
  await page.goto('/staff/caseload');
  await expect(page.getByRole('link', { name: 'Robin Client' }).first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'confidentiality training' })).toHaveCount(0);
});
