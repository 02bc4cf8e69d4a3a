import { errorOf, useDatabase } from './support';

describe('conformance: handshake and server commands', () => {
  const conn = useDatabase();

  it('answers ping and hello like a writable server', async () => {
    expect(await conn.db.command({ ping: 1 })).toMatchObject({ ok: 1 });
    const hello = await conn.db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({
      ok: 1,
      isWritablePrimary: true,
      helloOk: true,
      maxBsonObjectSize: 16777216,
      maxMessageSizeBytes: 48000000,
      maxWriteBatchSize: 100000,
      readOnly: false,
    });
    expect(hello.localTime).toBeInstanceOf(Date);
    expect(typeof hello.logicalSessionTimeoutMinutes).toBe('number');
    expect(typeof hello.connectionId).toBe('number');
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(17);
    const legacy = await conn.db.admin().command({ isMaster: 1 });
    expect(legacy).toMatchObject({ ok: 1, ismaster: true });
  });

  it('reports build, parameters, status and connection details', async () => {
    const admin = conn.db.admin();
    const build = await admin.command({ buildInfo: 1 });
    expect(build.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Array.isArray(build.versionArray)).toBe(true);
    const fcv = await admin.command({ getParameter: 1, featureCompatibilityVersion: 1 });
    expect(fcv.featureCompatibilityVersion.version).toMatch(/^\d+\.\d+$/);
    const status = await admin.command({ serverStatus: 1 });
    expect(status.ok).toBe(1);
    expect(status.connections.current).toBeGreaterThanOrEqual(1);
    expect(status.uptime).toBeGreaterThanOrEqual(0);
    expect((await admin.command({ hostInfo: 1 })).system.hostname).toEqual(expect.any(String));
    expect((await admin.command({ getCmdLineOpts: 1 })).argv).toEqual(expect.any(Array));
    expect((await admin.command({ whatsmyuri: 1 })).you).toMatch(/:\d+$/);
    expect((await admin.command({ connectionStatus: 1 })).authInfo).toBeDefined();
  });

  it('ends sessions', async () => {
    const session = conn.client.startSession();
    await conn.db.collection('sessions').insertOne({ a: 1 }, { session });
    await session.endSession();
    expect(await conn.db.admin().command({ endSessions: [session.id] })).toMatchObject({ ok: 1 });
  });

  it('rejects an unknown command with CommandNotFound naming it', async () => {
    const error = await errorOf(() => conn.db.command({ frobnicateTheWidgets: 1 }));
    expect(error.code).toBe(59);
    expect(error.codeName).toBe('CommandNotFound');
    expect(error.message).toContain("no such command: 'frobnicateTheWidgets'");
  });

  it('lists and drops databases', async () => {
    const otherName = `${conn.dbName}_x`;
    const other = conn.client.db(otherName);
    await other.collection('c').insertOne({ a: 1 });
    const listed = await conn.db.admin().listDatabases({ nameOnly: true });
    expect(listed.databases.map((d) => d.name)).toContain(otherName);
    await other.dropDatabase();
    const after = await conn.db.admin().listDatabases({ nameOnly: true });
    expect(after.databases.map((d) => d.name)).not.toContain(otherName);
    expect(await other.collection('c').countDocuments()).toBe(0);
  });
});
