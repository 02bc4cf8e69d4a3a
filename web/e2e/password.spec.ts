import { aLearner, baseUrl, gql, signIn } from './support/api';
import { expect, expectAccessible, signInAs, test } from './support/fixtures';

const NEW_PASSWORD = 'another long and unusual passphrase';

/** The reset link mailed to `email`, read from the development mailbox (what the admin's dev tools show). */
async function resetLinkFor(email: string): Promise<string> {
  const admin = await signIn('admin@demo.waypoint.test');
  for (let i = 0; i < 50; i++) {
    const { devMailbox } = await gql<{ devMailbox: { to: string; kind: string; text: string; subject: string }[] }>('{ devMailbox(first: 50) { to kind text subject } }', {}, admin.token);
    const mail = devMailbox.find((m) => m.to === email && m.kind === 'PASSWORD_RESET');
    if (mail) {
      // Nothing in the mail says what the account is for.
      expect(`${mail.subject} ${mail.text}`).not.toMatch(/addiction|substance|treatment|recovery|relapse/i);
      const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
      if (!link) throw new Error(`no reset link in: ${mail.text}`);
      return new URL(link).pathname;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no reset mail for ${email}`);
}

test('forgot password: ask for a link → mail → choose a new password → sign in with it; the link works once', async ({ page }) => {
  const patient = await aLearner('PATIENT', 'Casey Reset');

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Email').fill(patient.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'If an account uses that address' })).toBeVisible();

  const path = await resetLinkFor(patient.email);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  // The token leaves the address bar (and the tab's history) once the page has it.
  await expect(page).toHaveURL(/\/reset-password$/);
  await expectAccessible(page);
  await page.getByLabel('Choose a password').fill(NEW_PASSWORD);
  await page.getByLabel('Type the password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password is changed' })).toBeVisible();

  await page.getByRole('link', { name: 'Sign in' }).click();
  await signInAs(page, patient.email, NEW_PASSWORD);
  await expect(signIn(patient.email, patient.password)).rejects.toThrow();

  // The same link a second time: refused, with the way to a new one.
  const again = await page.context().browser()!.newContext();
  const second = await again.newPage();
  await second.goto(baseUrl() + path);
  await second.getByLabel('Choose a password').fill('yet another long passphrase');
  await second.getByLabel('Type the password again').fill('yet another long passphrase');
  await second.getByRole('button', { name: 'Save the new password' }).click();
  await expect(second.getByRole('alert')).toBeVisible();
  await expect(second.getByRole('alert').getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
  await again.close();
});

test('change password on the account page: this device stays signed in, the old password stops working', async ({ page }) => {
  const staff = await aLearner('STAFF', 'Avery Change');
  await signInAs(page, staff.email, staff.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Account' }).click();
  const form = page.getByRole('region', { name: 'Change your password' });
  await form.getByLabel('Current password').fill('not my password at all');
  await form.getByLabel('Choose a password').fill(NEW_PASSWORD);
  await form.getByLabel('Type the password again').fill(NEW_PASSWORD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('alert')).toContainText('current password');
  await form.getByLabel('Current password').fill(staff.password);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('status')).toContainText('Your password is changed');
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  await expect(signIn(staff.email, staff.password)).rejects.toThrow();
  await expect(signIn(staff.email, NEW_PASSWORD)).resolves.toHaveProperty('token');
});

test('email change: the link mailed to the new address confirms it, and sign-in uses it from then on', async ({ page }) => {
  const staff = await aLearner('STAFF', 'Jamie Move');
  const newEmail = `moved-${staff.email}`;
  await gql('mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }', { input: { id: staff.id, email: newEmail } }, staff.token);

  const admin = await signIn('admin@demo.waypoint.test');
  let path: string | undefined;
  for (let i = 0; i < 50 && !path; i++) {
    const { devMailbox } = await gql<{ devMailbox: { to: string; kind: string; text: string }[] }>('{ devMailbox(first: 50) { to kind text } }', {}, admin.token);
    const link = devMailbox.find((m) => m.to === newEmail && m.kind === 'EMAIL_CHANGE_CONFIRM')?.text.match(/https?:\/\/\S+\/confirm-email\/[A-Za-z0-9_-]+/)?.[0];
    path = link ? new URL(link).pathname : undefined;
    if (!path) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!path) throw new Error(`no confirmation mail for ${newEmail}`);

  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your new email address' })).toBeVisible();
  await expect(page).toHaveURL(/\/confirm-email$/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirm this address' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sign in with this address' })).toBeVisible();
  await signInAs(page, newEmail, staff.password);
  await expect(signIn(staff.email, staff.password)).rejects.toThrow();
});
