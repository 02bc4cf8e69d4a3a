import { ObjectId } from 'mongodb';
import { errorOf, useDatabase } from './support';

describe('conformance: aggregation', () => {
  const conn = useDatabase();
  const authorA = new ObjectId();
  const authorB = new ObjectId();

  beforeAll(async () => {
    await conn.coll('authors').insertMany([
      { _id: authorA, name: 'Ada' },
      { _id: authorB, name: 'Brian' },
    ]);
    await conn.coll('posts').insertMany([
      { _id: 1, author: authorA, tags: ['db', 'js'], likes: 10, kind: 'article' },
      { _id: 2, author: authorA, tags: ['db'], likes: 5, kind: 'note' },
      { _id: 3, author: authorB, tags: ['js', 'css', 'db'], likes: 7, kind: 'article' },
      { _id: 4, author: new ObjectId(), tags: [], likes: 1, kind: 'note' },
    ]);
  });
  const posts = () => conn.coll('posts');

  it('groups, sorts and counts', async () => {
    const byAuthor = await posts()
      .aggregate([
        { $group: { _id: '$author', total: { $sum: '$likes' }, n: { $sum: 1 }, kinds: { $addToSet: '$kind' } } },
        { $sort: { total: -1 } },
      ])
      .toArray();
    expect(byAuthor.map((g) => [g._id.toHexString(), g.total, g.n])).toEqual([
      [authorA.toHexString(), 15, 2],
      [authorB.toHexString(), 7, 1],
      [expect.any(String), 1, 1],
    ]);
    expect(byAuthor[0].kinds.sort()).toEqual(['article', 'note']);
    expect(await posts().aggregate([{ $match: { likes: { $gte: 5 } } }, { $count: 'popular' }]).toArray()).toEqual([{ popular: 3 }]);
    expect(await posts().countDocuments({ kind: 'note' })).toBe(2);
  });

  it('unwinds arrays and sorts by count', async () => {
    const tags = await posts().aggregate([{ $unwind: '$tags' }, { $sortByCount: '$tags' }, { $sort: { count: -1, _id: 1 } }]).toArray();
    expect(tags).toEqual([
      { _id: 'db', count: 3 },
      { _id: 'js', count: 2 },
      { _id: 'css', count: 1 },
    ]);
    const kept = await posts().aggregate([{ $unwind: { path: '$tags', preserveNullAndEmptyArrays: true } }, { $match: { _id: 4 } }]).toArray();
    expect(kept).toHaveLength(1);
    expect(kept[0]).not.toHaveProperty('tags');
  });

  it('joins with $lookup, both equality and pipeline forms', async () => {
    const joined = await posts()
      .aggregate([
        { $lookup: { from: 'authors', localField: 'author', foreignField: '_id', as: 'writer' } },
        { $project: { _id: 1, writer: '$writer.name' } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(joined).toEqual([
      { _id: 1, writer: ['Ada'] },
      { _id: 2, writer: ['Ada'] },
      { _id: 3, writer: ['Brian'] },
      { _id: 4, writer: [] },
    ]);
    const withPipeline = await conn.db
      .collection('authors')
      .aggregate([
        { $lookup: { from: 'posts', let: { id: '$_id' }, pipeline: [{ $match: { $expr: { $eq: ['$author', '$$id'] } } }, { $project: { _id: 1 } }], as: 'posts' } },
        { $addFields: { postCount: { $size: '$posts' } } },
        { $sort: { name: 1 } },
        { $project: { _id: 0, name: 1, postCount: 1 } },
      ])
      .toArray();
    expect(withPipeline).toEqual([
      { name: 'Ada', postCount: 2 },
      { name: 'Brian', postCount: 1 },
    ]);
  });

  it('runs $facet, $replaceRoot, $set, $skip, $limit and $bucket', async () => {
    const [facets] = await posts()
      .aggregate([
        {
          $facet: {
            top: [{ $sort: { likes: -1 } }, { $limit: 2 }, { $project: { _id: 1 } }],
            byKind: [{ $group: { _id: '$kind', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
            total: [{ $count: 'n' }],
          },
        },
      ])
      .toArray();
    expect(facets).toEqual({
      top: [{ _id: 1 }, { _id: 3 }],
      byKind: [{ _id: 'article', n: 2 }, { _id: 'note', n: 2 }],
      total: [{ n: 4 }],
    });
    const rooted = await posts()
      .aggregate([{ $sort: { _id: 1 } }, { $skip: 1 }, { $limit: 2 }, { $set: { meta: { id: '$_id', l: '$likes' } } }, { $replaceRoot: { newRoot: '$meta' } }])
      .toArray();
    expect(rooted).toEqual([{ id: 2, l: 5 }, { id: 3, l: 7 }]);
    const buckets = await posts().aggregate([{ $bucket: { groupBy: '$likes', boundaries: [0, 5, 10, 20, 30], default: 'other' } }]).toArray();
    expect(buckets).toEqual([
      { _id: 0, count: 1 },
      { _id: 5, count: 2 },
      { _id: 10, count: 1 },
    ]);
  });

  it('rejects unknown stages and unknown expression operators with errors naming them', async () => {
    const stage = await errorOf(() => posts().aggregate([{ $teleport: {} }]).toArray());
    expect(stage.message).toContain('$teleport');
    const expr = await errorOf(() => posts().aggregate([{ $project: { x: { $wobble: '$likes' } } }]).toArray());
    expect(expr.message).toContain('$wobble');
    const query = await errorOf(() => posts().aggregate([{ $match: { likes: { $between: [1, 2] } } }]).toArray());
    expect(query.message).toContain('$between');
  });

  it('evaluates $regexMatch, $regexFind and $regexFindAll, with positions in code points', async () => {
    await conn.coll('texts').insertMany([
      { _id: 1, s: 'café: Tea and tEA' },
      { _id: 2, s: null },
    ]);
    const [first, second] = await conn
      .coll('texts')
      .aggregate([
        {
          $project: {
            has: { $regexMatch: { input: '$s', regex: 'tea', options: 'i' } },
            one: { $regexFind: { input: '$s', regex: /(t)(e)a/i } },
            all: { $regexFindAll: { input: '$s', regex: 't(e)(x)?a', options: 'i' } },
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(first).toEqual({
      _id: 1,
      has: true,
      one: { match: 'Tea', idx: 6, captures: ['T', 'e'] },
      all: [
        { match: 'Tea', idx: 6, captures: ['e', null] },
        { match: 'tEA', idx: 14, captures: ['E', null] },
      ],
    });
    expect(second).toEqual({ _id: 2, has: false, one: null, all: [] });
  });
});
