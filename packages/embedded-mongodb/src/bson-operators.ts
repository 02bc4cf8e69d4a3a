/**
 * Aggregation operators whose mingo versions only understand JS numbers: with them,
 * `$sum` of Int64 values silently gave 0 and `$max` ordered Longs as strings. These
 * replacements follow BSON numeric promotion and MongoDB's comparison order.
 */
import { evalExpr } from 'mingo/core';
import { $push } from 'mingo/operators/accumulator';
import type { Options } from 'mingo/types';
import { Decimal128 } from 'bson';
import { MongoCommandError } from './errors';
import { addNumbers, bsonTypeName, compareValues, isNumeric, multiplyNumbers, numberKind, toDouble } from './values';

type Accumulator = (collection: unknown[], expr: unknown, options: Options) => unknown;
type Expression = (obj: unknown, expr: unknown, options: Options) => unknown;

/**
 * The values an accumulator works on: per-document evaluations (mingo's $push rebinds
 * `$$ROOT` to each document), or the values themselves in the expression form.
 */
function accumulated(collection: unknown[], expr: unknown, options: Options): unknown[] {
  if (expr === null || expr === undefined) return collection;
  return $push(collection as Record<string, unknown>[], expr, options) as unknown[];
}

function sumOf(values: unknown[]): unknown {
  let total: unknown = 0;
  for (const value of values) {
    if (!isNumeric(value)) continue;
    // An Int64 overflow degrades to a double, as MongoDB's $sum does.
    total = addNumbers(total, value) ?? toDouble(total) + toDouble(value);
  }
  return total;
}

function extreme(values: unknown[], sign: 1 | -1): unknown {
  let best: unknown = null;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    if (best === null || compareValues(value, best) * sign > 0) best = value;
  }
  return best;
}

export const bsonAccumulators: Record<string, Accumulator> = {
  $sum: (collection, expr, options) => {
    if (isNumeric(expr)) return multiplyNumbers(collection.length, expr) ?? collection.length * toDouble(expr);
    return sumOf(accumulated(collection, expr, options));
  },
  $avg: (collection, expr, options) => {
    const numbers = accumulated(collection, expr, options).filter(isNumeric);
    if (numbers.length === 0) return null;
    const mean = numbers.reduce<number>((acc, v) => acc + toDouble(v), 0) / numbers.length;
    return numbers.some((v) => numberKind(v) === 'decimal') ? Decimal128.fromString(String(mean)) : mean;
  },
  $max: (collection, expr, options) => extreme(accumulated(collection, expr, options), 1),
  $min: (collection, expr, options) => extreme(accumulated(collection, expr, options), -1),
};

function args(obj: unknown, expr: unknown, options: Options, name: string, count?: number): unknown[] {
  const values = evalExpr(obj, expr, options);
  const list = Array.isArray(values) ? values : [values];
  if (count !== undefined && list.length !== count) {
    throw new MongoCommandError('Location16020', `Expression ${name} takes exactly ${count} arguments. ${list.length} were passed in.`);
  }
  return list;
}

const isNullish = (v: unknown): boolean => v === null || v === undefined;

function typeError(name: string, value: unknown): MongoCommandError {
  return new MongoCommandError('TypeMismatch', `${name} only supports numeric types, not ${bsonTypeName(value)}`);
}

/** In expressions a missing field is "undefined", which sorts below null (unlike in queries, where it equals null). */
function compareWithMissing(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return compareValues(a, b);
}

function compareExpression(test: (c: number) => boolean): Expression {
  return (obj, expr, options) => {
    const [a, b] = args(obj, expr, options, 'comparison', 2);
    return test(compareWithMissing(a, b));
  };
}

export const bsonExpressions: Record<string, Expression> = {
  $add: (obj, expr, options) => {
    const values = args(obj, expr, options, '$add');
    if (values.some(isNullish)) return null;
    let dates = 0;
    let total: unknown = 0;
    for (const value of values) {
      if (value instanceof Date) {
        dates++;
        total = addNumbers(total, value.getTime());
      } else if (isNumeric(value)) {
        total = addNumbers(total, value) ?? toDouble(total) + toDouble(value);
      } else {
        throw new MongoCommandError('TypeMismatch', `$add only supports numeric or date types, not ${bsonTypeName(value)}`);
      }
    }
    if (dates > 1) throw new MongoCommandError('Location16612', 'only one date allowed in an $add expression');
    return dates === 1 ? new Date(toDouble(total)) : total;
  },
  $subtract: (obj, expr, options) => {
    const [a, b] = args(obj, expr, options, '$subtract', 2);
    if (isNullish(a) || isNullish(b)) return null;
    if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
    if (a instanceof Date && isNumeric(b)) return new Date(a.getTime() - toDouble(b));
    if (!isNumeric(a) || !isNumeric(b)) {
      throw new MongoCommandError('TypeMismatch', `can't $subtract ${bsonTypeName(b)} from ${bsonTypeName(a)}`);
    }
    const negated = multiplyNumbers(b, -1) ?? -toDouble(b);
    return addNumbers(a, negated) ?? toDouble(a) - toDouble(b);
  },
  $multiply: (obj, expr, options) => {
    const values = args(obj, expr, options, '$multiply');
    if (values.some(isNullish)) return null;
    let product: unknown = 1;
    for (const value of values) {
      if (!isNumeric(value)) throw typeError('$multiply', value);
      product = multiplyNumbers(product, value) ?? toDouble(product) * toDouble(value);
    }
    return product;
  },
  $divide: (obj, expr, options) => {
    const [a, b] = args(obj, expr, options, '$divide', 2);
    if (isNullish(a) || isNullish(b)) return null;
    if (!isNumeric(a) || !isNumeric(b)) throw typeError('$divide', isNumeric(a) ? b : a);
    if (toDouble(b) === 0) throw new MongoCommandError('BadValue', "can't $divide by zero");
    const quotient = toDouble(a) / toDouble(b);
    return numberKind(a) === 'decimal' || numberKind(b) === 'decimal' ? Decimal128.fromString(String(quotient)) : quotient;
  },
  $eq: compareExpression((c) => c === 0),
  $ne: compareExpression((c) => c !== 0),
  $gt: compareExpression((c) => c > 0),
  $gte: compareExpression((c) => c >= 0),
  $lt: compareExpression((c) => c < 0),
  $lte: compareExpression((c) => c <= 0),
  $cmp: (obj, expr, options) => {
    const [a, b] = args(obj, expr, options, '$cmp', 2);
    return Math.sign(compareWithMissing(a, b));
  },
};
