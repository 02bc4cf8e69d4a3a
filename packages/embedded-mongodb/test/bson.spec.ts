import { Binary, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp, UUID } from 'mongodb';
import { useDatabase } from './support';

describe('conformance: BSON round trips', () => {
  const conn = useDatabase();
  const coll = () => conn.coll('bson');

  it('round-trips every common BSON type exactly', async () => {
    const oid = new ObjectId();
    const uuid = new UUID();
    const doc = {
      _id: oid,
      oid: new ObjectId('507f1f77bcf86cd799439011'),
      date: new Date('2024-02-29T12:34:56.789Z'),
      oldDate: new Date(-86400000),
      dec: Decimal128.fromString('12345678901234567890.123456789'),
      int: 42,
      dbl: 3.25,
      negZeroish: -17,
      bigDouble: 2 ** 40 + 0.5,
      str: 'héllo ✓',
      bool: false,
      nul: null,
      bin: new Binary(Buffer.from([0, 1, 2, 255])),
      binCustom: new Binary(Buffer.from('abc'), 0x80),
      uuid,
      ts: new Timestamp({ t: 1700000000, i: 7 }),
      nested: { deeper: { list: [1, [2, [3, { four: 4 }]], { five: [5] }] } },
      empty: {},
      emptyList: [],
      regex: /ab+c/i,
    };
    await coll().insertOne(doc);
    const back = await coll().findOne({ _id: oid });
    expect(back).toEqual(doc);
    expect(back!.bin.sub_type).toBe(0);
    expect(back!.binCustom.sub_type).toBe(0x80);
    expect(back!.uuid.sub_type).toBe(4);
    expect((back!.uuid as Binary).toUUID().toHexString()).toBe(uuid.toHexString());
    expect(back!.dec.toString()).toBe('12345678901234567890.123456789');
  });

  it('preserves field order, null versus missing, and nested arrays', async () => {
    await coll().insertOne({ _id: 'order', z: 1, a: { y: 2, b: 3 }, m: null, list: [[1, 2], [], [[3]]] });
    const back = await coll().findOne({ _id: 'order' });
    expect(Object.keys(back!)).toEqual(['_id', 'z', 'a', 'm', 'list']);
    expect(Object.keys(back!.a)).toEqual(['y', 'b']);
    expect(back).toHaveProperty('m', null);
    expect(back).not.toHaveProperty('missing');
    expect(back!.list).toEqual([[1, 2], [], [[3]]]);
    expect(await coll().countDocuments({ _id: 'order', m: { $exists: true } })).toBe(1);
    expect(await coll().countDocuments({ _id: 'order', missing: { $exists: true } })).toBe(0);
    expect(await coll().countDocuments({ _id: 'order', m: { $type: 'null' } })).toBe(1);
  });

  it('keeps Int64 values, including beyond 2^53, as Longs when the client asks', async () => {
    const big = Long.fromString('9007199254740993');
    const small = Long.fromNumber(7);
    await coll().insertOne({ _id: 'longs', big, small, negative: Long.fromString('-9223372036854775808') });
    const asLong = await coll().findOne({ _id: 'longs' }, { promoteLongs: false });
    expect(asLong!.big).toBeInstanceOf(Long);
    expect(asLong!.big.toString()).toBe('9007199254740993');
    expect(asLong!.small).toBeInstanceOf(Long);
    expect(asLong!.small.toNumber()).toBe(7);
    expect(asLong!.negative.toString()).toBe('-9223372036854775808');
    const asBigInt = await coll().findOne({ _id: 'longs' }, { useBigInt64: true });
    expect(asBigInt!.big).toBe(9007199254740993n);
    expect(asBigInt!.small).toBe(7n);
    const promoted = await coll().findOne({ _id: 'longs' });
    expect(promoted!.small).toBe(7);

    await coll().insertOne({ _id: 'bigint', v: 12345678901234567n });
    const raw = await coll().findOne({ _id: 'bigint' }, { useBigInt64: true });
    expect(raw!.v).toBe(12345678901234567n);
  });

  it('keeps int32 and double apart as the driver reports them with promoteValues off', async () => {
    await coll().insertOne({ _id: 'nums', i: 5, d: 5.5, big: 2 ** 40 });
    const back = await coll().findOne({ _id: 'nums' }, { promoteValues: false });
    expect(back!.i).toBeInstanceOf(Int32);
    expect(back!.d).toBeInstanceOf(Double);
    expect(back!.big).toBeInstanceOf(Double);
    expect(await coll().countDocuments({ _id: 'nums', i: { $type: 'int' }, d: { $type: 'double' } })).toBe(1);
  });

  it('aggregates Int64 and Decimal128 values numerically', async () => {
    const c = conn.coll('numagg');
    await c.insertMany([
      { g: 1, l: Long.fromString('9007199254740993'), d: Decimal128.fromString('1.25'), n: 2 },
      { g: 1, l: Long.fromNumber(2), d: Decimal128.fromString('2.5'), n: 3 },
    ]);
    const [r] = await c
      .aggregate(
        [
          { $group: { _id: '$g', sum: { $sum: '$l' }, max: { $max: '$l' }, min: { $min: '$l' }, dsum: { $sum: '$d' }, nsum: { $sum: '$n' } } },
          { $set: { bigger: { $gt: ['$max', 9007199254740992] }, plus: { $add: ['$min', 1] } } },
        ],
        { promoteLongs: false },
      )
      .toArray();
    expect(r.sum).toBeInstanceOf(Long);
    expect(r.sum.toString()).toBe('9007199254740995');
    expect(r.max.toString()).toBe('9007199254740993');
    expect(r.min.toString()).toBe('2');
    expect(r.dsum.toString()).toBe('3.75');
    expect(r.nsum).toBe(5);
    expect(r.bigger).toBe(true);
    expect(r.plus.toString()).toBe('3');
  });

  it('compares ObjectIds, Dates, Longs and Decimals by value and orders mixed types like MongoDB', async () => {
    const c = conn.coll('ordering');
    const early = new ObjectId('000000000000000000000001');
    const late = new ObjectId('ffffffffffffffffffffffff');
    await c.insertMany([
      { _id: 1, v: late },
      { _id: 2, v: 'text' },
      { _id: 3, v: Long.fromString('9007199254740993') },
      { _id: 4, v: null },
      { _id: 5, v: true },
      { _id: 6, v: new Date(0) },
      { _id: 7, v: 10 },
      { _id: 8, v: Decimal128.fromString('2.5') },
      { _id: 9, v: { a: 1 } },
      { _id: 10, v: early },
      { _id: 11 },
      { _id: 12, v: new MinKey() },
      { _id: 13, v: new MaxKey() },
      { _id: 14, v: new Binary(Buffer.from([1])) },
    ]);
    const ascending = (await c.find().sort({ v: 1, _id: 1 }).toArray()).map((d) => d._id);
    expect(ascending).toEqual([12, 4, 11, 8, 7, 3, 2, 9, 14, 10, 1, 5, 6, 13]);
    const ids = async (filter: object) => (await c.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ v: { $gt: 5 } })).toEqual([3, 7]);
    expect(await ids({ v: { $lt: Long.fromNumber(3) } })).toEqual([8]);
    expect(await ids({ v: Long.fromString('9007199254740993') })).toEqual([3]);
    expect(await ids({ v: { $gt: early } })).toEqual([1]);
    expect(await ids({ v: { $lte: new Date(0) } })).toEqual([6]);
    expect(await ids({ v: { $in: [10, 'text', early] } })).toEqual([2, 7, 10]);
    expect(await ids({ v: Decimal128.fromString('2.50') })).toEqual([8]);
    expect(await ids({ v: 10.0 })).toEqual([7]);
  });
});
