import { planOf } from '../src';
import { type AnyDoc, useDatabase } from './support';

/** Values of every BSON type the app stores, plus the awkward ones: missing, null, arrays, mixed numbers. */
const MIXED: unknown[] = [3, 3.5, -1, 10, 'b', 'a', '', null, new Date(5), new Date(1), true, false, { x: 1 }, 7, 7, 7, 0];

describe('conformance: index-served query plans', () => {
  const conn = useDatabase();
  // The same documents twice: `indexed` has the indexes, `plain` only `_id`, so every
  // query's answer on an index plan can be compared with the collection scan's.
  const indexed = () => conn.coll('plans_indexed');
  const plain = () => conn.coll('plans_plain');

  beforeAll(async () => {
    const docs: AnyDoc[] = [];
    for (let i = 0; i < 400; i++) {
      const doc: AnyDoc = { _id: i, org: i % 4, learner: i % 37, course: `c${i % 5}`, at: new Date(Date.UTC(2026, 0, 1 + (i % 60))), n: i % 9 };
      if (i % 23 !== 0) doc.v = MIXED[i % MIXED.length]; // some documents lack `v`
      if (i % 50 === 0) doc.tags = ['x', `t${i % 3}`];
      docs.push(doc);
    }
    await indexed().insertMany(docs);
    await plain().insertMany(docs);
    await indexed().createIndex({ org: 1, learner: 1, course: 1 });
    await indexed().createIndex({ org: 1, at: 1 });
    await indexed().createIndex({ v: 1 });
    await indexed().createIndex({ n: 1, org: -1 });
    await indexed().createIndex({ tags: 1 });
  });

  const explainFind = (filter: AnyDoc, options: { sort?: AnyDoc; limit?: number } = {}) =>
    indexed().find(filter, options).explain('executionStats');

  /** Runs the query on both collections: same documents; with a sort, the same sequence of sort keys (ties in any order). */
  async function sameAnswer(filter: AnyDoc, options: { sort?: AnyDoc; limit?: number } = {}): Promise<AnyDoc[]> {
    const [a, b] = await Promise.all([indexed().find(filter, options).toArray(), plain().find(filter, options).toArray()]);
    if (options.sort && !options.limit) {
      const keys = (docs: AnyDoc[]) => docs.map((d) => Object.keys(options.sort).map((k) => JSON.stringify(d[k])).join('|'));
      expect(keys(a)).toEqual(keys(b));
      expect(a.map((d) => d._id).sort((x, y) => x - y)).toEqual(b.map((d) => d._id).sort((x, y) => x - y));
    } else if (options.limit) {
      // Which of several tied documents a limit keeps is not specified: compare the sort keys only.
      const keys = (docs: AnyDoc[]) => docs.map((d) => Object.keys(options.sort ?? {}).map((k) => JSON.stringify(d[k])).join('|'));
      expect(keys(a)).toEqual(keys(b));
      expect(a).toHaveLength(b.length);
    } else {
      expect(a.map((d) => d._id).sort((x, y) => x - y)).toEqual(b.map((d) => d._id).sort((x, y) => x - y));
    }
    return a;
  }

  it('$in on a compound prefix is an index scan with the same answer as a collection scan', async () => {
    const filter = { org: 2, learner: { $in: [2, 6, 10, 14, 99] } };
    const found = await sameAnswer(filter);
    expect(found.length).toBeGreaterThan(0);
    const plan = planOf(await explainFind(filter));
    expect(plan.stages).toContain('IXSCAN');
    expect(plan.stages).not.toContain('COLLSCAN');
    expect(plan.indexes).toEqual(['org_1_learner_1_course_1']);
  });

  it('a range on the field after an equality prefix is an index scan, bounded on both sides', async () => {
    const filter = { org: 1, at: { $gte: new Date(Date.UTC(2026, 0, 10)), $lt: new Date(Date.UTC(2026, 0, 20)) } };
    const found = await sameAnswer(filter);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.org === 1 && d.at >= new Date(Date.UTC(2026, 0, 10)) && d.at < new Date(Date.UTC(2026, 0, 20)))).toBe(true);
    const plan = planOf(await explainFind(filter));
    expect(plan.indexes).toEqual(['org_1_at_1']);
    expect(plan.docsExamined).toBe(found.length);
  });

  it('a sort that follows the index needs no in-memory sort, forwards or backwards, and a limit stops the scan', async () => {
    for (const direction of [1, -1]) {
      const sort = { at: direction };
      const found = await sameAnswer({ org: 3 }, { sort });
      expect(found).toHaveLength(100);
      const limited = await sameAnswer({ org: 3 }, { sort, limit: 5 });
      expect(limited.map((d) => d.at)).toEqual(found.slice(0, 5).map((d) => d.at));
      const plan = planOf(await explainFind({ org: 3 }, { sort, limit: 5 }));
      expect(plan.indexes).toEqual(['org_1_at_1']);
      expect(plan.stages).not.toContain('SORT');
      expect(plan.docsExamined).toBeLessThanOrEqual(5);
    }
  });

  it('a compound index with mixed directions serves its own order and the exact reverse, and only those', async () => {
    await sameAnswer({ n: { $in: [1, 2, 3] } }, { sort: { n: 1, org: -1 } });
    expect(planOf(await explainFind({}, { sort: { n: 1, org: -1 }, limit: 3 })).stages).not.toContain('SORT');
    expect(planOf(await explainFind({}, { sort: { n: -1, org: 1 }, limit: 3 })).stages).not.toContain('SORT');
    await sameAnswer({}, { sort: { n: 1, org: 1 }, limit: 7 });
    expect(planOf(await explainFind({}, { sort: { n: 1, org: 1 }, limit: 3 })).stages).toContain('SORT');
  });

  it('$in then a sort on the next index field merges one scan per value: no in-memory sort, and a limit stops early', async () => {
    for (const direction of [1, -1]) {
      const filter = { org: { $in: [1, 3] } };
      const all = await sameAnswer(filter, { sort: { at: direction } });
      expect(all).toHaveLength(200);
      const limited = await sameAnswer(filter, { sort: { at: direction }, limit: 5 });
      expect(limited.map((d) => d.at)).toEqual(all.slice(0, 5).map((d) => d.at));
      const plan = planOf(await explainFind(filter, { sort: { at: direction }, limit: 5 }));
      expect(plan.indexes).toEqual(['org_1_at_1']);
      expect(plan.stages).toContain('SORT_MERGE');
      expect(plan.stages).not.toContain('SORT');
      expect(plan.docsExamined).toBeLessThanOrEqual(5 + 2);
    }
    // Against a descending field, both ways; and a sort that names the $in field itself is not a merge.
    await sameAnswer({ n: { $in: [1, 2, 3] } }, { sort: { org: -1 }, limit: 9 });
    await sameAnswer({ n: { $in: [1, 2, 3] } }, { sort: { org: 1 } });
    expect(planOf(await explainFind({ n: { $in: [1, 2, 3] } }, { sort: { org: 1 }, limit: 9 })).stages).toContain('SORT_MERGE');
    expect(planOf(await explainFind({ org: { $in: [1, 3] } }, { sort: { org: 1, at: 1 } })).stages).not.toContain('SORT_MERGE');
    // Pinned fields drop out of the sort; ties on the sort key come back with the same keys as the scan's.
    await sameAnswer({ org: 2, learner: { $in: [2, 6, 10] } }, { sort: { org: 1, course: -1 } });
    expect(planOf(await explainFind({ org: 2, learner: { $in: [2, 6, 10] } }, { sort: { course: -1 }, limit: 2 })).stages).toContain('SORT_MERGE');
  });

  it('equality, ranges and sorts over mixed types follow MongoDB type order under the index and the scan alike', async () => {
    const numbers = await sameAnswer({ v: { $gt: 3 } });
    expect(numbers.map((d) => d.v).every((v) => typeof v === 'number' && v > 3)).toBe(true);
    const strings = await sameAnswer({ v: { $gte: '', $lt: 'b' } });
    expect(new Set(strings.map((d) => d.v))).toEqual(new Set(['', 'a']));
    const dates = await sameAnswer({ v: { $lte: new Date(5) } });
    expect(dates.every((d) => d.v instanceof Date)).toBe(true);
    const nulls = await sameAnswer({ v: null }); // null and missing
    expect(nulls.some((d) => !('v' in d)) && nulls.some((d) => d.v === null)).toBe(true);
    await sameAnswer({ v: { $in: [7, 'a', false, null] } });
    // Ties (many 7s) come in any order; the sequence of values is MongoDB's type order.
    const sorted = await sameAnswer({}, { sort: { v: 1 } });
    expect(sorted.slice(0, 3).every((d) => d.v === null || d.v === undefined)).toBe(true);
    await sameAnswer({}, { sort: { v: -1 }, limit: 20 });
    expect(planOf(await explainFind({ v: { $gt: 3 } })).indexes).toEqual(['v_1']);
  });

  it('an array field: each matching document once, and sorting by it still uses the smallest or largest element', async () => {
    const tagged = await sameAnswer({ tags: { $in: ['x', 't1'] } });
    expect(tagged).toHaveLength(8);
    expect(planOf(await explainFind({ tags: { $in: ['x', 't1'] } })).indexes).toEqual(['tags_1']);
    await sameAnswer({ tags: { $exists: true } }, { sort: { tags: -1 } });
  });

  it('explain names COLLSCAN when no index applies, and IDHACK or an _id index scan for _id', async () => {
    const unindexed = planOf(await explainFind({ course: 'c1' }));
    expect(unindexed.stages).toContain('COLLSCAN');
    expect(unindexed.indexes).toEqual([]);
    const byId = planOf(await explainFind({ _id: 42 }));
    expect(byId.stages.some((s) => s === 'IDHACK' || s === 'EXPRESS_IXSCAN' || s === 'IXSCAN')).toBe(true);
    expect(byId.stages).not.toContain('COLLSCAN');
    await sameAnswer({ _id: { $gt: 390 } }, { sort: { _id: -1 } });
    expect(planOf(await explainFind({ _id: { $gt: 390 } }, { sort: { _id: -1 } })).indexes).toEqual(['_id_']);
  });

  it('aggregate: a leading $match and $sort run on the index, and explain says so', async () => {
    const pipeline = [{ $match: { org: 0, learner: { $in: [0, 4, 8] } } }, { $sort: { learner: 1, course: 1 } }, { $group: { _id: '$learner', n: { $sum: 1 } } }, { $sort: { _id: 1 } }];
    const [a, b] = await Promise.all([indexed().aggregate(pipeline).toArray(), plain().aggregate(pipeline).toArray()]);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(0);
    const plan = planOf(await indexed().aggregate(pipeline).explain('queryPlanner'));
    expect(plan.indexes).toEqual(['org_1_learner_1_course_1']);
    expect(plan.stages).not.toContain('COLLSCAN');
    const top = await indexed().aggregate([{ $sort: { org: 1, at: -1 } }, { $limit: 4 }]).toArray();
    expect(top.map((d) => d.org)).toEqual([0, 0, 0, 0]);
    expect(top.map((d) => d.at.getTime())).toEqual([...top.map((d) => d.at.getTime())].sort((x, y) => y - x));
  });

  it('writes find their documents through the same plans', async () => {
    const c = indexed();
    const updated = await c.findOneAndUpdate({ org: 2, at: { $gte: new Date(Date.UTC(2026, 0, 30)) } }, { $set: { touched: true } }, { sort: { at: 1 }, returnDocument: 'after' });
    const expected = await plain().find({ org: 2, at: { $gte: new Date(Date.UTC(2026, 0, 30)) } }).sort({ at: 1 }).limit(1).toArray();
    expect(updated!.at).toEqual(expected[0].at);
    expect(planOf(await conn.db.command({ explain: { findAndModify: 'plans_indexed', query: { org: 2, learner: 5 }, update: { $set: { y: 1 } } }, verbosity: 'queryPlanner' })).indexes).toEqual(['org_1_learner_1_course_1']);
    await c.updateMany({ touched: true }, { $unset: { touched: '' } });
  });
});
