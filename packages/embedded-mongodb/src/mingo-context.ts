/**
 * The mingo operator set used for aggregation expressions (`$expr`, pipeline
 * stages, pipeline-style updates, computed projections). Stages whose semantics
 * depend on BSON comparison ($match, $sort) are overridden in aggregate.ts.
 */
import { Context, OpType, ProcessingMode } from 'mingo/core';
import { bsonAccumulators, bsonExpressions } from './bson-operators';
import { regexExpressions } from './regex-operators';
import type { Options } from 'mingo/types';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';

const MINGO_CONTEXT = Context.init({
  accumulator: { ...accumulatorOperators },
  expression: { ...expressionOperators },
  pipeline: { ...pipelineOperators },
  projection: { ...projectionOperators },
  query: { ...queryOperators },
  window: { ...windowOperators },
});

type OperatorSets = NonNullable<Parameters<typeof Context.init>[0]>;
type AccumulatorOps = NonNullable<OperatorSets['accumulator']>;
type ExpressionOps = NonNullable<OperatorSets['expression']>;

/** mingo's operators, with the numeric and comparison ones replaced by BSON-aware versions and the regex ones by linear-time versions. */
export const BASE_CONTEXT = Context.from(
  Context.init({
    accumulator: bsonAccumulators as unknown as AccumulatorOps,
    expression: { ...bsonExpressions, ...regexExpressions } as unknown as ExpressionOps,
  }),
  MINGO_CONTEXT,
);

const OP_TYPES = {
  accumulator: OpType.ACCUMULATOR,
  expression: OpType.EXPRESSION,
  pipeline: OpType.PIPELINE,
  query: OpType.QUERY,
  window: OpType.WINDOW,
} as const;

export function hasOperator(kind: keyof typeof OP_TYPES, name: string): boolean {
  return BASE_CONTEXT.getOperator(OP_TYPES[kind], name) !== null;
}

/** Options for evaluating a standalone aggregation expression (e.g. `$expr` in a find filter). */
export function exprOptions(variables?: Record<string, unknown>): Partial<Options> {
  return {
    context: BASE_CONTEXT,
    processingMode: ProcessingMode.CLONE_OFF,
    variables,
    useStrictMode: true,
    scriptEnabled: false,
  };
}
