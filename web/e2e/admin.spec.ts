import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { aLearner, completeLessons, gql, PASSWORD, signIn, uniqueEmail } from './support/api';
import { expect, expectAccessible, signInAs, signInAsStaff, test } from './support/fixtures';

const ADMIN = 'admin@demo.waypoint.test';

/** Clicks a CSV button and reads the file the browser saved, parsed as a spreadsheet would. */
async function downloadCsv(page: Page, button: string): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return parse(readFileSync((await download.path())!, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

test('admin: invites a clinician, who accepts in their own browser and lands on their caseload', async ({ page, browser }) => {
  await signInAsStaff(page, ADMIN);
  await page.getByRole('navigation', { name: 'Care team and admin' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await page.getByLabel('Role').selectOption('CLINICIAN');
  await expect(page.getByRole('row', { name: /Morgan Outside/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Invite staff' }).click();
  const email = uniqueEmail('clinician');
  await page.getByLabel('Clinician').check();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name (optional)').fill('Casey Newhire');
  await page.getByRole('button', { name: 'Create invitation' }).click();
  await expect(page.getByRole('img', { name: 'QR code that opens the invitation' })).toBeVisible();
  const code = (await page.locator('.invite-code').textContent())!.trim();

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(`/invite/${code}`);
  await newcomer.getByLabel('Your name').fill('Casey Newhire');
  await newcomer.getByLabel('Email').fill(email);
  await newcomer.getByLabel('Choose a password').fill(PASSWORD);
  await newcomer.getByLabel('Type the password again').fill(PASSWORD);
  await newcomer.getByRole('button', { name: 'Create account' }).click();
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(newcomer.getByRole('navigation', { name: 'Care team and admin' }).getByRole('link', { name: 'People' })).toHaveCount(0);
  await newcomer.getByRole('link', { name: 'My training' }).click();
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Hello, Casey Newhire' })).toBeVisible();
});

test('admin: every CSV downloads and parses with the expected header and rows; records revoke with a reason', async ({ page }) => {
  const staff = await aLearner('STAFF', '=Formula Staffer');
  await gql('mutation { enroll(courseSlug: "continuum-of-care") { id } }', {}, staff.token);
  await completeLessons(staff.token, 'continuum-of-care', ['what-iop-is', 'the-continuum-and-asam-levels', 'asam-six-dimensions', 'our-services-and-getting-help']);

  await signInAsStaff(page, ADMIN);
  await page.goto('/admin/records');
  await page.getByLabel('Course').selectOption('continuum-of-care');
  const row = page.getByRole('row', { name: /=Formula Staffer/ });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  const records = await downloadCsv(page, 'Download CSV');
  const mine = records.find((r) => r.learnerId === staff.id)!;
  expect(mine).toMatchObject({ nameAsIssued: "'=Formula Staffer", courseSlug: 'continuum-of-care', status: 'VALID' });
  expect(records.every((r) => r.courseSlug === 'continuum-of-care')).toBe(true);

  await row.getByRole('button', { name: /^Revoke the record of =Formula Staffer/ }).click();
  await row.getByLabel(/^Reason/).fill('Issued in error');
  await row.getByRole('button', { name: 'Revoke record' }).click();
  await expect(row).toContainText('Revoked');
  await expect(row).toContainText('Issued in error');

  await page.goto('/admin/audit');
  await page.getByLabel('Action').selectOption('COMPLETION_RECORD_REVOKED');
  await expect(page.getByRole('cell', { name: 'Issued in error' }).first()).toBeVisible();
  await expectAccessible(page);
  const events = await downloadCsv(page, 'Download CSV');
  expect(Object.keys(events[0])).toEqual(['eventId', 'at', 'action', 'actorId', 'actorRole', 'subjectType', 'subjectId', 'patientId', 'reason', 'requestId']);
  expect(events.every((e) => e.action === 'COMPLETION_RECORD_REVOKED')).toBe(true);
  expect(events.some((e) => e.reason === 'Issued in error')).toBe(true);
  expect(events[0].at).toMatch(/^\d{4}-\d{2}-\d{2}/);
});

test('admin pages pass axe: compliance matrix (and its CSV), reports, settings (saved), emergency-access report', async ({ page }) => {
  const admin = await signIn(ADMIN);
  const staff = await aLearner('STAFF', 'Robin Matrix');
  await gql('mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id } }', { i: { learnerId: staff.id, courseSlug: 'staff-onboarding', dueInDays: 30 } }, admin.token);

  await signInAsStaff(page, ADMIN);
  await page.goto('/admin/compliance');
  await expect(page.getByRole('row', { name: /Robin Matrix/ })).toBeVisible();
  await expectAccessible(page);
  const compliance = await downloadCsv(page, 'Download CSV');
  expect(Object.keys(compliance[0]).slice(0, 4)).toEqual(['staffId', 'name', 'email', 'role']);
  expect(compliance.some((r) => r.staffId === staff.id)).toBe(true);

  await page.goto('/admin/reports');
  await expect(page.getByRole('figure', { name: 'Courses completed per week, last 12 weeks' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Courses completed per week, last 12 weeks' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/admin/settings');
  await page.getByLabel("Your program's crisis or after-hours line").fill('+1 555 0100');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Help right now' })).toContainText('555 0100');
  await expect(page.getByRole('heading', { name: 'Development mailbox' })).toBeVisible();
  await expectAccessible(page);
  await gql('mutation { updateOrganizationSettings(input: { crisisLine: "" }) { crisisLine } }', {}, admin.token);

  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: 'Emergency access report' })).toBeVisible();
  await expectAccessible(page);
});

test('admin: deactivates a staff member, who is signed out at once in their own browser; reactivates them', async ({ page, browser }) => {
  const staff = await aLearner('STAFF', 'Dana Departing');
  const theirs = await (await browser.newContext()).newPage();
  await signInAs(theirs, staff.email, staff.password);

  await signInAsStaff(page, ADMIN);
  await page.goto('/admin/people');
  await page.getByLabel('Find by name or email').fill('Dana Departing');
  const row = page.getByRole('row', { name: /Dana Departing/ });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Deactivate Dana Departing' }).click();
  await row.getByLabel(/^Reason/).fill('Left the program');
  await expectAccessible(page);
  await row.getByRole('button', { name: 'Deactivate account' }).click();
  await expect(page.getByRole('row', { name: /Dana Departing/ })).toHaveCount(0);

  // Their very next step finds them signed out.
  await theirs.getByRole('link', { name: 'Certificates' }).click();
  await expect(theirs.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await theirs.getByLabel('Email').fill(staff.email);
  await theirs.getByLabel('Password').fill(staff.password);
  await theirs.getByRole('button', { name: 'Sign in' }).click();
  await expect(theirs.getByRole('alert')).toContainText('deactivated');

  await page.getByLabel('Show deactivated accounts').check();
  await page.getByRole('button', { name: 'Reactivate Dana Departing' }).click();
  await expect(page.getByRole('row', { name: /Dana Departing/ })).toHaveCount(0);
  await page.getByLabel('Show deactivated accounts').uncheck();
  await expect(page.getByRole('row', { name: /Dana Departing/ })).toHaveCount(1);
});
