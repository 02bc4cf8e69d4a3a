import mongoose, { type Connection, Schema, Types } from 'mongoose';
import { testDatabase } from './support';

describe('conformance: Mongoose', () => {
  let connection: Connection;

  const userSchema = new Schema({
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    age: { type: Number, min: 0 },
    orgId: { type: Schema.Types.ObjectId, required: true },
    tags: [String],
    visits: { type: BigInt, default: 0n },
  });
  userSchema.index({ orgId: 1, name: 1 });
  const postSchema = new Schema({
    title: String,
    author: { type: Schema.Types.ObjectId, ref: 'User' },
    score: Schema.Types.Decimal128,
  });

  const models = () => ({ User: connection.model('User', userSchema), Post: connection.model('Post', postSchema) });
  const orgId = new Types.ObjectId();

  beforeAll(async () => {
    const { uri, dbName } = testDatabase();
    connection = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 5000 }).asPromise();
    await models().User.init();
    await models().Post.init();
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('creates the schema indexes on init', async () => {
    const indexes = await models().User.listIndexes();
    expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['_id_', 'email_1', 'orgId_1_name_1']));
    expect(indexes.find((i) => i.name === 'email_1')).toMatchObject({ unique: true });
  });

  it('creates, reads, updates and deletes documents', async () => {
    const { User } = models();
    const ann = await User.create({ email: ' Ann@Example.org ', name: 'Ann', age: 30, orgId, tags: ['a'] });
    expect(ann.email).toBe('ann@example.org');
    const found = await User.findById(ann._id);
    expect(found?.name).toBe('Ann');
    expect(found?.visits).toBe(0n);
    await User.updateOne({ _id: ann._id }, { $inc: { age: 1 }, $push: { tags: 'b' } });
    const lean = await User.findOne({ email: 'ann@example.org' }).lean();
    expect(lean).toMatchObject({ name: 'Ann', age: 31, tags: ['a', 'b'] });
    expect(lean?._id).toBeInstanceOf(Types.ObjectId);
    expect(lean?.orgId.equals(orgId)).toBe(true);
    found!.name = 'Annie';
    found!.visits = 9007199254740993n;
    await found!.save();
    const reloaded = await User.findById(ann._id);
    expect(reloaded?.name).toBe('Annie');
    expect(reloaded?.visits).toBe(9007199254740993n);
    const raw = await User.findById(ann._id).lean();
    expect(String(raw?.visits)).toBe('9007199254740993');
    expect(await User.countDocuments({ orgId })).toBe(1);
    expect(await User.exists({ name: 'Annie' })).toBeTruthy();
    expect((await User.deleteOne({ _id: ann._id })).deletedCount).toBe(1);
    expect(await User.findById(ann._id)).toBeNull();
  });

  it('reports schema validation errors without writing', async () => {
    const { User } = models();
    const error = await User.create({ email: 'x@y.z', age: -1, orgId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(mongoose.Error.ValidationError);
    const validation = error as mongoose.Error.ValidationError;
    expect(Object.keys(validation.errors).sort()).toEqual(['age', 'name']);
    expect(await User.countDocuments({ email: 'x@y.z' })).toBe(0);
  });

  it('surfaces unique index violations as 11000 errors', async () => {
    const { User } = models();
    await User.create({ email: 'dup@x.org', name: 'One', orgId });
    const error = (await User.create({ email: 'DUP@x.org', name: 'Two', orgId }).catch((e: unknown) => e)) as {
      code?: number;
      keyValue?: unknown;
      name?: string;
    };
    expect(error.code).toBe(11000);
    expect(error.name).toBe('MongoServerError');
    expect(error.keyValue).toEqual({ email: 'dup@x.org' });
    const bulk = (await User.insertMany(
      [
        { email: 'u1@x.org', name: 'U1', orgId },
        { email: 'dup@x.org', name: 'U2', orgId },
        { email: 'u3@x.org', name: 'U3', orgId },
      ],
      { ordered: false },
    ).catch((e: unknown) => e)) as { code?: number; insertedDocs?: unknown[] };
    expect(bulk.code).toBe(11000);
    expect(await User.countDocuments({ email: { $in: ['u1@x.org', 'u3@x.org'] } })).toBe(2);
  });

  it('populates references and round-trips Decimal128', async () => {
    const { User, Post } = models();
    const author = await User.create({ email: 'author@x.org', name: 'Author', orgId });
    await Post.create([
      { title: 'first', author: author._id, score: '1.10' },
      { title: 'second', author: author._id, score: '2.25' },
    ]);
    const posts = await Post.find().sort({ title: 1 }).populate<{ author: { name: string } }>('author').lean();
    expect(posts.map((p) => [p.title, p.author.name])).toEqual([
      ['first', 'Author'],
      ['second', 'Author'],
    ]);
    expect(posts[0].score?.toString()).toBe('1.10');
  });

  it('upserts with findOneAndUpdate', async () => {
    const { User } = models();
    const created = await User.findOneAndUpdate(
      { email: 'upsert@x.org' },
      { $set: { name: 'Upserted' }, $setOnInsert: { orgId, age: 5 } },
      { upsert: true, returnDocument: 'after', runValidators: true },
    ).lean();
    expect(created).toMatchObject({ email: 'upsert@x.org', name: 'Upserted', age: 5 });
    const updated = await User.findOneAndUpdate({ email: 'upsert@x.org' }, { $set: { name: 'Again' }, $setOnInsert: { age: 99 } }, { upsert: true, returnDocument: 'after' }).lean();
    expect(updated).toMatchObject({ name: 'Again', age: 5 });
    expect(updated?._id.equals(created!._id)).toBe(true);
  });

  it('syncs indexes: drops extra ones and builds missing ones', async () => {
    const { User } = models();
    await User.collection.createIndex({ stale: 1 });
    await User.collection.dropIndex('orgId_1_name_1');
    const dropped = await User.syncIndexes();
    expect(dropped).toEqual(['stale_1']);
    const names = (await User.listIndexes()).map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['_id_', 'email_1', 'orgId_1_name_1']));
    expect(names).not.toContain('stale_1');
  });
});
