/** find, getMore, killCursors, count, distinct and aggregate. */
import { Long } from 'bson';
import { runPipeline, validatePipeline } from '../aggregate';
import { badValue, failedToParse, MongoCommandError, notSupported } from '../errors';
import { exprOptions } from '../mingo-context';
import { compileProjection } from '../projection';
import { compileFilter, leavesAt } from '../query';
import type { Collection, QueryOptions, QueryResult } from '../storage';
import { type Doc, isNumeric, isPlainDoc, toDouble, valueKey } from '../values';
import {
  assertSimpleCollation, boolArg, type CommandContext, type CommandHandler, cursorBatchSize, docArg, letVariables, numberArg,
  stringArg,
} from './context';

function isEmptyDoc(value: unknown): boolean {
  return value === undefined || value === null || (isPlainDoc(value) && Object.keys(value).length === 0);
}

/** Matching documents in natural order; stops early when no sort needs the full set. */
function select(collection: Collection | undefined, filter: Doc, variables: Doc | undefined, max = Number.POSITIVE_INFINITY): Doc[] {
  return run(collection, filter, variables, { limit: Number.isFinite(max) ? max : 0 }).records.map((r) => r.doc);
}

/** The query on its plan (see planner.ts); a missing collection answers nothing. */
export function run(collection: Collection | undefined, filter: Doc, variables: Doc | undefined, options: QueryOptions): QueryResult {
  if (!collection) {
    compileFilter(filter); // still reject an invalid filter on a missing collection
    return { records: [], plan: { stage: 'COLLSCAN', bounds: [], sorted: true, reverse: false }, keysExamined: 0, docsExamined: 0 };
  }
  const matcher = compileFilter(filter, { exprOptions: exprOptions(variables) });
  return collection.query(filter, matcher, options);
}

const UNSUPPORTED_FIND_OPTIONS = ['min', 'max', 'returnKey', 'showRecordId', 'tailable', 'awaitData', 'oplogReplay'];

export const readCommands: Record<string, CommandHandler> = {
  find: (cmd, ctx) => {
    const name = stringArg(cmd, 'find');
    for (const option of UNSUPPORTED_FIND_OPTIONS) if (cmd[option] !== undefined && cmd[option] !== false) throw notSupported(`The find option '${option}'`);
    assertSimpleCollation(cmd.collation);
    const filter = docArg(cmd, 'filter');
    const variables = letVariables(cmd);
    const skip = numberArg(cmd, 'skip') ?? 0;
    let limit = numberArg(cmd, 'limit') ?? 0;
    let singleBatch = boolArg(cmd, 'singleBatch');
    let batchSize = numberArg(cmd, 'batchSize');
    if (skip < 0) throw badValue('skip value must be non-negative');
    if (batchSize !== undefined && batchSize < 0) throw badValue('batchSize value must be non-negative');
    if (limit < 0) {
      // Legacy negative limit: return |limit| documents in one batch and close the cursor.
      limit = -limit;
      singleBatch = true;
    }
    const project = compileProjection(cmd.projection, filter, variables);
    const collection = ctx.server.storage.collection(ctx.dbName, name);
    const sort = isEmptyDoc(cmd.sort) ? undefined : cmd.sort;
    let docs = run(collection, filter, variables, { sort, limit: limit > 0 ? skip + limit : 0 }).records.map((r) => r.doc);
    if (skip > 0 || limit > 0) docs = docs.slice(skip, limit > 0 ? skip + limit : undefined);
    if (limit > 0) batchSize = Math.min(batchSize ?? 101, limit);
    if (limit > 0 && batchSize !== undefined && batchSize >= limit) singleBatch = true;
    return { ...ctx.server.cursors.open({ ns: `${ctx.dbName}.${name}`, docs, project, batchSize, singleBatch }), ok: 1 };
  },

  getMore: (cmd, ctx) => {
    const id = cmd.getMore;
    if (!(id instanceof Long) && !isNumeric(id)) throw new MongoCommandError('TypeMismatch', "BSON field 'getMore.getMore' is the wrong type, expected type 'long'");
    const collection = stringArg(cmd, 'collection');
    const batchSize = numberArg(cmd, 'batchSize');
    const cursorId = id instanceof Long ? id : Long.fromNumber(toDouble(id));
    return { ...ctx.server.cursors.getMore(cursorId, `${ctx.dbName}.${collection}`, batchSize && batchSize > 0 ? batchSize : undefined), ok: 1 };
  },

  killCursors: (cmd, ctx) => {
    stringArg(cmd, 'killCursors');
    const ids = cmd.cursors;
    if (!Array.isArray(ids)) throw failedToParse("BSON field 'killCursors.cursors' is missing but a required field");
    const { killed, notFound } = ctx.server.cursors.kill(ids.map((id) => (id instanceof Long ? id : Long.fromNumber(toDouble(id)))));
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  },

  count: (cmd, ctx) => {
    const name = stringArg(cmd, 'count');
    assertSimpleCollation(cmd.collation);
    const skip = numberArg(cmd, 'skip') ?? 0;
    const limit = Math.abs(numberArg(cmd, 'limit') ?? 0);
    if (skip < 0) throw badValue('skip value is negative in count query');
    const collection = ctx.server.storage.collection(ctx.dbName, name);
    const query = docArg(cmd, 'query');
    let n: number;
    if (Object.keys(query).length === 0) n = collection?.size ?? 0;
    else n = select(collection, query, undefined, limit > 0 ? skip + limit : Number.POSITIVE_INFINITY).length;
    n = Math.max(n - skip, 0);
    if (limit > 0) n = Math.min(n, limit);
    return { n, ok: 1 };
  },

  distinct: (cmd, ctx) => {
    const name = stringArg(cmd, 'distinct');
    assertSimpleCollation(cmd.collation);
    const key = cmd.key;
    if (typeof key !== 'string' || key === '') throw failedToParse("BSON field 'distinct.key' is missing but a required field");
    const docs = select(ctx.server.storage.collection(ctx.dbName, name), docArg(cmd, 'query'), undefined);
    const seen = new Set<string>();
    const values: unknown[] = [];
    const add = (value: unknown): void => {
      const k = valueKey(value);
      if (seen.has(k)) return;
      seen.add(k);
      values.push(value);
    };
    for (const doc of docs) {
      for (const leaf of leavesAt(doc, key)) {
        if (typeof leaf === 'symbol') continue;
        if (Array.isArray(leaf)) leaf.forEach(add);
        else add(leaf);
      }
    }
    return { values, ok: 1 };
  },

  aggregate: (cmd, ctx) => aggregate(cmd, ctx),
};

function aggregate(cmd: Doc, ctx: CommandContext): Doc {
  const target = cmd.aggregate;
  if (cmd.explain) throw notSupported('aggregate with explain: true (send the explain command instead)');
  if (cmd.cursor === undefined) throw failedToParse("The 'cursor' option is required, except for aggregate with the explain argument");
  assertSimpleCollation(cmd.collation);
  const pipeline = validatePipeline(cmd.pipeline);
  const variables = letVariables(cmd);
  const batchSize = cursorBatchSize(cmd);
  let input: Doc[];
  let stages = pipeline;
  let ns: string;
  if (typeof target === 'string') {
    const collection = ctx.server.storage.collection(ctx.dbName, target);
    ns = `${ctx.dbName}.${target}`;
    const pushed = pushDown(pipeline);
    if (pushed) {
      input = run(collection, pushed.filter, variables, pushed.options).records.map((r) => r.doc);
      stages = pipeline.slice(pushed.consumed);
    } else {
      input = collection?.allDocs() ?? [];
    }
  } else if (isNumeric(target) && toDouble(target) === 1) {
    ns = `${ctx.dbName}.$cmd.aggregate`;
    input = [];
  } else {
    throw new MongoCommandError('InvalidNamespace', "aggregate requires a collection name or 1");
  }
  const storage = ctx.server.storage;
  const results = runPipeline(input, stages, {
    variables,
    resolveCollection: (name) => storage.collection(ctx.dbName, name)?.allDocs() ?? [],
  });
  return { ...ctx.server.cursors.open({ ns, docs: results, batchSize }), ok: 1 };
}

/**
 * The pipeline's leading `$match`, `$sort` and the `$limit` right after a sort,
 * as one query, so they run on an index plan. `$limit` stays in the pipeline
 * (it is a no-op there), the others are consumed.
 */
export function pushDown(pipeline: Doc[]): { filter: Doc; options: QueryOptions; consumed: number } | undefined {
  let i = 0;
  let filter: Doc = {};
  const options: QueryOptions = {};
  if (pipeline[i] && isPlainDoc(pipeline[i].$match)) filter = pipeline[i++].$match as Doc;
  if (pipeline[i] && isPlainDoc(pipeline[i].$sort) && !isEmptyDoc(pipeline[i].$sort)) {
    options.sort = pipeline[i++].$sort;
    const limit = pipeline[i]?.$limit;
    if (isNumeric(limit) && toDouble(limit) > 0) options.limit = toDouble(limit);
  }
  return i === 0 ? undefined : { filter, options, consumed: i };
}
