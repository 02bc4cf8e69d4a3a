import { MongoServerError } from 'mongodb';
import { errorOf, useDatabase } from './support';

describe('conformance: indexes and unique constraints', () => {
  const conn = useDatabase();
  const coll = (name: string) => conn.coll(name);

  it('creates, lists and drops indexes', async () => {
    const c = coll('ix');
    await c.insertOne({ a: 1, b: 2 });
    expect(await c.createIndex({ a: 1 })).toBe('a_1');
    expect(await c.createIndex({ a: 1, b: -1 }, { unique: true, name: 'ab' })).toBe('ab');
    expect(await c.createIndex({ s: 1 }, { sparse: true })).toBe('s_1');
    expect(await c.createIndex({ p: 1 }, { partialFilterExpression: { active: true } })).toBe('p_1');
    expect(await c.createIndex({ at: 1 }, { expireAfterSeconds: 3600 })).toBe('at_1');
    const listed = await c.listIndexes().toArray();
    expect(listed.map((i) => i.name)).toEqual(['_id_', 'a_1', 'ab', 's_1', 'p_1', 'at_1']);
    expect(listed[0]).toMatchObject({ key: { _id: 1 }, name: '_id_' });
    expect(listed.find((i) => i.name === 'ab')).toMatchObject({ key: { a: 1, b: -1 }, unique: true });
    expect(listed.find((i) => i.name === 's_1')).toMatchObject({ sparse: true });
    expect(listed.find((i) => i.name === 'p_1')).toMatchObject({ partialFilterExpression: { active: true } });
    expect(listed.find((i) => i.name === 'at_1')).toMatchObject({ expireAfterSeconds: 3600 });

    const again = await conn.db.command({ createIndexes: 'ix', indexes: [{ key: { a: 1 }, name: 'a_1' }] });
    expect(again.numIndexesBefore).toBe(again.numIndexesAfter);

    await c.dropIndex('a_1');
    await conn.db.command({ dropIndexes: 'ix', index: { a: 1, b: -1 } });
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 's_1', 'p_1', 'at_1']);
    await c.dropIndexes();
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
    const missing = await errorOf(() => c.dropIndex('nope_1'));
    expect(missing.code).toBe(27);
    const idIndex = await errorOf(() => c.dropIndex('_id_'));
    expect(idIndex.code).toBe(72);
    const noColl = await errorOf(() => coll('no-such-coll').listIndexes().toArray());
    expect(noColl.code).toBe(26);
  });

  it('rejects conflicting index definitions', async () => {
    const c = coll('ixconflict');
    await c.createIndex({ a: 1 }, { name: 'byA' });
    const sameNameOtherKey = await errorOf(() => c.createIndex({ b: 1 }, { name: 'byA' }));
    expect(sameNameOtherKey.code).toBe(86);
    const sameKeyOtherName = await errorOf(() => c.createIndex({ a: 1 }, { name: 'other' }));
    expect(sameKeyOtherName.code).toBe(85);
    const sameNameOtherOptions = await errorOf(() => c.createIndex({ a: 1 }, { name: 'byA', unique: true }));
    expect([85, 86]).toContain(sameNameOtherOptions.code);
  });

  it('reports duplicate keys on insert with keyPattern and keyValue', async () => {
    const c = coll('users');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertOne({ email: 'a@x.org' });
    const error = await errorOf(() => c.insertOne({ email: 'a@x.org' }));
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error.code).toBe(11000);
    expect(error.message).toMatch(/^E11000 duplicate key error collection: .*\.users index: email_1 dup key: \{ email: "a@x\.org" \}$/);
    expect(error.keyPattern).toEqual({ email: 1 });
    expect(error.keyValue).toEqual({ email: 'a@x.org' });
    const idDup = await errorOf(async () => {
      const { insertedId } = await c.insertOne({ email: 'b@x.org' });
      await c.insertOne({ _id: insertedId, email: 'c@x.org' });
    });
    expect(idDup.code).toBe(11000);
    expect(idDup.keyPattern).toEqual({ _id: 1 });
    expect(await c.countDocuments()).toBe(2);
  });

  it('enforces compound and multikey unique indexes', async () => {
    const c = coll('compound');
    await c.createIndex({ org: 1, slug: 1 }, { unique: true });
    await c.insertMany([{ org: 1, slug: 'x' }, { org: 2, slug: 'x' }, { org: 1, slug: 'y' }]);
    const dup = await errorOf(() => c.insertOne({ org: 1, slug: 'x' }));
    expect(dup.keyValue).toEqual({ org: 1, slug: 'x' });
    expect(dup.keyPattern).toEqual({ org: 1, slug: 1 });

    const m = coll('multikey');
    await m.createIndex({ tags: 1 }, { unique: true });
    await m.insertOne({ tags: ['a', 'b'] });
    await m.insertOne({ tags: ['c'] });
    const clash = await errorOf(() => m.insertOne({ tags: ['z', 'b'] }));
    expect(clash.code).toBe(11000);
    expect(clash.keyValue).toEqual({ tags: 'b' });
    expect(await m.find({ tags: 'b' }).toArray()).toHaveLength(1);
  });

  it('treats a missing field as null unless the index is sparse', async () => {
    const plain = coll('plainunique');
    await plain.createIndex({ code: 1 }, { unique: true });
    await plain.insertOne({ name: 'first' });
    const error = await errorOf(() => plain.insertOne({ name: 'second' }));
    expect(error.code).toBe(11000);
    expect(error.keyValue).toEqual({ code: null });

    const sparse = coll('sparseunique');
    await sparse.createIndex({ code: 1 }, { unique: true, sparse: true });
    await sparse.insertMany([{ name: 'a' }, { name: 'b' }, { code: 1 }]);
    expect((await errorOf(() => sparse.insertOne({ code: 1 }))).code).toBe(11000);
    expect(await sparse.countDocuments()).toBe(3);
  });

  it('only constrains documents matching a partial filter', async () => {
    const c = coll('partial');
    await c.createIndex({ email: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await c.insertMany([
      { email: 'a', active: true },
      { email: 'a', active: false },
      { email: 'a' },
    ]);
    const error = await errorOf(() => c.insertOne({ email: 'a', active: true }));
    expect(error.code).toBe(11000);
    await c.updateOne({ email: 'a', active: true }, { $set: { active: false } });
    await c.insertOne({ email: 'a', active: true });
    expect(await c.countDocuments({ email: 'a' })).toBe(4);
  });

  it('reports duplicate keys from updates, upserts and findAndModify without changing anything', async () => {
    const c = coll('updup');
    await c.createIndex({ k: 1 }, { unique: true });
    await c.insertMany([{ _id: 1, k: 'a', v: 1 }, { _id: 2, k: 'b', v: 2 }]);
    const upd = await errorOf(() => c.updateOne({ _id: 2 }, { $set: { k: 'a', v: 99 } }));
    expect(upd.code).toBe(11000);
    expect(upd.keyValue).toEqual({ k: 'a' });
    const ups = await errorOf(() => c.updateOne({ _id: 3 }, { $set: { k: 'b' } }, { upsert: true }));
    expect(ups.code).toBe(11000);
    const fam = await errorOf(() => c.findOneAndUpdate({ _id: 1 }, { $set: { k: 'b' } }));
    expect(fam.code).toBe(11000);
    expect(fam.keyValue).toEqual({ k: 'b' });
    const famUpsert = await errorOf(() => c.findOneAndUpdate({ k: 'zz' }, { $set: { k: 'a' } }, { upsert: true }));
    expect(famUpsert.code).toBe(11000);
    expect(await c.find().sort({ _id: 1 }).toArray()).toEqual([{ _id: 1, k: 'a', v: 1 }, { _id: 2, k: 'b', v: 2 }]);
  });

  it('refuses to build a unique index over existing duplicates', async () => {
    const c = coll('prebuilt');
    await c.insertMany([{ n: 1 }, { n: 2 }, { n: 1 }]);
    const error = await errorOf(() => c.createIndex({ n: 1 }, { unique: true }));
    expect(error.code).toBe(11000);
    expect(error.message).toContain('E11000 duplicate key error collection');
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('lets exactly one of 20 concurrent writers win a unique key', async () => {
    const c = coll('race');
    await c.createIndex({ slot: 1 }, { unique: true });
    const attempts = Array.from({ length: 20 }, (_, i) =>
      c.insertOne({ slot: 'only-one', writer: i }).then(
        () => 'won',
        (error: { code?: number }) => (error.code === 11000 ? 'duplicate' : `unexpected ${String(error.code)}`),
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(19);
    expect(await c.countDocuments({ slot: 'only-one' })).toBe(1);

    const upserts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        c.updateOne({ slot: 'upserted' }, { $setOnInsert: { writer: i }, $inc: { hits: 1 } }, { upsert: true }).then(
          (r) => (r.upsertedCount === 1 ? 'inserted' : 'updated'),
          (error: { code?: number }) => (error.code === 11000 ? 'duplicate' : 'unexpected'),
        ),
      ),
    );
    expect(upserts.filter((o) => o === 'inserted')).toHaveLength(1);
    expect(upserts).not.toContain('unexpected');
    expect(await c.countDocuments({ slot: 'upserted' })).toBe(1);
  });

  it('finds documents through an index on equality and $in', async () => {
    const c = coll('lookups');
    await c.createIndex({ org: 1, name: 1 });
    await c.insertMany(Array.from({ length: 300 }, (_, i) => ({ org: i % 3, name: `n${i}`, i })));
    expect(await c.countDocuments({ org: 1 })).toBe(100);
    expect(await c.countDocuments({ org: { $in: [0, 2] }, i: { $lt: 30 } })).toBe(20);
    expect((await c.find({ org: 2, name: 'n5' }).toArray()).map((d) => d.i)).toEqual([5]);
    await c.updateMany({ org: 1 }, { $set: { org: 4 } });
    expect(await c.countDocuments({ org: 1 })).toBe(0);
    expect(await c.countDocuments({ org: 4 })).toBe(100);
    await c.deleteMany({ org: 4 });
    expect(await c.countDocuments({ org: { $in: [1, 4] } })).toBe(0);
  });
});
