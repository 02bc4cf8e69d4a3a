// `npm run budget -w web`: JavaScript each learner route loads, gzipped, from the
// built app (web/dist). The entry chunk loads on every route; a lazily loaded page
// adds its own chunk. Budget: 150 KB gzipped per route (bench/RESULTS.md).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)[1];
const kb = (file) => gzipSync(readFileSync(join(dist, 'assets', file)), { level: 9 }).length / 1024;
const entryKb = kb(entry);
const rows = [['sign-in, home, course, lesson, account (entry chunk)', entryKb]];
for (const file of readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && f !== entry)) {
  rows.push([`${file.replace(/-[\w-]+\.js$/, '')} (entry + its chunk)`, entryKb + kb(file)]);
}
const budget = 150;
console.log('| route | JS gzipped (KB) | within 150 KB |\n|---|---:|---|');
for (const [route, size] of rows) console.log(`| ${route} | ${size.toFixed(1)} | ${size <= budget ? 'yes' : 'NO'} |`);
process.exitCode = rows.every(([, size]) => size <= budget) ? 0 : 1;
