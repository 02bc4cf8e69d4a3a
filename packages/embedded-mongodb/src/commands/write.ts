/** insert, update, delete and findAndModify. */
import { ObjectId } from 'bson';
import { badValue, failedToParse, MongoCommandError, toCommandError } from '../errors';
import { assertDocumentSize, type EngineLimits } from '../limits';
import { exprOptions } from '../mingo-context';
import { compileProjection } from '../projection';
import { compileFilter } from '../query';
import type { Collection } from '../storage';
import { type CompiledUpdate, compileUpdate, upsertSeed } from '../update';
import { wireSizes } from '../wire';
import { type Doc, idFirst, identicalDocs, isPlainDoc, valuesEqual } from '../values';
import {
  assertSimpleCollation, boolArg, type CommandContext, type CommandHandler, docArg, letVariables, numberArg, stringArg,
} from './context';

function writeOps(command: Doc, field: string): Doc[] {
  const ops = command[field];
  if (!Array.isArray(ops)) throw new MongoCommandError('TypeMismatch', `BSON field '${Object.keys(command)[0]}.${field}' is missing but a required field`);
  if (ops.length === 0) throw new MongoCommandError('InvalidLength', 'Write batch sizes must be between 1 and 100000. Got 0 operations.');
  for (const op of ops) if (!isPlainDoc(op)) throw new MongoCommandError('TypeMismatch', `BSON field '${field}' must contain objects`);
  return ops as Doc[];
}

function ordered(command: Doc): boolean {
  return command.ordered === undefined || command.ordered === null ? true : boolArg(command, 'ordered');
}

function validateId(id: unknown): void {
  if (Array.isArray(id)) throw new MongoCommandError('InvalidIdField', "The '_id' value cannot be of type array");
  if (id instanceof RegExp) throw new MongoCommandError('InvalidIdField', "The '_id' value cannot be of type regex");
  if (id === undefined) throw new MongoCommandError('InvalidIdField', "The '_id' value cannot be of type undefined");
  const dollarField = dollarPrefixedField(id);
  if (dollarField !== undefined) {
    throw new MongoCommandError('DollarPrefixedFieldName', `_id fields may not contain '$'-prefixed fields: ${dollarField} is not valid for storage.`);
  }
}

/** The first `$`-prefixed field name anywhere inside an `_id` document (such an `_id` could not be queried by equality). */
function dollarPrefixedField(value: unknown): string | undefined {
  if (!isPlainDoc(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('$')) return key;
    const nested = dollarPrefixedField(inner);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

/** MongoDB adds an ObjectId `_id` when missing and always stores `_id` first. */
function prepareForInsert(doc: Doc, limits: EngineLimits): Doc {
  if ('_id' in doc) validateId(doc._id);
  const prepared = '_id' in doc ? idFirst(doc) : { _id: new ObjectId(), ...doc };
  const wire = wireSizes.get(doc);
  // The stored document lives on: drop its entry rather than keep a size per document forever.
  wireSizes.delete(doc);
  // An added ObjectId `_id` takes 17 bytes (type, "_id\0", 12 bytes).
  assertDocumentSize(prepared, limits, 'insert', wire === undefined ? undefined : wire + ('_id' in doc ? 0 : 17));
  return prepared;
}

function matchingRecords(collection: Collection | undefined, filter: Doc, variables: Doc | undefined, max: number, sort?: unknown) {
  if (!collection) return [];
  const matcher = compileFilter(filter, { exprOptions: exprOptions(variables) });
  const sorted = !(sort === undefined || sort === null || (isPlainDoc(sort) && Object.keys(sort).length === 0));
  return collection.query(filter, matcher, { sort: sorted ? sort : undefined, limit: Number.isFinite(max) ? max : 0 }).records;
}

/** The document an upsert inserts: the filter's equality fields, then the update applied as an insert. */
function buildUpsertDoc(filter: Doc, update: CompiledUpdate, variables: Doc | undefined, limits: EngineLimits): Doc {
  const seed = upsertSeed(filter);
  let doc: Doc;
  if (update.kind === 'replacement') {
    doc = update.apply({}, { filter, isInsert: true, variables });
    if (!('_id' in doc) && '_id' in seed) doc = { _id: seed._id, ...doc };
  } else {
    doc = update.apply(seed, { filter, isInsert: true, variables });
    if ('_id' in seed && (!('_id' in doc) || !valuesEqual(seed._id, doc._id))) {
      throw new MongoCommandError('ImmutableField', `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${String(doc._id)}`);
    }
  }
  return prepareForInsert(doc, limits);
}

interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId?: unknown;
  before?: Doc;
  after?: Doc;
}

function applyUpdate(
  ctx: CommandContext,
  collectionName: string,
  filter: Doc,
  update: CompiledUpdate,
  options: { multi: boolean; upsert: boolean; variables?: Doc; sort?: unknown },
): UpdateOutcome {
  const { storage } = ctx.server;
  const existing = storage.collection(ctx.dbName, collectionName);
  const records = matchingRecords(existing, filter, options.variables, options.multi ? Number.POSITIVE_INFINITY : 1, options.sort);
  if (records.length === 0) {
    if (!options.upsert) return { matched: 0, modified: 0 };
    const doc = buildUpsertDoc(filter, update, options.variables, ctx.server.limits);
    storage.ensureCollection(ctx.dbName, collectionName).insert(doc);
    return { matched: 0, modified: 0, upsertedId: doc._id, after: doc };
  }
  const collection = existing as Collection;
  const changes = records.map((record) => ({ record, next: update.apply(record.doc, { filter, isInsert: false, variables: options.variables }) }));
  for (const change of changes) assertDocumentSize(change.next, ctx.server.limits, 'update');
  const before = changes[0].record.doc;
  const modified = changes.filter((c) => !identicalDocs(c.record.doc, c.next));
  collection.replace(modified);
  return { matched: records.length, modified: modified.length, before, after: changes[0].next };
}

export const writeCommands: Record<string, CommandHandler> = {
  insert: (cmd, ctx) => {
    const name = stringArg(cmd, 'insert');
    const docs = writeOps(cmd, 'documents');
    const collection = ctx.server.storage.ensureCollection(ctx.dbName, name);
    const writeErrors: Doc[] = [];
    let n = 0;
    for (let i = 0; i < docs.length; i++) {
      try {
        collection.insert(prepareForInsert(docs[i], ctx.server.limits));
        n++;
      } catch (error) {
        writeErrors.push(toCommandError(error).toWriteError(i));
        if (ordered(cmd)) break;
      }
    }
    return writeErrors.length > 0 ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
  },

  update: (cmd, ctx) => {
    const name = stringArg(cmd, 'update');
    const ops = writeOps(cmd, 'updates');
    const variables = letVariables(cmd);
    const writeErrors: Doc[] = [];
    const upserted: Doc[] = [];
    let n = 0;
    let nModified = 0;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      try {
        assertSimpleCollation(op.collation);
        const filter = docArg(op, 'q');
        const multi = boolArg(op, 'multi');
        const update = compileUpdate(op.u, op.arrayFilters);
        if (multi && update.kind === 'replacement') throw failedToParse('multi update is not supported for replacement-style update');
        const c = isPlainDoc(op.c) ? op.c : undefined;
        const outcome = applyUpdate(ctx, name, filter, update, {
          multi,
          upsert: boolArg(op, 'upsert'),
          variables: c || variables ? { ...variables, ...c } : undefined,
          sort: op.sort,
        });
        if (outcome.upsertedId !== undefined) {
          n += 1;
          upserted.push({ index: i, _id: outcome.upsertedId });
        } else {
          n += outcome.matched;
          nModified += outcome.modified;
        }
      } catch (error) {
        writeErrors.push(toCommandError(error).toWriteError(i));
        if (ordered(cmd)) break;
      }
    }
    const reply: Doc = { n, nModified };
    if (upserted.length > 0) reply.upserted = upserted;
    if (writeErrors.length > 0) reply.writeErrors = writeErrors;
    reply.ok = 1;
    return reply;
  },

  delete: (cmd, ctx) => {
    const name = stringArg(cmd, 'delete');
    const ops = writeOps(cmd, 'deletes');
    const variables = letVariables(cmd);
    const collection = ctx.server.storage.collection(ctx.dbName, name);
    const writeErrors: Doc[] = [];
    let n = 0;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      try {
        assertSimpleCollation(op.collation);
        const limit = numberArg(op, 'limit');
        if (limit !== 0 && limit !== 1) throw failedToParse('The limit field in delete objects must be 0 or 1. Got ' + String(limit));
        const records = matchingRecords(collection, docArg(op, 'q'), variables, limit === 1 ? 1 : Number.POSITIVE_INFINITY, op.sort);
        collection?.delete(records);
        n += records.length;
      } catch (error) {
        writeErrors.push(toCommandError(error).toWriteError(i));
        if (ordered(cmd)) break;
      }
    }
    return writeErrors.length > 0 ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
  },

  findAndModify: (cmd, ctx) => findAndModify(cmd, ctx, 'findAndModify'),
  findandmodify: (cmd, ctx) => findAndModify(cmd, ctx, 'findandmodify'),
};

function findAndModify(cmd: Doc, ctx: CommandContext, commandName: string): Doc {
  const name = stringArg(cmd, commandName);
  assertSimpleCollation(cmd.collation);
  const filter = docArg(cmd, 'query');
  const remove = boolArg(cmd, 'remove');
  const returnNew = boolArg(cmd, 'new');
  const upsert = boolArg(cmd, 'upsert');
  const variables = letVariables(cmd);
  const hasUpdate = cmd.update !== undefined && cmd.update !== null;
  if (remove && hasUpdate) throw failedToParse('Cannot specify both an update and remove=true');
  if (!remove && !hasUpdate) throw failedToParse('Either an update or remove=true must be specified');
  if (remove && upsert) throw failedToParse('Cannot specify both upsert=true and remove=true');
  if (remove && returnNew) throw failedToParse("Cannot specify both new=true and remove=true; 'remove' always returns the deleted document");
  const project = compileProjection(cmd.fields, filter, variables);
  const shape = (doc: Doc | undefined): Doc | null => (doc ? (project ? project(doc) : doc) : null);

  if (remove) {
    const collection = ctx.server.storage.collection(ctx.dbName, name);
    const [record] = matchingRecords(collection, filter, variables, 1, cmd.sort);
    if (!record) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
    collection?.delete([record]);
    return { lastErrorObject: { n: 1 }, value: shape(record.doc), ok: 1 };
  }
  if (cmd.update !== undefined && !isPlainDoc(cmd.update) && !Array.isArray(cmd.update)) throw badValue('update must be an object or a pipeline');
  const update = compileUpdate(cmd.update, cmd.arrayFilters);
  const outcome = applyUpdate(ctx, name, filter, update, { multi: false, upsert, variables, sort: cmd.sort });
  if (outcome.upsertedId !== undefined) {
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: outcome.upsertedId },
      value: returnNew ? shape(outcome.after) : null,
      ok: 1,
    };
  }
  if (outcome.matched === 0) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  return { lastErrorObject: { n: 1, updatedExisting: true }, value: shape(returnNew ? outcome.after : outcome.before), ok: 1 };
}
