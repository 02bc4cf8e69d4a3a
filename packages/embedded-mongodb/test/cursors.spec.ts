import type { CommandStartedEvent } from 'mongodb';
import { errorOf, useDatabase } from './support';

describe('conformance: cursors', () => {
  const conn = useDatabase({ monitorCommands: true });
  const TOTAL = 10_000;

  beforeAll(async () => {
    const docs = Array.from({ length: TOTAL }, (_, i) => ({ i, group: i % 7, pad: 'x'.repeat(40) }));
    await conn.coll('big').insertMany(docs);
  });

  function recordCommands(): { names: string[]; stop: () => void } {
    const names: string[] = [];
    const listener = (event: CommandStartedEvent) => names.push(event.commandName);
    conn.client.on('commandStarted', listener);
    return { names, stop: () => conn.client.off('commandStarted', listener) };
  }

  it('returns 10,000 documents exactly once across getMore batches', async () => {
    const recorder = recordCommands();
    const seen = new Set<number>();
    let count = 0;
    for await (const doc of conn.coll('big').find({}, { batchSize: 1000 })) {
      seen.add(doc.i as number);
      count++;
    }
    recorder.stop();
    expect(count).toBe(TOTAL);
    expect(seen.size).toBe(TOTAL);
    expect(recorder.names.filter((n) => n === 'find')).toHaveLength(1);
    // 9 getMores carry the remaining documents; a server may need one more (empty) to notice the end.
    const getMores = recorder.names.filter((n) => n === 'getMore').length;
    expect(getMores).toBeGreaterThanOrEqual(9);
    expect(getMores).toBeLessThanOrEqual(10);
  });

  it('honours batchSize on getMore and reports the namespace', async () => {
    const first = await conn.db.command({ find: 'big', filter: { group: 3 }, sort: { i: 1 }, batchSize: 10 });
    expect(first.cursor.firstBatch).toHaveLength(10);
    expect(first.cursor.ns).toBe(`${conn.dbName}.big`);
    expect(first.cursor.id.toString()).not.toBe('0');
    const more = await conn.db.command({ getMore: first.cursor.id, collection: 'big', batchSize: 25 });
    expect(more.cursor.nextBatch).toHaveLength(25);
    expect(more.cursor.nextBatch[0].i).toBe(first.cursor.firstBatch[9].i + 7);
    const killed = await conn.db.command({ killCursors: 'big', cursors: [first.cursor.id] });
    expect(killed.cursorsKilled.map(String)).toEqual([first.cursor.id.toString()]);
    const gone = await errorOf(() => conn.db.command({ getMore: first.cursor.id, collection: 'big' }));
    expect(gone.code).toBe(43);
  });

  it('uses a 101-document first batch by default and closes exhausted cursors', async () => {
    const first = await conn.db.command({ find: 'big', filter: {} });
    expect(first.cursor.firstBatch).toHaveLength(101);
    const rest = await conn.db.command({ getMore: first.cursor.id, collection: 'big' });
    expect(rest.cursor.nextBatch).toHaveLength(TOTAL - 101);
    expect(rest.cursor.id.toString()).toBe('0');
    const small = await conn.db.command({ find: 'big', filter: { i: { $lt: 5 } } });
    expect(small.cursor.firstBatch).toHaveLength(5);
    expect(small.cursor.id.toString()).toBe('0');
    const single = await conn.db.command({ find: 'big', batchSize: 3, singleBatch: true });
    expect(single.cursor.firstBatch).toHaveLength(3);
    expect(single.cursor.id.toString()).toBe('0');
  });

  it('limits across batches and sorts large results', async () => {
    const docs = await conn.coll('big').find({ group: 0 }).sort({ i: -1 }).limit(250).batchSize(100).toArray();
    expect(docs).toHaveLength(250);
    expect(docs[0].i).toBe(9996);
    expect(docs.every((d, k) => k === 0 || d.i < docs[k - 1].i)).toBe(true);
  });

  it('streams aggregation results through a cursor', async () => {
    const recorder = recordCommands();
    const out = await conn.coll('big').aggregate([{ $match: { group: { $in: [1, 2] } } }, { $project: { _id: 0, i: 1 } }], { batchSize: 500 }).toArray();
    recorder.stop();
    expect(out.length).toBe(2858);
    expect(recorder.names.filter((n) => n === 'getMore').length).toBeGreaterThanOrEqual(5);
  });
});
