import { readFile } from 'node:fs/promises';
import { aLearner, assign } from './support/api';
import { expect, expectAccessible, signInAs, test } from './support/fixtures';

test('a patient downloads a copy of their records from the account page, under a name that says nothing', async ({ page }) => {
  const patient = await aLearner('PATIENT', 'Rowan Records');
  await assign(patient.id, 'starting-iop');
  await signInAs(page, patient.email, patient.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Account' }).click();
  const section = page.getByRole('region', { name: 'A copy of your records' });
  await expect(section).toBeVisible();

  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Download my records' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^my-records-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(saved.client).toMatchObject({ id: patient.id, displayName: 'Rowan Records', email: patient.email });
  expect(Array.isArray(saved.progress)).toBe(true);
  await expect(section.getByRole('status')).toContainText('Your records file is downloading');
  await expectAccessible(page);
});

test('staff have no records download on their account page (their records are their employer’s)', async ({ page }) => {
  const staff = await aLearner('STAFF', 'Sam Staff');
  await signInAs(page, staff.email, staff.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download my records' })).toHaveCount(0);
});
