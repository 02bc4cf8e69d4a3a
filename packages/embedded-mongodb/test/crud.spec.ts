import { MongoBulkWriteError, ObjectId, type UpdateFilter } from 'mongodb';
import { type AnyDoc, errorOf, useDatabase } from './support';

/** The driver's typing of $push/$pull modifiers cannot express untyped documents. */
const untyped = (update: object) => update as UpdateFilter<AnyDoc>;

describe('conformance: CRUD commands', () => {
  const conn = useDatabase();
  const coll = (name: string) => conn.coll(name);

  describe('insert', () => {
    it('assigns an ObjectId _id, stores it first and creates the collection implicitly', async () => {
      const result = await coll('ins').insertOne({ name: 'a', _x: 1 });
      expect(result.insertedId).toBeInstanceOf(ObjectId);
      const names = (await conn.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
      expect(names).toContain('ins');
      const stored = await coll('ins').findOne({ _id: result.insertedId });
      expect(Object.keys(stored!)).toEqual(['_id', 'name', '_x']);
      const raw = await conn.db.command({ insert: 'ins', documents: [{ z: 1, _id: 'custom' }] });
      expect(raw).toMatchObject({ n: 1, ok: 1 });
      expect(Object.keys((await coll('ins').findOne({ _id: 'custom' }))!)).toEqual(['_id', 'z']);
    });

    it('stops an ordered insert at the first error and reports it', async () => {
      const c = coll('ordered');
      const error = await errorOf(() => c.insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }]));
      expect(error).toBeInstanceOf(MongoBulkWriteError);
      const bulk = error as unknown as MongoBulkWriteError;
      expect(bulk.insertedCount).toBe(1);
      expect(bulk.writeErrors).toHaveLength(1);
      expect((await c.find().toArray()).map((d) => d._id)).toEqual([1]);
    });

    it('continues an unordered insert after errors and reports each with its index', async () => {
      const reply = await conn.db.command({
        insert: 'unordered',
        ordered: false,
        documents: [{ _id: 1 }, { _id: 1 }, { _id: 2 }, { _id: 2 }, { _id: 3 }],
      });
      expect(reply.n).toBe(3);
      expect(reply.writeErrors.map((e: { index: number; code: number }) => [e.index, e.code])).toEqual([
        [1, 11000],
        [3, 11000],
      ]);
      expect(reply.writeErrors[0].errmsg).toContain('E11000 duplicate key error collection:');
      expect(reply.writeErrors[0].keyValue).toEqual({ _id: 1 });
      expect(await coll('unordered').countDocuments()).toBe(3);
    });
  });

  describe('find', () => {
    beforeAll(async () => {
      await coll('people').insertMany([
        { _id: 1, name: 'ann', age: 31, tags: ['a', 'b'], address: { city: 'Oslo', zip: '0150' }, scores: [{ k: 'x', v: 5 }, { k: 'y', v: 9 }] },
        { _id: 2, name: 'bob', age: 25, tags: ['b'], address: { city: 'Bergen' }, scores: [{ k: 'x', v: 2 }] },
        { _id: 3, name: 'cid', age: 40, tags: [], nick: null, scores: [] },
        { _id: 4, name: 'dee', age: 25.5, tags: ['c', 'a'], address: { city: 'Oslo' } },
      ]);
    });
    const ids = async (filter: object, options: object = {}) => (await coll('people').find(filter, options).toArray()).map((d) => d._id);

    it('matches comparison, set, element and logical operators', async () => {
      expect(await ids({ age: { $gte: 25, $lt: 31 } })).toEqual([2, 4]);
      expect(await ids({ age: { $in: [25, 40] } })).toEqual([2, 3]);
      expect(await ids({ name: { $nin: ['ann', 'bob'] } })).toEqual([3, 4]);
      expect(await ids({ age: { $ne: 25 } })).toEqual([1, 3, 4]);
      expect(await ids({ nick: null })).toEqual([1, 2, 3, 4]);
      expect(await ids({ nick: { $exists: true } })).toEqual([3]);
      expect(await ids({ nick: { $type: 'null' } })).toEqual([3]);
      expect(await ids({ $or: [{ age: 40 }, { name: 'ann' }] })).toEqual([1, 3]);
      expect(await ids({ $and: [{ age: { $gt: 20 } }, { age: { $lt: 30 } }] })).toEqual([2, 4]);
      expect(await ids({ $nor: [{ age: 25 }, { tags: 'a' }] })).toEqual([3]);
      expect(await ids({ age: { $not: { $gt: 30 } } })).toEqual([2, 4]);
      expect(await ids({ name: { $regex: '^[ab]', $options: 'i' } })).toEqual([1, 2]);
      expect(await ids({ name: /E$/i })).toEqual([4]);
      expect(await ids({ age: { $mod: [10, 1] } })).toEqual([1]);
      expect(await ids({ $expr: { $gt: ['$age', 30] } })).toEqual([1, 3]);
    });

    it('matches arrays, embedded documents and dotted paths', async () => {
      expect(await ids({ tags: 'a' })).toEqual([1, 4]);
      expect(await ids({ tags: ['b'] })).toEqual([2]);
      expect(await ids({ tags: { $all: ['a', 'c'] } })).toEqual([4]);
      expect(await ids({ tags: { $size: 0 } })).toEqual([3]);
      expect(await ids({ 'address.city': 'Oslo' })).toEqual([1, 4]);
      expect(await ids({ address: { city: 'Bergen' } })).toEqual([2]);
      expect(await ids({ address: { zip: '0150', city: 'Oslo' } })).toEqual([]);
      expect(await ids({ 'scores.v': { $gt: 8 } })).toEqual([1]);
      expect(await ids({ scores: { $elemMatch: { k: 'x', v: { $gte: 5 } } } })).toEqual([1]);
      expect(await ids({ 'scores.0.v': 2 })).toEqual([2]);
      expect(await ids({ 'tags.1': 'a' })).toEqual([4]);
    });

    it('sorts, skips and limits', async () => {
      expect(await ids({}, { sort: { age: -1 } })).toEqual([3, 1, 4, 2]);
      expect(await ids({}, { sort: { 'address.city': 1, _id: -1 } })).toEqual([3, 2, 4, 1]);
      expect(await ids({}, { sort: { tags: 1, _id: 1 } })).toEqual([3, 1, 4, 2]);
      expect(await ids({}, { sort: { _id: 1 }, skip: 1, limit: 2 })).toEqual([2, 3]);
      const single = await conn.db.command({ find: 'people', sort: { _id: 1 }, limit: -2 });
      expect(single.cursor.firstBatch.map((d: { _id: number }) => d._id)).toEqual([1, 2]);
      expect(single.cursor.id.toString()).toBe('0');
    });

    it('projects with inclusion, exclusion, $slice and $elemMatch', async () => {
      const c = coll('people');
      expect(await c.findOne({ _id: 1 }, { projection: { name: 1, 'address.city': 1 } })).toEqual({ _id: 1, name: 'ann', address: { city: 'Oslo' } });
      expect(await c.findOne({ _id: 2 }, { projection: { _id: 0, name: 1 } })).toEqual({ name: 'bob' });
      expect(await c.findOne({ _id: 2 }, { projection: { _id: 1 } })).toEqual({ _id: 2 });
      expect(await c.findOne({ _id: 2 }, { projection: { scores: 0, tags: 0, address: 0 } })).toEqual({ _id: 2, name: 'bob', age: 25 });
      expect(await c.findOne({ _id: 1 }, { projection: { tags: { $slice: 1 }, name: 1 } })).toEqual({ _id: 1, name: 'ann', tags: ['a'] });
      expect(await c.findOne({ _id: 1 }, { projection: { scores: { $elemMatch: { v: { $gt: 6 } } } } })).toEqual({ _id: 1, scores: [{ k: 'y', v: 9 }] });
      expect(await c.findOne({ 'scores.k': 'y' }, { projection: { 'scores.$': 1 } })).toEqual({ _id: 1, scores: [{ k: 'y', v: 9 }] });
      const mixed = await errorOf(() => c.findOne({}, { projection: { name: 1, age: 0 } }));
      expect(mixed.message).toMatch(/exclusion on field age in inclusion projection/);
    });

    it('rejects an unknown query operator with an error naming it', async () => {
      const error = await errorOf(() => coll('people').find({ age: { $fuzzy: 3 } }).toArray());
      expect(error.code).toBe(2);
      expect(error.message).toContain('$fuzzy');
      const top = await errorOf(() => coll('people').find({ $fuzzy: [] }).toArray());
      expect(top.message).toContain('$fuzzy');
    });

    it('counts and finds distinct values', async () => {
      expect(await coll('people').countDocuments({ age: { $gte: 25.5 } })).toBe(3);
      expect(await coll('people').estimatedDocumentCount()).toBe(4);
      const count = await conn.db.command({ count: 'people', query: { tags: 'a' } });
      expect(count.n).toBe(2);
      const limited = await conn.db.command({ count: 'people', query: {}, skip: 1, limit: 2 });
      expect(limited.n).toBe(2);
      const tags = await coll('people').distinct('tags');
      expect(tags.sort()).toEqual(['a', 'b', 'c']);
      expect((await coll('people').distinct('address.city', { age: { $lt: 35 } })).sort()).toEqual(['Bergen', 'Oslo']);
      expect(await coll('missing').distinct('x')).toEqual([]);
    });
  });

  describe('update', () => {
    beforeEach(async () => {
      await coll('upd').deleteMany({});
      await coll('upd').insertMany([
        { _id: 1, n: 1, list: [1, 2, 3], grades: [{ g: 80, std: 1 }, { g: 95, std: 2 }], nested: { a: 1 } },
        { _id: 2, n: 5, list: [3], grades: [{ g: 90, std: 3 }] },
      ]);
    });
    const get = (id: number) => coll('upd').findOne({ _id: id });

    it('applies field operators', async () => {
      const res = await coll('upd').updateOne({ _id: 1 }, {
        $set: { 'nested.b': 2, name: 'x' },
        $unset: { 'nested.a': '' },
        $inc: { n: 2, fresh: 1 },
        $mul: { m: 3 },
        $min: { low: 5 },
        $max: { hi: 3 },
        $rename: { list: 'items' },
        $currentDate: { at: true },
      });
      expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
      const doc = await get(1);
      expect(doc).toMatchObject({ n: 3, fresh: 1, m: 0, low: 5, hi: 3, name: 'x', nested: { b: 2 }, items: [1, 2, 3] });
      expect(doc).not.toHaveProperty('list');
      expect(doc!.at).toBeInstanceOf(Date);
    });

    it('applies array operators', async () => {
      await coll('upd').updateOne({ _id: 1 }, untyped({ $push: { list: { $each: [9, 0], $position: 1 } } }));
      expect((await get(1))!.list).toEqual([1, 9, 0, 2, 3]);
      await coll('upd').updateOne({ _id: 1 }, untyped({ $push: { list: { $each: [7], $sort: 1, $slice: 3 } } }));
      expect((await get(1))!.list).toEqual([0, 1, 2]);
      await coll('upd').updateOne({ _id: 1 }, { $addToSet: { list: { $each: [2, 5] } } });
      expect((await get(1))!.list).toEqual([0, 1, 2, 5]);
      await coll('upd').updateOne({ _id: 1 }, untyped({ $pull: { list: { $gte: 2 } } }));
      expect((await get(1))!.list).toEqual([0, 1]);
      await coll('upd').updateOne({ _id: 1 }, { $pop: { list: -1 } });
      expect((await get(1))!.list).toEqual([1]);
      await coll('upd').updateOne({ _id: 1 }, untyped({ $pull: { grades: { g: { $lt: 90 } } } }));
      expect((await get(1))!.grades).toEqual([{ g: 95, std: 2 }]);
    });

    it('updates array elements through $, $[] and $[identifier] with arrayFilters', async () => {
      await coll('upd').updateOne({ _id: 1, 'grades.g': 95 }, { $set: { 'grades.$.std': 7 } });
      expect((await get(1))!.grades).toEqual([{ g: 80, std: 1 }, { g: 95, std: 7 }]);
      await coll('upd').updateMany({}, { $inc: { 'grades.$[].g': 1 } });
      expect((await get(2))!.grades).toEqual([{ g: 91, std: 3 }]);
      await coll('upd').updateOne({ _id: 1 }, { $set: { 'grades.$[hi].top': true } }, { arrayFilters: [{ 'hi.g': { $gte: 90 } }] });
      expect((await get(1))!.grades).toEqual([{ g: 81, std: 1 }, { g: 96, std: 7, top: true }]);
    });

    it('reports matched and modified counts, multi updates and no-op updates', async () => {
      const many = await coll('upd').updateMany({ n: { $gte: 1 } }, { $set: { flag: true } });
      expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
      const noop = await coll('upd').updateMany({}, { $set: { flag: true } });
      expect(noop).toMatchObject({ matchedCount: 2, modifiedCount: 0 });
      const none = await coll('upd').updateOne({ _id: 99 }, { $set: { a: 1 } });
      expect(none).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 0 });
    });

    it('upserts from the filter equality fields and reports the upserted _id', async () => {
      const res = await coll('upd').updateOne({ key: 'k1', n: { $gt: 100 } }, { $set: { v: 1 }, $setOnInsert: { created: true } }, { upsert: true });
      expect(res.upsertedCount).toBe(1);
      expect(res.upsertedId).toBeInstanceOf(ObjectId);
      expect(await coll('upd').findOne({ key: 'k1' }, { projection: { _id: 0 } })).toEqual({ key: 'k1', v: 1, created: true });
      const again = await coll('upd').updateOne({ key: 'k1' }, { $set: { v: 2 }, $setOnInsert: { created: false } }, { upsert: true });
      expect(again).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
      expect(await coll('upd').findOne({ key: 'k1' }, { projection: { _id: 0 } })).toEqual({ key: 'k1', v: 2, created: true });
      const raw = await conn.db.command({ update: 'upd', updates: [{ q: { _id: 50 }, u: { $set: { a: 1 } }, upsert: true }] });
      expect(raw).toMatchObject({ n: 1, nModified: 0, upserted: [{ index: 0, _id: 50 }] });
    });

    it('replaces documents, keeping _id, and refuses to change _id', async () => {
      await coll('upd').replaceOne({ _id: 2 }, { only: 'this' });
      expect(await get(2)).toEqual({ _id: 2, only: 'this' });
      const error = await errorOf(() => coll('upd').updateOne({ _id: 1 }, { $set: { _id: 5 } }));
      expect(error.code).toBe(66);
      const unknown = await errorOf(() => coll('upd').updateOne({ _id: 1 }, { $explode: { n: 1 } }));
      expect(unknown.message).toContain('$explode');
      const conflict = await errorOf(() => coll('upd').updateOne({ _id: 1 }, { $set: { nested: 1 }, $inc: { 'nested.a': 1 } }));
      expect(conflict.code).toBe(40);
      const type = await errorOf(() => coll('upd').updateOne({ _id: 1 }, { $inc: { list: 1 } }));
      expect(type.code).toBe(14);
    });

    it('runs aggregation-pipeline updates', async () => {
      await coll('upd').updateOne({ _id: 1 }, [{ $set: { total: { $add: ['$n', 10] }, size: { $size: '$list' } } }, { $unset: 'grades' }]);
      expect(await get(1)).toEqual({ _id: 1, n: 1, list: [1, 2, 3], nested: { a: 1 }, total: 11, size: 3 });
    });
  });

  describe('delete', () => {
    it('deletes one or many', async () => {
      await coll('del').insertMany([{ k: 1 }, { k: 1 }, { k: 2 }, { k: 3 }]);
      expect((await coll('del').deleteOne({ k: 1 })).deletedCount).toBe(1);
      expect((await coll('del').deleteMany({ k: { $lte: 2 } })).deletedCount).toBe(2);
      expect((await coll('del').deleteMany({ k: 99 })).deletedCount).toBe(0);
      expect(await coll('del').find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ k: 3 }]);
      expect((await coll('never-created').deleteMany({})).deletedCount).toBe(0);
    });
  });

  describe('findAndModify', () => {
    beforeAll(async () => {
      await coll('fam').insertMany([{ _id: 1, q: 'a', n: 1 }, { _id: 2, q: 'a', n: 2 }, { _id: 3, q: 'b', n: 3 }]);
    });

    it('returns the document before or after the update, honouring sort and projection', async () => {
      const before = await coll('fam').findOneAndUpdate({ q: 'a' }, { $inc: { n: 10 } }, { sort: { n: -1 }, projection: { n: 1 } });
      expect(before).toEqual({ _id: 2, n: 2 });
      const after = await coll('fam').findOneAndUpdate({ _id: 1 }, { $set: { x: true } }, { returnDocument: 'after' });
      expect(after).toEqual({ _id: 1, q: 'a', n: 1, x: true });
      expect(await coll('fam').findOneAndUpdate({ q: 'zzz' }, { $set: { x: 1 } })).toBeNull();
    });

    it('upserts, replaces and removes, with lastErrorObject', async () => {
      const upsert = await coll('fam').findOneAndUpdate({ q: 'new' }, { $set: { n: 0 } }, { upsert: true, returnDocument: 'after', includeResultMetadata: true });
      expect(upsert.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false });
      expect(upsert.lastErrorObject!.upserted).toEqual(upsert.value!._id);
      expect(upsert.value).toMatchObject({ q: 'new', n: 0 });
      const replaced = await coll('fam').findOneAndReplace({ _id: 3 }, { q: 'c' }, { returnDocument: 'after', includeResultMetadata: true });
      expect(replaced.lastErrorObject).toMatchObject({ n: 1, updatedExisting: true });
      expect(replaced.value).toEqual({ _id: 3, q: 'c' });
      const removed = await coll('fam').findOneAndDelete({ q: 'c' });
      expect(removed).toEqual({ _id: 3, q: 'c' });
      expect(await coll('fam').findOne({ _id: 3 })).toBeNull();
      const raw = await conn.db.command({ findAndModify: 'fam', query: { q: 'none' }, remove: true });
      expect(raw).toMatchObject({ lastErrorObject: { n: 0 }, value: null, ok: 1 });
    });
  });
});
