import { aLearner } from './support/api';
import { expect, expectAccessible, signInAs, test } from './support/fixtures';

test('sign in, reload and stay signed in, then sign out on this device', async ({ page, context }) => {
  const pat = await aLearner('PATIENT', 'Robin Reload');
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page).toHaveTitle('Sign in · Learning');
  await expectAccessible(page);

  await page.getByLabel('Email').fill(pat.email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');
  await expectAccessible(page);

  await signInAs(page, pat.email, pat.password);
  // The refresh token is an HttpOnly, Secure, SameSite=Strict cookie scripts cannot read; nothing is kept in storage.
  const [cookie] = (await context.cookies()).filter((c) => c.name === 'waypoint_refresh');
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Hello, Robin Reload' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

  await page.getByRole('link', { name: 'Account' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign out on this device' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the crisis bar is on every page with real call and text links', async ({ page }) => {
  await page.goto('/sign-in');
  const bar = page.getByRole('complementary', { name: 'Help right now' });
  await expect(bar.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
  await expect(bar.getByRole('link', { name: 'Text 988' })).toHaveAttribute('href', 'sms:988');
  await expect(bar.getByRole('link', { name: /Helpline/ })).toHaveAttribute('href', 'tel:+18006624357');
  await expect(bar.getByRole('link', { name: 'Emergency 911' })).toHaveAttribute('href', 'tel:911');
  await expect(page.getByRole('note')).toContainText('kept in memory');
  // First in the keyboard order (after the skip link).
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(bar.getByRole('link', { name: 'Call 988' })).toBeFocused();
});
