import { errorOf, useDatabase } from './support';

describe('conformance: collections', () => {
  const conn = useDatabase();

  it('creates collections explicitly and refuses a conflicting re-creation with NamespaceExists', async () => {
    await conn.db.createCollection('explicit');
    const names = (await conn.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).toContain('explicit');
    expect(await conn.coll('explicit').countDocuments()).toBe(0);
    const error = await errorOf(() => conn.db.createCollection('explicit', { capped: true, size: 4096 }));
    expect(error.code).toBe(48);
    expect(error.codeName).toBe('NamespaceExists');
  });

  it('lists collections with a name filter, full info or names only', async () => {
    await conn.coll('alpha').insertOne({ a: 1 });
    await conn.coll('beta').insertOne({ b: 1 });
    const full = await conn.db.listCollections({ name: 'alpha' }).toArray();
    expect(full).toHaveLength(1);
    expect(full[0]).toMatchObject({ name: 'alpha', type: 'collection', options: {}, info: { readOnly: false } });
    expect((full[0] as { idIndex?: unknown }).idIndex).toMatchObject({ key: { _id: 1 }, name: '_id_' });
    const filtered = await conn.db.listCollections({ name: { $in: ['alpha', 'beta', 'gamma'] } }, { nameOnly: true }).toArray();
    expect(filtered.map((c) => c.name).sort()).toEqual(['alpha', 'beta']);
    expect(filtered[0]).toEqual({ name: expect.any(String), type: 'collection' });
  });

  it('drops collections with their documents and indexes', async () => {
    const c = conn.coll('doomed');
    await c.insertOne({ k: 1 });
    await c.createIndex({ k: 1 }, { unique: true });
    const reply = await conn.db.command({ drop: 'doomed' });
    expect(reply.ok).toBe(1);
    expect((await conn.db.listCollections({ name: 'doomed' }).toArray())).toHaveLength(0);
    await c.insertOne({ k: 1 });
    await c.insertOne({ k: 1 });
    expect(await c.countDocuments()).toBe(2);
    // Servers before 7.0 answer NamespaceNotFound (the driver turns it into false), 7.0+ succeed.
    await expect(conn.coll('never-existed').drop()).resolves.toEqual(expect.any(Boolean));
  });
});
