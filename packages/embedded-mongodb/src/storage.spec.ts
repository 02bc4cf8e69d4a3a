/**
 * Engine internals that the wire cannot show: which documents a query looks at,
 * and that a failed batch write leaves nothing behind.
 */
import { ObjectId } from 'bson';
import { compileFilter, type Matcher } from './query';
import { Storage } from './storage';
import { compileUpdate } from './update';
import type { Doc } from './values';

function counting(filter: Doc): { matcher: Matcher; calls: () => number } {
  const inner = compileFilter(filter);
  let calls = 0;
  return {
    matcher: (doc) => {
      calls++;
      return inner(doc);
    },
    calls: () => calls,
  };
}

describe('embedded storage', () => {
  function seeded(): ReturnType<Storage['ensureCollection']> {
    const collection = new Storage().ensureCollection('db', 'c');
    collection.createIndex({ key: { org: 1, name: 1 }, name: 'org_name' });
    for (let i = 0; i < 5000; i++) collection.insert({ _id: i, org: i % 50, name: `n${i}`, email: `e${i}` });
    return collection;
  }

  it('answers _id and leading-field equality from the maps, not by scanning', () => {
    const collection = seeded();
    collection.createIndex({ key: { email: 1 }, name: 'email_1', unique: true });
    const byId = counting({ _id: { $in: [3, 4000] } });
    expect(collection.findRecords({ _id: { $in: [3, 4000] } }, byId.matcher).map((r) => r.doc._id)).toEqual([3, 4000]);
    expect(byId.calls()).toBe(2);

    const byOrg = counting({ org: 7, name: { $gte: 'n' } });
    expect(collection.findRecords({ org: 7, name: { $gte: 'n' } }, byOrg.matcher)).toHaveLength(100);
    expect(byOrg.calls()).toBe(100);

    const byEmail = counting({ email: 'e42' });
    expect(collection.findRecords({ email: 'e42' }, byEmail.matcher).map((r) => r.doc._id)).toEqual([42]);
    expect(byEmail.calls()).toBe(1);

    const unindexed = counting({ name: 'n42' });
    collection.findRecords({ name: 'n42' }, unindexed.matcher);
    expect(unindexed.calls()).toBe(5000);
  });

  it('keeps index maps in step with updates and deletes', () => {
    const collection = seeded();
    const records = collection.findRecords({ org: 1 }, compileFilter({ org: 1 }));
    const update = compileUpdate({ $set: { org: 99 } });
    collection.replace(records.map((record) => ({ record, next: update.apply(record.doc, { filter: {}, isInsert: false }) })));
    const moved = counting({ org: 99 });
    expect(collection.findRecords({ org: 99 }, moved.matcher)).toHaveLength(100);
    expect(moved.calls()).toBe(100);
    expect(collection.findRecords({ org: 1 }, compileFilter({ org: 1 }))).toHaveLength(0);
    collection.delete(collection.findRecords({ org: 99 }, compileFilter({ org: 99 })));
    expect(collection.size).toBe(4900);
  });

  it('checks a whole multi-document change against unique indexes before applying any of it', () => {
    const collection = new Storage().ensureCollection('db', 'u');
    collection.createIndex({ key: { k: 1 }, name: 'k_1', unique: true });
    collection.insert({ _id: 1, k: 'a' });
    collection.insert({ _id: 2, k: 'b' });
    collection.insert({ _id: 3, k: 'c' });
    const all = collection.findRecords({}, () => true);
    const toSame = compileUpdate({ $set: { k: 'same' } });
    expect(() => collection.replace(all.map((record) => ({ record, next: toSame.apply(record.doc, { filter: {}, isInsert: false }) })))).toThrow(/E11000/);
    expect(collection.allDocs()).toEqual([{ _id: 1, k: 'a' }, { _id: 2, k: 'b' }, { _id: 3, k: 'c' }]);
    // Swapping keys between documents in one batch is not a conflict.
    const [a, b] = all;
    collection.replace([
      { record: a, next: { _id: 1, k: 'b' } },
      { record: b, next: { _id: 2, k: 'a' } },
    ]);
    expect(collection.findRecords({ k: 'a' }, compileFilter({ k: 'a' })).map((r) => r.doc._id)).toEqual([2]);
  });

  it('never lets an update mutate the stored document it started from', () => {
    const collection = new Storage().ensureCollection('db', 'iso');
    const id = new ObjectId();
    collection.insert({ _id: id, nested: { list: [1, 2] } });
    const [record] = collection.findRecords({}, () => true);
    const before = record.doc;
    const next = compileUpdate({ $push: { 'nested.list': 3 } }).apply(before, { filter: {}, isInsert: false });
    expect(before).toEqual({ _id: id, nested: { list: [1, 2] } });
    collection.replace([{ record, next }]);
    expect(before).toEqual({ _id: id, nested: { list: [1, 2] } });
    expect(collection.allDocs()).toEqual([{ _id: id, nested: { list: [1, 2, 3] } }]);
  });
});
