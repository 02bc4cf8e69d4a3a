/**
 * Aggregation pipelines, run by mingo's Aggregator with two stages replaced:
 * `$match` (our BSON-aware matcher, which also rejects unknown query operators)
 * and `$sort` (BSON order across types). Pipelines are validated up front so an
 * unknown stage or expression operator fails even when there is no input.
 */
import { Aggregator } from 'mingo/aggregator';
import { Context, ProcessingMode } from 'mingo/core';
import { Lazy } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import { badValue, MongoCommandError, notSupported } from './errors';
import { BASE_CONTEXT, hasOperator } from './mingo-context';
import { compileFilter } from './query';
import { parseSortSpec, sortDocuments } from './sort';
import { cloneValue, type Doc, isPlainDoc } from './values';

type LazyIterator = ReturnType<typeof Lazy>;

const UNSUPPORTED_STAGES = new Set([
  '$out', '$merge', '$changeStream', '$changeStreamSplitLargeEvent', '$collStats', '$indexStats', '$currentOp',
  '$listSessions', '$listLocalSessions', '$planCacheStats', '$geoNear', '$search', '$searchMeta', '$vectorSearch',
  '$listSearchIndexes', '$shardedDataDistribution', '$listSampledQueries', '$queryStats', '$listCatalog', '$documents',
]);

const PIPELINE_CONTEXT = Context.from(
  Context.init({
    pipeline: {
      $match: (coll: LazyIterator, expr: Doc, options: Options) => {
        const matcher = compileFilter(expr, { exprOptions: options });
        return coll.filter((doc) => matcher(doc as Doc));
      },
      $sort: (coll: LazyIterator, spec: Doc) => coll.transform((docs) => Lazy(sortDocuments(docs as Doc[], spec))),
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
    scriptEnabled: false,
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
