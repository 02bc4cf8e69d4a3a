/**
 * Aggregation pipelines, run by mingo's Aggregator with two stages replaced:
 * `$match` (our BSON-aware matcher, which also rejects unknown query operators)
 * and `$sort` (BSON order across types). Pipelines are validated up front so an
 * unknown stage or expression operator fails even when there is no input.
 */
import { Aggregator } from 'mingo/aggregator';
import { Context, ProcessingMode } from 'mingo/core';
import { Lazy } from 'mingo/lazy';
import { $group, $project } from 'mingo/operators/pipeline';
import type { Options } from 'mingo/types';
import { badValue, MongoCommandError, notSupported } from './errors';
import { BASE_CONTEXT, hasOperator } from './mingo-context';
import { compileFilter } from './query';
import { parseSortSpec, sortDocuments } from './sort';
import { cloneValue, compareValues, type Doc, idFirst, isPlainDoc } from './values';

type LazyIterator = ReturnType<typeof Lazy>;

const UNSUPPORTED_STAGES = new Set([
  '$out', '$merge', '$changeStream', '$changeStreamSplitLargeEvent', '$collStats', '$indexStats', '$currentOp',
  '$listSessions', '$listLocalSessions', '$planCacheStats', '$geoNear', '$search', '$searchMeta', '$vectorSearch',
  '$listSearchIndexes', '$shardedDataDistribution', '$listSampledQueries', '$queryStats', '$listCatalog', '$documents',
]);

const SCRIPT_OPERATORS = new Set(['$function', '$accumulator', '$where']);

/**
 * `$bucket` as MongoDB defines it: a `$group` on a `$switch` over the boundaries, then a sort
 * on `_id`, so only non-empty buckets are output. (mingo's own version puts values equal to a
 * boundary in the previous bucket and emits empty buckets.)
 */
function bucketAsGroup(coll: LazyIterator, expr: Doc, options: Options): LazyIterator {
  const boundaries = expr.boundaries;
  if (!Array.isArray(boundaries) || boundaries.length < 2) throw badValue("$bucket requires 'boundaries' to be an array of at least two values");
  for (let i = 1; i < boundaries.length; i++) {
    if (compareValues(boundaries[i - 1], boundaries[i]) >= 0) throw badValue("The 'boundaries' option to $bucket must be sorted in ascending order");
  }
  const branches = boundaries.slice(0, -1).map((lower, i) => ({
    case: { $and: [{ $gte: [expr.groupBy, { $literal: lower }] }, { $lt: [expr.groupBy, { $literal: boundaries[i + 1] }] }] },
    then: { $literal: lower },
  }));
  const group: Doc = {
    _id: { $switch: expr.default === undefined ? { branches } : { branches, default: { $literal: expr.default } } },
    ...((expr.output as Doc | undefined) ?? { count: { $sum: 1 } }),
  };
  const grouped = $group(coll, group as Doc & { _id: unknown }, options);
  return grouped.transform((docs) => Lazy(sortDocuments(docs as Doc[], { _id: 1 })));
}

const PIPELINE_CONTEXT = Context.from(
  Context.init({
    pipeline: {
      $match: (coll: LazyIterator, expr: Doc, options: Options) => {
        const matcher = compileFilter(expr, { exprOptions: options });
        return coll.filter((doc) => matcher(doc as Doc));
      },
      $sort: (coll: LazyIterator, spec: Doc, _options: Options) => coll.transform((docs) => Lazy(sortDocuments(docs as Doc[], spec))),
      $bucket: bucketAsGroup,
      // MongoDB keeps `_id` as the first field of $project output; mingo appends it.
      $project: (coll: LazyIterator, expr: Doc, options: Options) => $project(coll, expr, options).map((doc) => idFirst(doc as Doc)),
    },
  }),
  BASE_CONTEXT,
);

function validateExpression(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(validateExpression);
    return;
  }
  if (!isPlainDoc(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('$')) {
      if (key === '$literal') continue;
      if (key === '$meta') throw notSupported(`The expression { $meta: ${JSON.stringify(inner)} }`);
      if (SCRIPT_OPERATORS.has(key)) throw notSupported(`The server-side JavaScript operator ${key}`);
      if (!hasOperator('expression', key) && !hasOperator('accumulator', key) && !hasOperator('window', key)) {
        throw new MongoCommandError('InvalidPipelineOperator', `Invalid expression :: caused by :: Unrecognized expression '${key}'`);
      }
    }
    validateExpression(inner);
  }
}

export function validatePipeline(pipeline: unknown): Doc[] {
  if (!Array.isArray(pipeline)) throw new MongoCommandError('TypeMismatch', "'pipeline' option must be specified as an array");
  for (const stage of pipeline) {
    if (!isPlainDoc(stage) || Object.keys(stage).length !== 1) {
      throw new MongoCommandError('Location40323', 'A pipeline stage specification object must contain exactly one field.');
    }
    const name = Object.keys(stage)[0];
    const arg = stage[name];
    if (UNSUPPORTED_STAGES.has(name)) throw notSupported(`The aggregation stage ${name}`);
    if (!hasOperator('pipeline', name)) {
      throw new MongoCommandError('Location40324', `Unrecognized pipeline stage name: '${name}'`);
    }
    switch (name) {
      case '$match':
        if (!isPlainDoc(arg)) throw badValue('the match filter must be an expression in an object');
        compileFilter(arg);
        break;
      case '$sort':
        parseSortSpec(arg);
        break;
      case '$lookup':
      case '$unionWith':
        if (isPlainDoc(arg)) {
          if (arg.pipeline !== undefined) validatePipeline(arg.pipeline);
          validateExpression(arg.let);
        }
        break;
      case '$unwind': {
        const path = isPlainDoc(arg) ? arg.path : arg;
        if (typeof path !== 'string' || !path.startsWith('$')) {
          throw new MongoCommandError('Location28818', `path option to $unwind stage should be prefixed with a '$': ${String(path)}`);
        }
        break;
      }
      case '$group':
        if (!isPlainDoc(arg) || !('_id' in arg)) throw new MongoCommandError('Location15955', 'a group specification must include an _id');
        validateExpression(arg);
        break;
      case '$project':
        if (!isPlainDoc(arg) || Object.keys(arg).length === 0) {
          throw new MongoCommandError('Location51272', 'Invalid $project :: caused by :: projection specification must have at least one field');
        }
        validateExpression(arg);
        break;
      case '$facet':
        if (!isPlainDoc(arg)) throw badValue('$facet requires an object');
        for (const sub of Object.values(arg)) validatePipeline(sub);
        break;
      case '$graphLookup':
        if (isPlainDoc(arg) && isPlainDoc(arg.restrictSearchWithMatch)) compileFilter(arg.restrictSearchWithMatch);
        break;
      default:
        validateExpression(arg);
    }
  }
  return pipeline as Doc[];
}

export interface PipelineOptions {
  variables?: Doc;
  /** Resolves `from`/`coll` names of `$lookup`, `$graphLookup`, `$unionWith` within the same database. */
  resolveCollection?: (name: string) => Doc[];
}

/** Runs a validated pipeline; input documents are cloned, so stored state is never touched. */
export function runPipeline(input: Doc[], pipeline: Doc[], options: PipelineOptions = {}): Doc[] {
  validatePipeline(pipeline);
  const cache = new Map<string, Doc[]>();
  const aggregator = new Aggregator(pipeline, {
    context: PIPELINE_CONTEXT,
    processingMode: ProcessingMode.CLONE_INPUT,
    variables: options.variables,
    useStrictMode: true,
    // Needed by mingo's $setWindowFields internally; client-sent $function/$accumulator are rejected in validation.
    scriptEnabled: true,
    collectionResolver: (name: string) => {
      let docs = cache.get(name);
      if (!docs) {
        docs = (options.resolveCollection?.(name) ?? []).map(cloneValue);
        cache.set(name, docs);
      }
      return docs;
    },
  });
  return aggregator.run(input) as Doc[];
}
