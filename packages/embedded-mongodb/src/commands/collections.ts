/** create, drop, listCollections, createIndexes, listIndexes, dropIndexes. */
import { MongoCommandError, notSupported, toCommandError } from '../errors';
import { compileFilter } from '../query';
import { ID_INDEX_SPEC, validateCollectionName, validateDbName } from '../storage';
import { type Doc, isPlainDoc, valuesEqual } from '../values';
import { boolArg, type CommandHandler, cursorBatchSize, docArg, stringArg } from './context';

/** Options this engine cannot honour; accepting them silently would give wrong answers later. */
const UNSUPPORTED_CREATE_OPTIONS = [
  'capped', 'size', 'max', 'validator', 'viewOn', 'pipeline', 'collation', 'timeseries', 'clusteredIndex',
  'changeStreamPreAndPostImages', 'encryptedFields', 'expireAfterSeconds',
];
const IGNORED_CREATE_FIELDS = new Set(['create', 'lsid', '$db', '$readPreference', '$clusterTime', 'writeConcern', 'comment', 'maxTimeMS', 'apiVersion', 'apiStrict', 'apiDeprecationErrors', 'txnNumber', 'autocommit', 'startTransaction']);

function createOptions(cmd: Doc): Doc {
  const options: Doc = {};
  for (const [key, value] of Object.entries(cmd)) {
    if (IGNORED_CREATE_FIELDS.has(key)) continue;
    if (UNSUPPORTED_CREATE_OPTIONS.includes(key)) {
      if (key === 'capped' && value === false) continue;
      throw notSupported(`The collection option '${key}'`);
    }
    if (key === 'validationLevel' || key === 'validationAction') continue;
    options[key] = value;
  }
  return options;
}

export const collectionCommands: Record<string, CommandHandler> = {
  create: (cmd, ctx) => {
    const name = validateCollectionName(ctx.dbName, stringArg(cmd, 'create'));
    validateDbName(ctx.dbName);
    const { storage } = ctx.server;
    const existing = storage.collection(ctx.dbName, name);
    if (existing) {
      // MongoDB 7.0: creating an existing collection with identical options succeeds; otherwise 48.
      const sameOptions = Object.keys(cmd).every((key) => IGNORED_CREATE_FIELDS.has(key) || valuesEqual(existing.options[key] ?? null, cmd[key] ?? null))
        && Object.keys(existing.options).every((key) => valuesEqual(existing.options[key], cmd[key] ?? null));
      if (sameOptions) return { ok: 1 };
      throw new MongoCommandError('NamespaceExists', `Collection ${ctx.dbName}.${name} already exists.`);
    }
    storage.ensureCollection(ctx.dbName, name, createOptions(cmd));
    return { ok: 1 };
  },

  drop: (cmd, ctx) => {
    const name = stringArg(cmd, 'drop');
    const dropped = ctx.server.storage.dropCollection(ctx.dbName, name);
    // MongoDB 7.0 (SERVER-43894) made dropping a missing collection a successful no-op.
    if (!dropped) return { ok: 1 };
    return { nIndexesWas: dropped.indexCount, ns: dropped.ns, ok: 1 };
  },

  listCollections: (cmd, ctx) => {
    const matcher = compileFilter(docArg(cmd, 'filter'));
    const nameOnly = boolArg(cmd, 'nameOnly');
    const db = ctx.server.storage.database(ctx.dbName);
    const docs: Doc[] = [];
    for (const collection of db?.collections.values() ?? []) {
      const full: Doc = {
        name: collection.name,
        type: 'collection',
        options: { ...collection.options },
        info: { readOnly: false, uuid: collection.uuid },
        idIndex: { ...ID_INDEX_SPEC },
      };
      if (!matcher(full)) continue;
      docs.push(nameOnly ? { name: collection.name, type: 'collection' } : full);
    }
    return { ...ctx.server.cursors.open({ ns: `${ctx.dbName}.$cmd.listCollections`, docs, batchSize: cursorBatchSize(cmd) }), ok: 1 };
  },

  createIndexes: (cmd, ctx) => {
    const name = stringArg(cmd, 'createIndexes');
    const specs = cmd.indexes;
    if (!Array.isArray(specs) || specs.length === 0) {
      throw new MongoCommandError('BadValue', 'Must specify at least one index to create');
    }
    const { storage } = ctx.server;
    const createdCollectionAutomatically = !storage.collection(ctx.dbName, name);
    const collection = storage.ensureCollection(ctx.dbName, name);
    const before = collection.indexCount;
    const created: string[] = [];
    try {
      for (const spec of specs) {
        const built = collection.createIndex(spec);
        if (built) created.push(built);
      }
    } catch (error) {
      // One createIndexes is one build: when any index fails, none of them is kept.
      if (created.length > 0) collection.dropIndex(created);
      if (createdCollectionAutomatically) storage.dropCollection(ctx.dbName, name);
      throw toCommandError(error);
    }
    const reply: Doc = { numIndexesBefore: before, numIndexesAfter: collection.indexCount, createdCollectionAutomatically };
    if (created.length === 0) reply.note = 'all indexes already exist';
    reply.ok = 1;
    return reply;
  },

  listIndexes: (cmd, ctx) => {
    const name = stringArg(cmd, 'listIndexes');
    const collection = ctx.server.storage.collection(ctx.dbName, name);
    if (!collection) throw new MongoCommandError('NamespaceNotFound', `ns does not exist: ${ctx.dbName}.${name}`);
    const docs = collection.indexSpecs().map((spec) => ({ ...spec }));
    return { ...ctx.server.cursors.open({ ns: `${ctx.dbName}.${name}`, docs, batchSize: cursorBatchSize(cmd) }), ok: 1 };
  },

  dropIndexes: (cmd, ctx) => {
    const name = stringArg(cmd, 'dropIndexes');
    const collection = ctx.server.storage.collection(ctx.dbName, name);
    if (!collection) throw new MongoCommandError('NamespaceNotFound', `ns not found ${ctx.dbName}.${name}`);
    const before = collection.indexCount;
    const which = cmd.index;
    if (which === undefined) throw new MongoCommandError('FailedToParse', "BSON field 'dropIndexes.index' is missing but a required field");
    if (isPlainDoc(which) && Object.keys(which).length === 0) throw new MongoCommandError('IndexNotFound', "can't find index with key: {}");
    collection.dropIndex(which);
    return which === '*' ? { nIndexesWas: before, msg: 'non-_id indexes dropped for collection', ok: 1 } : { nIndexesWas: before, ok: 1 };
  },
};
