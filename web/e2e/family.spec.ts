import { aLearner } from './support/api';
import { expect, expectAccessible, signInAs, test } from './support/fixtures';

test('family: consent granted → progress with the §2.32 notice → consent revoked → nothing', async ({ browser }) => {
  const patient = await aLearner('PATIENT', 'Casey Morgan');
  const family = await aLearner('FAMILY', 'Drew Morgan', patient.id);
  const patientPage = await (await browser.newContext()).newPage();
  const familyPage = await (await browser.newContext()).newPage();

  await signInAs(familyPage, family.email, family.password);
  await familyPage.getByRole('link', { name: 'Family' }).click();
  await expect(familyPage.getByText('has not chosen to share their progress with you')).toBeVisible();
  await expectAccessible(familyPage);

  await signInAs(patientPage, patient.email, patient.password);
  await patientPage.getByRole('link', { name: 'Privacy' }).click();
  await expect(patientPage.getByText('You are not sharing anything with family members.')).toBeVisible();
  await expectAccessible(patientPage);
  await patientPage.getByLabel('Who may see it').selectOption({ label: 'Drew Morgan' });
  await patientPage.getByLabel('Which courses I am taking and how far along I am').check();
  await patientPage.getByLabel('Why you are sharing it').fill('So Drew can support me at home');
  await patientPage.getByLabel('Or until this happens').fill('When I finish the program');
  await patientPage.getByRole('button', { name: 'Agree and share' }).click();
  await expect(patientPage.getByRole('alert')).toContainText('Tick the box');
  await patientPage.getByLabel(/I understand I can stop sharing/).check();
  await patientPage.getByRole('button', { name: 'Agree and share' }).click();
  const consent = patientPage.getByRole('listitem').filter({ has: patientPage.getByRole('heading', { name: 'Drew Morgan' }) });
  await expect(consent.getByText('So Drew can support me at home')).toBeVisible();
  await expectAccessible(patientPage);

  await familyPage.reload();
  await expect(familyPage.getByRole('heading', { name: "Casey Morgan's progress" })).toBeVisible();
  await expect(familyPage.getByRole('complementary', { name: 'Legal notice' })).toContainText('42 CFR part 2', { ignoreCase: true });
  await expectAccessible(familyPage);

  await consent.getByRole('button', { name: 'Stop sharing with Drew Morgan' }).click();
  await expect(consent.getByText(/Stopped on/)).toBeVisible();

  await familyPage.reload();
  await expect(familyPage.getByText('has not chosen to share their progress with you')).toBeVisible();
  await expect(familyPage.getByRole('heading', { name: "Casey Morgan's progress" })).toHaveCount(0);

  // The patient sees that Drew looked, in the disclosure history.
  await patientPage.reload();
  await expect(patientPage.getByRole('region', { name: 'Who has seen your records' })).toContainText('Drew Morgan saw your progress');
  await expectAccessible(patientPage);
});
