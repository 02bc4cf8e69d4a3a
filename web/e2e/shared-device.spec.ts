import { aLearner, assign, gql } from './support/api';
import { expect, expectAccessible, signInAs, test } from './support/fixtures';

const NEUTRAL = 'https://www.weather.gov/';

test('offline: the network drops mid-lesson → reconnect → progress recorded once', async ({ page, context }) => {
  const patient = await aLearner('PATIENT', 'Sky Offline');
  await assign(patient.id, 'continuum-of-care');
  await signInAs(page, patient.email, patient.password);
  await page.goto('/courses/continuum-of-care/lessons/what-iop-is');
  await expect(page.getByRole('heading', { name: 'What you will learn' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // Every progress event that reaches the server, by client id.
  const arrived: string[] = [];
  page.on('requestfinished', (request) => {
    const body = request.postData() ?? '';
    if (body.includes('"event":"PROGRESS"')) arrived.push(JSON.parse(body).variables.input.clientEventId);
  });

  await context.setOffline(true);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight * 0.6));
  await expect(page.getByRole('status').filter({ hasText: "Will save when you're back online" })).toBeVisible();
  await expectAccessible(page);
  expect(arrived).toEqual([]);

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect.poll(() => arrived.length).toBe(1);

  const { myLearning } = await gql<{ myLearning: { courseSlug: string; lessons: { slug: string; positionPercent: number }[] }[] }>(
    '{ myLearning { courseSlug lessons { slug positionPercent } } }',
    {},
    patient.token,
  );
  const lesson = myLearning.find((i) => i.courseSlug === 'continuum-of-care')!.lessons.find((l) => l.slug === 'what-iop-is')!;
  expect(lesson.positionPercent).toBeGreaterThan(20);
});

test('quick exit: Escape twice leaves for a neutral site, signs out, and leaves nothing behind', async ({ page, context }) => {
  await context.route(`${NEUTRAL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Forecast</h1>' }));
  const patient = await aLearner('PATIENT', 'Quinn Exit');
  await assign(patient.id, 'continuum-of-care');
  await signInAs(page, patient.email, patient.password);
  await page.goto('/courses/continuum-of-care/lessons/what-iop-is');
  await expect(page.getByRole('heading', { name: 'What you will learn' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Quick exit' })).toBeVisible();

  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(NEUTRAL);
  await expect(page.getByRole('heading', { name: 'Forecast' })).toBeVisible();

  // Back does not return to the lesson: it was replaced. Whatever is earlier shows only the sign-in page now.
  await page.goBack();
  await expect(page).not.toHaveURL(/what-iop-is/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const stored = await page.evaluate(async () => ({ local: localStorage.length, session: sessionStorage.length, idb: (await indexedDB.databases()).length }));
  expect(stored).toEqual({ local: 0, session: 0, idb: 0 });
});

test('quick exit button works the same, and staff do not get one', async ({ page, context }) => {
  await context.route(`${NEUTRAL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Forecast</h1>' }));
  const family = await aLearner('FAMILY', 'Avery Button', (await aLearner('PATIENT', 'Pat Linked')).id);
  await signInAs(page, family.email, family.password);
  await page.getByRole('button', { name: 'Quick exit' }).click();
  await expect(page).toHaveURL(NEUTRAL);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);

  const staff = await aLearner('STAFF', 'Sam Noexit');
  await signInAs(page, staff.email, staff.password);
  await expect(page.getByRole('button', { name: 'Quick exit' })).toHaveCount(0);
});

test('idle sign-out: a warning after 14 minutes, signed out at 15', async ({ page }) => {
  await page.clock.install();
  const patient = await aLearner('PATIENT', 'Idle Ivy');
  await signInAs(page, patient.email, patient.password);
  await page.clock.fastForward('14:05');
  const warning = page.getByRole('alert').filter({ hasText: 'You will be signed out in a minute' });
  await expect(warning).toBeVisible();
  await expectAccessible(page);
  // The crisis bar stays usable while the warning shows.
  await expect(page.getByRole('link', { name: 'Call 988' })).toBeVisible();
  await page.clock.fastForward('01:00');
  await expect(page).toHaveURL(/\/sign-in\?reason=idle/);
  await expect(page.getByText('You were signed out because the page was left alone for a while.')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});
