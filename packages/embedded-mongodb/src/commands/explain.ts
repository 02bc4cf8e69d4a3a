/**
 * `explain`: the plan a find, aggregate, count, distinct, findAndModify, update or
 * delete runs, in the shape MongoDB answers with (`queryPlanner.winningPlan` as a
 * tree of stages: IDHACK, IXSCAN under FETCH, COLLSCAN, SORT, LIMIT, SKIP, ...).
 * The read part of the command runs (writes never do) so that `executionStats`
 * can say how many keys and documents the plan examined.
 */
import os from 'node:os';
import { badValue, failedToParse, MongoCommandError } from '../errors';
import { type FieldBound, pointPrefixes } from '../indexes';
import { validatePipeline } from '../aggregate';
import { type Doc, formatValue, isNumeric, isPlainDoc, toDouble } from '../values';
import type { QueryOptions, QueryResult } from '../storage';
import { ENGINE_VERSION } from './admin';
import { type CommandHandler, docArg, letVariables, stringArg } from './context';
import { pushDown, run } from './read';

const VERBOSITIES = new Set(['queryPlanner', 'executionStats', 'allPlansExecution']);

interface Explained {
  collection: string;
  filter: Doc;
  options: QueryOptions;
  skip: number;
  projection?: Doc;
  /** Aggregation stages left after the leading ones ran as the query. */
  stages?: Doc[];
}

export const explainCommands: Record<string, CommandHandler> = {
  explain: (cmd, ctx) => {
    const inner = cmd.explain;
    if (!isPlainDoc(inner)) throw failedToParse("BSON field 'explain.explain' is missing but a required field");
    const verbosity = cmd.verbosity ?? 'allPlansExecution';
    if (typeof verbosity !== 'string' || !VERBOSITIES.has(verbosity)) throw badValue(`verbosity string must be one of {'queryPlanner', 'executionStats', 'allPlansExecution'}`);
    const what = describe(inner);
    const started = Date.now();
    const result = run(ctx.server.storage.collection(ctx.dbName, what.collection), what.filter, letVariables(inner), what.options);
    const queryPlanner = {
      namespace: `${ctx.dbName}.${what.collection}`,
      indexFilterSet: false,
      parsedQuery: what.filter,
      winningPlan: winningPlan(what, result),
      rejectedPlans: [],
    };
    const executionStats =
      verbosity === 'queryPlanner'
        ? undefined
        : {
            executionSuccess: true,
            nReturned: Math.max(0, result.records.length - what.skip),
            executionTimeMillis: Date.now() - started,
            totalKeysExamined: result.keysExamined,
            totalDocsExamined: result.docsExamined,
            executionStages: queryPlanner.winningPlan,
          };
    const planned = executionStats ? { queryPlanner, executionStats } : { queryPlanner };
    const body = what.stages && what.stages.length > 0 ? { stages: [{ $cursor: planned }, ...what.stages] } : planned;
    return {
      explainVersion: '1',
      ...body,
      command: inner,
      serverInfo: { host: os.hostname(), port: 0, version: ENGINE_VERSION, gitVersion: 'waypoint-embedded' },
      ok: 1,
    };
  },
};

/** The query part of the explained command. */
function describe(inner: Doc): Explained {
  const name = Object.keys(inner)[0];
  switch (name) {
    case 'find': {
      const limit = Math.abs(isNumeric(inner.limit) ? toDouble(inner.limit) : 0);
      const skip = isNumeric(inner.skip) ? toDouble(inner.skip) : 0;
      const sort = isPlainDoc(inner.sort) && Object.keys(inner.sort).length > 0 ? inner.sort : undefined;
      const projection = isPlainDoc(inner.projection) && Object.keys(inner.projection).length > 0 ? inner.projection : undefined;
      return { collection: stringArg(inner, 'find'), filter: docArg(inner, 'filter'), options: { sort, limit: limit > 0 ? skip + limit : 0 }, skip, projection };
    }
    case 'aggregate': {
      if (typeof inner.aggregate !== 'string') throw new MongoCommandError('InvalidNamespace', 'explain of aggregate needs a collection name');
      const pipeline = validatePipeline(inner.pipeline);
      const pushed = pushDown(pipeline);
      return {
        collection: inner.aggregate,
        filter: pushed?.filter ?? {},
        options: pushed?.options ?? {},
        skip: 0,
        stages: pipeline.slice(pushed?.consumed ?? 0).filter((s) => !(pushed?.options.limit !== undefined && s === pipeline[pushed.consumed] && '$limit' in s)),
      };
    }
    case 'count':
      return { collection: stringArg(inner, 'count'), filter: docArg(inner, 'query'), options: {}, skip: 0 };
    case 'distinct':
      return { collection: stringArg(inner, 'distinct'), filter: docArg(inner, 'query'), options: {}, skip: 0 };
    case 'findAndModify':
      return { collection: stringArg(inner, 'findAndModify'), filter: docArg(inner, 'query'), options: { sort: inner.sort, limit: 1 }, skip: 0 };
    case 'update': {
      const [first] = Array.isArray(inner.updates) ? (inner.updates as Doc[]) : [];
      if (!isPlainDoc(first)) throw failedToParse("BSON field 'update.updates' is missing but a required field");
      return { collection: stringArg(inner, 'update'), filter: docArg(first, 'q'), options: { sort: first.sort, limit: first.multi === true ? 0 : 1 }, skip: 0 };
    }
    case 'delete': {
      const [first] = Array.isArray(inner.deletes) ? (inner.deletes as Doc[]) : [];
      if (!isPlainDoc(first)) throw failedToParse("BSON field 'delete.deletes' is missing but a required field");
      return { collection: stringArg(inner, 'delete'), filter: docArg(first, 'q'), options: { limit: isNumeric(first.limit) ? toDouble(first.limit) : 0 }, skip: 0 };
    }
    default:
      throw new MongoCommandError('CommandNotFound', `Explain failed due to unknown command: ${String(name)}`);
  }
}

/** The stage tree, innermost first: the access (IDHACK, FETCH over IXSCAN, COLLSCAN), then SORT or LIMIT, SKIP, PROJECTION. */
function winningPlan(what: Explained, result: QueryResult): Doc {
  const { plan } = result;
  const filter = Object.keys(what.filter).length > 0 ? { filter: what.filter } : {};
  let stage: Doc;
  if (plan.stage === 'IDHACK') {
    stage = { stage: 'IDHACK' };
  } else if (plan.stage === 'COLLSCAN' || !plan.index) {
    stage = { stage: 'COLLSCAN', ...filter, direction: 'forward' };
  } else {
    const index = plan.index;
    const keyPattern = index.spec.key as Doc;
    const ixscan = (bounds: FieldBound[]): Doc => ({
      stage: 'IXSCAN',
      keyPattern,
      indexName: index.name,
      isMultiKey: index.multikey.size > 0,
      multiKeyPaths: Object.fromEntries(index.fields.map((f, i) => [f, index.multikey.has(i) ? [f] : []])),
      isUnique: index.unique,
      isSparse: index.sparse,
      isPartial: false,
      indexVersion: 2,
      direction: plan.reverse ? 'backward' : 'forward',
      indexBounds: Object.fromEntries(index.fields.map((f, i) => [f, renderBound(bounds[i])])),
    });
    // A merged plan is one scan per combination of `$in` values, merged in sort order.
    const access = plan.merge
      ? { stage: 'SORT_MERGE', sortPattern: what.options.sort, inputStages: pointPrefixes(plan.bounds, index.directions).map((prefix) => ixscan(prefix.map((v) => ({ points: [v] })))) }
      : ixscan(plan.bounds);
    stage = { stage: 'FETCH', ...filter, inputStage: access };
  }
  const limit = what.options.limit ?? 0;
  if (what.options.sort !== undefined && !plan.sorted) {
    stage = { stage: 'SORT', sortPattern: what.options.sort, memLimit: 104857600, ...(limit > 0 && { limitAmount: limit }), type: 'simple', inputStage: stage };
  } else if (limit > 0) {
    stage = { stage: 'LIMIT', limitAmount: limit, inputStage: stage };
  }
  if (what.skip > 0) stage = { stage: 'SKIP', skipAmount: what.skip, inputStage: stage };
  if (what.projection) stage = { stage: 'PROJECTION_DEFAULT', transformBy: what.projection, inputStage: stage };
  return stage;
}

function renderBound(bound: FieldBound | undefined): string[] {
  if (!bound) return ['[MinKey, MaxKey]'];
  if ('points' in bound) return bound.points.map((v) => `[${formatValue(v)}, ${formatValue(v)}]`);
  const { low, lowInclusive, high, highInclusive } = bound.range;
  return [`${lowInclusive ? '[' : '('}${low === undefined ? 'MinKey' : formatValue(low)}, ${high === undefined ? 'MaxKey' : formatValue(high)}${highInclusive ? ']' : ')'}`];
}

