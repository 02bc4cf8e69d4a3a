import { Decimal128, Long, ObjectId } from 'mongodb';
import { type AnyDoc, useDatabase } from './support';

/**
 * The engine compares strings, numbers, ObjectIds and dates on short paths (index
 * seeks and filters compare them constantly) and falls back to the general BSON
 * comparison for everything else. These cases pin the answers MongoDB gives, with
 * and without an index, so the short paths cannot drift from the general one.
 */
const LOW_ID = new ObjectId('000000000000000000000001');
const MID_ID = new ObjectId('7f0000000000000000000000');
const HIGH_ID = new ObjectId('ff0000000000000000000000');
const LAST_BYTE_ID = new ObjectId('7f00000000000000000000ff');

const DOCS: AnyDoc[] = [
  { _id: 1, v: 'b' },
  { _id: 2, v: 'B' },
  { _id: 3, v: '' },
  { _id: 4, v: 2 },
  { _id: 5, v: 2.5 },
  { _id: 6, v: -0 },
  { _id: 7, v: 0 },
  { _id: 8, v: Number.NaN },
  { _id: 9, v: Long.fromNumber(2) },
  { _id: 10, v: Decimal128.fromString('2') },
  { _id: 11, v: HIGH_ID },
  { _id: 12, v: LOW_ID },
  { _id: 13, v: MID_ID },
  { _id: 14, v: LAST_BYTE_ID },
  { _id: 15, v: new Date(-1000) },
  { _id: 16, v: new Date(1000) },
  { _id: 17, v: true },
  { _id: 18, v: null },
  { _id: 19 },
  { _id: 20, v: [MID_ID, 'b'] },
  { _id: 21, v: MID_ID.toHexString() },
  { _id: 22, v: '2' },
];

describe('conformance: comparisons of common values, with and without an index', () => {
  const conn = useDatabase();
  const collections = () => [conn.coll('cmp_indexed'), conn.coll('cmp_plain')];

  beforeAll(async () => {
    const [indexed, plain] = collections();
    await indexed.insertMany(DOCS);
    await plain.insertMany(DOCS);
    await indexed.createIndex({ v: 1 });
  });

  async function ids(filter: AnyDoc, sort: AnyDoc = { _id: 1 }): Promise<number[]> {
    const [a, b] = await Promise.all(collections().map((c) => c.find(filter).sort(sort).toArray()));
    const idsA = a.map((d) => d._id as number);
    expect(b.map((d) => d._id)).toEqual(idsA);
    return idsA;
  }

  it('sorts in MongoDB type order: null and missing, numbers (NaN first), strings by code unit, ObjectIds by bytes, booleans, dates', async () => {
    expect(await ids({ _id: { $ne: 20 } }, { v: 1, _id: 1 })).toEqual([
      18, 19, // null, missing
      8, // NaN sorts below every number
      6, 7, // -0 and 0 are equal: ties by _id
      4, 9, 10, // 2, Long 2, Decimal 2
      5,
      3, 22, 21, 2, 1, // '', '2', '7f…', 'B', 'b': by code unit
      12, 13, 14, 11, // ObjectIds: first byte, then the last
      17,
      15, 16, // dates before and after 1970
    ]);
  });

  it('equality on an ObjectId matches the id and arrays holding it, never its hex string', async () => {
    expect(await ids({ v: MID_ID })).toEqual([13, 20]);
    expect(await ids({ v: { $in: [MID_ID, LOW_ID] } })).toEqual([12, 13, 20]);
    expect(await ids({ v: MID_ID.toHexString() })).toEqual([21]);
  });

  it('equality on strings is exact (case, empty string) and $in mixes strings with numbers by type', async () => {
    expect(await ids({ v: 'b' })).toEqual([1, 20]);
    expect(await ids({ v: '' })).toEqual([3]);
    expect(await ids({ v: { $in: ['B', '2', 2] } })).toEqual([2, 4, 9, 10, 22]);
    expect(await ids({ v: { $nin: ['b', 'B', ''] }, _id: { $lte: 5 } })).toEqual([4, 5]);
  });

  it('numbers: equality across numeric types, -0 equals 0, NaN equals only NaN, ranges stay within numbers', async () => {
    expect(await ids({ v: 2 })).toEqual([4, 9, 10]);
    expect(await ids({ v: 0 })).toEqual([6, 7]);
    expect(await ids({ v: Number.NaN })).toEqual([8]);
    expect(await ids({ v: { $gt: 0 } })).toEqual([4, 5, 9, 10]);
    // NaN sorts first but no range holds it: only $gte/$lte NaN match NaN.
    expect(await ids({ v: { $lt: 2.5 } })).toEqual([4, 6, 7, 9, 10]);
    expect(await ids({ v: { $lte: Number.NaN } })).toEqual([8]);
    expect(await ids({ v: { $gt: Number.NaN } })).toEqual([]);
  });

  it('ranges on ObjectIds and dates compare bytes and instants', async () => {
    expect(await ids({ v: { $gt: MID_ID } })).toEqual([11, 14]);
    expect(await ids({ v: { $gte: LOW_ID, $lt: LAST_BYTE_ID } })).toEqual([12, 13, 20]);
    expect(await ids({ v: { $lt: new Date(0) } })).toEqual([15]);
    expect(await ids({ v: { $gte: new Date(-1000) } }, { v: -1 })).toEqual([16, 15]);
  });
});
