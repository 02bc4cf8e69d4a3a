import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RiskCategory } from './risk-phrases';
import { screenText } from './safety-screen';

/**
 * How well the phrase list does on sentences it was not written from
 * (evaluation-set.yaml): precision and recall per category, printed on every run,
 * and the floors clinicians agreed to (issue 11) asserted.
 */
type Entry = string | { text: string; also?: string[] };
interface EvaluationSet {
  must_flag: Record<string, Entry[]>;
  must_not_flag: Record<string, string[]>;
}

interface Case {
  text: string;
  expected: Set<RiskCategory>;
  /** The section's category, the one recall is counted for. */
  primary?: RiskCategory;
}

const set = parse(readFileSync(join(__dirname, 'evaluation-set.yaml'), 'utf8')) as EvaluationSet;
const CATEGORIES = Object.values(RiskCategory);

function asCategory(name: string): RiskCategory {
  if (!CATEGORIES.includes(name as RiskCategory)) throw new Error(`evaluation-set.yaml: unknown category ${name}`);
  return name as RiskCategory;
}

const cases: Case[] = [
  ...Object.entries(set.must_flag).flatMap(([name, entries]) =>
    entries.map((entry) => {
      const primary = asCategory(name);
      const text = typeof entry === 'string' ? entry : entry.text;
      const also = typeof entry === 'string' ? [] : (entry.also ?? []).map(asCategory);
      return { text, primary, expected: new Set([primary, ...also]) };
    }),
  ),
  ...Object.values(set.must_not_flag).flatMap((texts) => texts.map((text) => ({ text, expected: new Set<RiskCategory>() }))),
];

const results = cases.map((c) => ({ ...c, found: screenText(c.text).categories }));

interface Score {
  tp: number;
  fn: number;
  fp: number;
  recall: number;
  precision: number;
}

function score(category: RiskCategory): Score {
  const tp = results.filter((r) => r.primary === category && r.found.includes(category)).length;
  const fn = results.filter((r) => r.primary === category && !r.found.includes(category)).length;
  const fp = results.filter((r) => r.found.includes(category) && !r.expected.has(category)).length;
  return { tp, fn, fp, recall: tp / Math.max(1, tp + fn), precision: tp + fp === 0 ? 1 : tp / (tp + fp) };
}

const overall = (() => {
  const flagged = results.filter((r) => r.found.length > 0);
  const tp = flagged.filter((r) => r.expected.size > 0).length;
  const positives = results.filter((r) => r.expected.size > 0).length;
  return { precision: tp / Math.max(1, flagged.length), recall: tp / Math.max(1, positives), falseAlarms: flagged.filter((r) => r.expected.size === 0).map((r) => r.text) };
})();

describe('safety screen evaluation set', () => {
  it('has at least 150 sentences, must-flag for every category and must-not-flag of every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const category of CATEGORIES) expect(set.must_flag[category]?.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(Object.keys(set.must_not_flag)).toEqual(expect.arrayContaining(['negations', 'past_tense', 'lesson_vocabulary', 'lyrics']));
  });

  it('prints precision and recall per category, and meets the agreed floors', () => {
    const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
    const lines = CATEGORIES.map((c) => {
      const s = score(c);
      return `${c.padEnd(14)} recall ${pct(s.recall)} (${s.tp}/${s.tp + s.fn})  precision ${pct(s.precision)} (${s.fp} false)`;
    });
    const missed = results.filter((r) => r.primary && !r.found.includes(r.primary)).map((r) => `  missed ${r.primary}: ${r.text}`);
    const alarms = overall.falseAlarms.map((text) => `  false alarm: ${text}`);
    console.log(
      [`safety screen on ${cases.length} sentences`, ...lines, `overall        recall ${pct(overall.recall)}  precision ${pct(overall.precision)}`, ...missed, ...alarms].join('\n'),
    );

    expect(score(RiskCategory.SELF_HARM).recall).toBeGreaterThanOrEqual(0.95);
    expect(score(RiskCategory.OVERDOSE).recall).toBeGreaterThanOrEqual(0.95);
    expect(score(RiskCategory.RECENT_USE).recall).toBeGreaterThanOrEqual(0.9);
    expect(overall.precision).toBeGreaterThanOrEqual(0.8);
  });
});
