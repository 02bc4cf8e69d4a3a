import { aLearner, completeLessons } from './support/api';
import { expect, expectAccessible, signInAs, test } from './support/fixtures';

test('staff: self-enroll → complete → PDF → verify by code', async ({ page }) => {
  const staff = await aLearner('STAFF', 'Morgan Lee');
  await signInAs(page, staff.email, staff.password);
  const catalog = page.getByRole('region', { name: 'More courses for you' });
  await expectAccessible(page);
  await catalog.getByRole('button', { name: /^Add The Continuum of Care/ }).click();
  const mine = page.getByRole('region', { name: 'My courses' });
  await expect(mine.getByRole('link', { name: /The Continuum of Care/ })).toBeVisible();
  await expect(mine.getByText('You chose this')).toBeVisible();

  await completeLessons(staff.token, 'continuum-of-care', ['what-iop-is', 'the-continuum-and-asam-levels', 'asam-six-dimensions', 'our-services-and-getting-help']);
  await page.getByRole('link', { name: 'Certificates' }).click();
  const certificate = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /The Continuum of Care/ }) });
  await expect(certificate.getByText(/1 contact hour/)).toBeVisible();
  const code = (await certificate.locator('code').textContent())!;
  expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/);
  // Staff records verify by their code; no share links.
  await expect(certificate.getByRole('button', { name: 'Create a share link' })).toHaveCount(0);
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await certificate.getByRole('button', { name: 'Download PDF' }).click();
  const pdf = await download;
  const bytes = await pdf.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

  const verify = await page.request.get(`/verify/${code}`);
  expect(await verify.text()).toMatch(/VALID[\s\S]*Morgan Lee|Morgan Lee[\s\S]*VALID/);
});
