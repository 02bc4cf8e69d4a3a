// `npm run lighthouse -w web`: Lighthouse 12.2.3 (pinned; 13 needs Node 22), mobile
// profile (simulated Slow 4G, 4× CPU slowdown), on the lesson reader as the demo
// patient sees it. Needs a running service (`npm start`; WAYPOINT_URL, default
// http://127.0.0.1:3000) with the demo organization, and Chromium (CHROME_PATH,
// default /usr/bin/chromium). Lighthouse runs through `npx` at its pinned version,
// so its ~200 dependencies stay out of the project's lockfile and CI install.
// Prints LCP, CLS and TBT against the targets in bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const base = process.env.WAYPOINT_URL ?? 'http://127.0.0.1:3000';
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const email = process.env.LIGHTHOUSE_EMAIL ?? 'patient@demo.waypoint.test';
const password = process.env.LIGHTHOUSE_PASSWORD ?? 'waypoint-demo-password';
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

/** Mirrors web/src/lib/neutral-paths.ts: the address a learner's browser shows for a lesson. */
function pathKey(slug) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    hash ^= slug.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).padStart(7, '0');
}

/** Signs in the way the app does; a fresh cookie per run, since a refresh token is single-use (rotation). */
async function signIn() {
  const response = await fetch(`${base}/session/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-waypoint-csrf': '1' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: HTTP ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { accessToken } = await response.json();
  return { cookie, accessToken };
}
const { accessToken } = await signIn();
const gql = (query, variables = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ query, variables }),
  }).then((r) => r.json());
let learning = await gql('{ myLearning { courseSlug nextLesson { slug } } courses { slug } }');
if (!learning.data?.myLearning.some((i) => i.nextLesson)) {
  // A fresh demo has nothing assigned yet: enroll in a course the way a learner would.
  const slugs = learning.data?.courses.map((c) => c.slug) ?? [];
  const slug = slugs.includes('relapse-prevention-skills') ? 'relapse-prevention-skills' : slugs[0];
  await gql('mutation($s: String!) { enroll(courseSlug: $s) { id } }', { s: slug });
  learning = await gql('{ myLearning { courseSlug nextLesson { slug } } courses { slug } }');
}
const item = learning.data?.myLearning.find((i) => i.nextLesson);
if (!item) throw new Error(`${email} has no lesson to read: ${JSON.stringify(learning).slice(0, 300)}`);
const url = `${base}/learn/${pathKey(item.courseSlug)}/${pathKey(item.nextLesson.slug)}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const samples = [];
for (let run = 0; run < runs; run++) {
  const out = join(tmpdir(), `waypoint-lighthouse-${process.pid}-${run}.json`);
  const { cookie } = await signIn();
  execFileSync(
    'npx',
    [
      '--yes',
      LIGHTHOUSE,
      url,
      '--only-categories=performance',
      `--chrome-path=${chrome}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: chrome } },
  );
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  const audit = (id) => report.audits[id].numericValue;
  samples.push({
    lcp: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    tbt: audit('total-blocking-time'),
    fcp: audit('first-contentful-paint'),
    score: report.categories.performance.score * 100,
    finalUrl: report.finalDisplayedUrl,
  });
  process.stderr.write(`run ${run + 1}/${runs}: LCP ${samples.at(-1).lcp.toFixed(0)} ms, CLS ${samples.at(-1).cls.toFixed(3)}, TBT ${samples.at(-1).tbt.toFixed(0)} ms\n`);
}
if (samples.some((s) => s.finalUrl.includes('/sign-in'))) throw new Error('the page sent Lighthouse to sign-in: the session cookie did not take');

const lcp = median(samples.map((s) => s.lcp));
const cls = median(samples.map((s) => s.cls));
const tbt = median(samples.map((s) => s.tbt));
const fcp = median(samples.map((s) => s.fcp));
const score = median(samples.map((s) => s.score));
console.log(`Lighthouse 12.2.3, mobile profile (simulated Slow 4G, 4× CPU), lesson reader, median of ${runs} runs`);
console.log('| metric | median | target | met |\n|---|---:|---:|---|');
console.log(`| LCP | ${(lcp / 1000).toFixed(2)} s | ≤ 2.5 s | ${lcp <= 2500 ? 'yes' : 'NO'} |`);
console.log(`| CLS | ${cls.toFixed(3)} | ≤ 0.1 | ${cls <= 0.1 ? 'yes' : 'NO'} |`);
console.log(`| TBT | ${tbt.toFixed(0)} ms | ≤ 200 ms | ${tbt <= 200 ? 'yes' : 'NO'} |`);
console.log(`| FCP | ${(fcp / 1000).toFixed(2)} s | – | – |`);
console.log(`| performance score | ${score.toFixed(0)} | – | – |`);
