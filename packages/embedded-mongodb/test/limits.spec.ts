import { errorOf, useDatabase } from './support';

const MiB = 1024 * 1024;

describe('conformance: document limits, _id rules and let variables', () => {
  const conn = useDatabase();
  const coll = (name: string) => conn.coll(name);

  describe('documents over 16 MiB', () => {
    // The driver itself cannot serialize much more than 17 MiB, so the cases stay just over 16.
    it('refuses an insert with 10334 BSONObjectTooLarge and stores nothing', async () => {
      const error = await errorOf(() => coll('big').insertOne({ _id: 'big', blob: 'x'.repeat(16.5 * MiB) }));
      expect(error.code).toBe(10334);
      expect(error.codeName).toBe('BSONObjectTooLarge');
      expect(await coll('big').countDocuments()).toBe(0);
    });

    it('refuses an update, findAndModify or upsert whose result would be over the limit, leaving the document as it was', async () => {
      const half = 'x'.repeat(9 * MiB);
      await coll('grow').insertOne({ _id: 1, a: half });
      const update = await errorOf(() => coll('grow').updateOne({ _id: 1 }, { $set: { b: half } }));
      expect(update.code).toBe(10334);
      const modify = await errorOf(() => coll('grow').findOneAndUpdate({ _id: 1 }, [{ $set: { b: '$a' } }]));
      expect(modify.code).toBe(10334);
      const upsert = await errorOf(() => coll('grow').updateOne({ _id: 2 }, [{ $set: { a: half } }, { $set: { b: '$a' } }], { upsert: true }));
      expect(upsert.code).toBe(10334);
      const docs = await coll('grow').find({}, { projection: { hasB: { $ifNull: ['$b', false] } } }).toArray();
      expect(docs).toEqual([{ _id: 1, hasB: false }]);
    });
  });

  it("refuses '$'-prefixed field names inside _id with 52 DollarPrefixedFieldName", async () => {
    const error = await errorOf(() => conn.db.command({ insert: 'ids', documents: [{ _id: { $gt: 1 } }] }).then(throwWriteError));
    expect(error.code).toBe(52);
    expect(error.errmsg ?? error.message).toMatch(/_id fields may not contain '\$'-prefixed fields/);
    await coll('ids').insertOne({ _id: { a: 1, b: 'fine' } as never });
    expect(await coll('ids').countDocuments()).toBe(1);
  });

  describe('let', () => {
    beforeAll(async () => {
      await coll('vars').insertMany([
        { _id: 1, n: 3, tag: 'ab' },
        { _id: 2, n: 4, tag: 'cd' },
      ]);
    });

    it('evaluates each value as an expression before a find runs', async () => {
      const found = await coll('vars')
        .find({ $expr: { $eq: ['$n', '$$target'] } }, { let: { target: { $add: [1, 2] } } })
        .toArray();
      expect(found.map((d) => d._id)).toEqual([1]);
      const literal = await coll('vars')
        .find({ $expr: { $eq: ['$tag', '$$t'] } }, { let: { t: { $concat: ['c', 'd'] } } })
        .toArray();
      expect(literal.map((d) => d._id)).toEqual([2]);
    });

    it('evaluates them for updates, deletes and aggregations too', async () => {
      await coll('vars').updateOne({ $expr: { $eq: ['$_id', '$$id'] } }, [{ $set: { label: '$$label' } }], {
        let: { id: { $subtract: [3, 2] }, label: { $toUpper: 'done' } },
      });
      expect(await coll('vars').findOne({ _id: 1 })).toMatchObject({ label: 'DONE' });
      const summed = await coll('vars')
        .aggregate([{ $project: { total: { $add: ['$n', '$$extra'] } } }], { let: { extra: { $multiply: [5, 2] } } })
        .toArray();
      expect(summed.map((d) => d.total)).toEqual([13, 14]);
      const deleted = await coll('vars').deleteMany({ $expr: { $gt: ['$n', '$$limit'] } }, { let: { limit: { $max: [1, 3] } } });
      expect(deleted.deletedCount).toBe(1);
    });
  });
});

/** A raw insert reports per-document failures in writeErrors rather than failing the command. */
function throwWriteError(reply: Record<string, any>): never {
  const [first] = reply.writeErrors ?? [];
  if (!first) throw new Error(`expected a write error, got ${JSON.stringify(reply)}`);
  throw Object.assign(new Error(first.errmsg), first);
}
