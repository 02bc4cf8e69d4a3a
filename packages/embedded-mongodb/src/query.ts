/**
 * MongoDB query predicates over stored documents.
 *
 * Written here rather than delegated to mingo's Query because matching must follow
 * BSON comparison (Long/Decimal128/ObjectId ordering, numeric equality across
 * types, type bracketing) and must reject every operator it does not implement.
 * Aggregation expressions inside `$expr` are evaluated by mingo.
 */
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { badValue, MongoCommandError, notSupported } from './errors';
import { exprOptions } from './mingo-context';
import { compileRegex, isRegex, type LinearRegex } from './regex';
import {
  BSON_TYPE_ALIASES, bsonTypeNumber, compareObjectIds, compareValues, type Doc, isNumeric, isObjectId, isPlainDoc, isTruthy, toDouble,
  typeRank, TypeRank, valueKey, valuesEqual,
} from './values';

export type Matcher = (doc: Doc) => boolean;

export interface FilterOptions {
  /** mingo options carrying variables (`let`, `$lookup` bindings) for `$expr`. */
  exprOptions?: Partial<Options>;
}

const MISSING = Symbol('missing');
type Leaf = unknown; // a value, or MISSING
type FieldPredicate = (leaves: Leaf[]) => boolean;

const UNSUPPORTED_TOP_LEVEL = new Set(['$where', '$text', '$jsonSchema', '$sampleRate']);
const UNSUPPORTED_FIELD_OPS = new Set([
  '$near', '$nearSphere', '$geoWithin', '$geoIntersects', '$within', '$bitsAllSet', '$bitsAnySet', '$bitsAllClear',
  '$bitsAnyClear', '$center', '$centerSphere', '$box', '$polygon', '$maxDistance', '$minDistance', '$geometry',
]);

/** Values at a dotted path, following MongoDB's implicit traversal of arrays. */
function collectLeaves(value: unknown, parts: string[], index: number, out: Leaf[]): void {
  if (index === parts.length) {
    out.push(value);
    return;
  }
  const part = parts[index];
  if (Array.isArray(value)) {
    const before = out.length;
    if (/^\d+$/.test(part)) {
      const position = Number(part);
      if (position < value.length) collectLeaves(value[position], parts, index + 1, out);
    }
    for (const element of value) {
      if (isPlainDoc(element)) collectLeaves(element, parts, index, out);
    }
    if (out.length === before) out.push(MISSING);
    return;
  }
  if (isPlainDoc(value) && Object.prototype.hasOwnProperty.call(value, part)) {
    collectLeaves(value[part], parts, index + 1, out);
    return;
  }
  out.push(MISSING);
}

export function leavesAt(doc: Doc, path: string): Leaf[] {
  return leavesAtParts(doc, path.split('.'));
}

/** `leavesAt` for a path already split at its dots (callers that ask for the same path per document). */
export function leavesAtParts(doc: Doc, parts: string[]): Leaf[] {
  const out: Leaf[] = [];
  collectLeaves(doc, parts, 0, out);
  return out;
}

/**
 * Whether `test` holds for a leaf or, for array leaves, one of their elements (one
 * level), as equality and comparisons see them; in that order, without building the list.
 */
function someExpanded(leaves: Leaf[], test: (v: Leaf) => boolean): boolean {
  for (const leaf of leaves) {
    if (test(leaf)) return true;
    if (Array.isArray(leaf)) for (const element of leaf) if (test(element)) return true;
  }
  return false;
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && (value as { _bsontype?: string })._bsontype === 'BSONSymbol') {
    return String((value as { value: unknown }).value);
  }
  return undefined;
}

function regexPredicate(re: LinearRegex): FieldPredicate {
  return (leaves) =>
    someExpanded(leaves, (v) => {
      const s = stringValue(v);
      if (s !== undefined) return re.test(s);
      return isRegex(v) && valuesEqual(v, re.bson);
    });
}

function equalityPredicate(operand: unknown): FieldPredicate {
  if (operand === null) {
    return (leaves) => someExpanded(leaves, (v) => v === MISSING || v === null || v === undefined);
  }
  const key = valueKey(operand);
  const rank = typeRank(operand);
  const same = (v: Leaf): boolean => v !== MISSING && typeRank(v) === rank && valueKey(v) === key;
  // The same answers without building keys for the common operands: strings and ObjectIds.
  if (typeof operand === 'string') return (leaves) => someExpanded(leaves, (v) => (typeof v === 'string' ? v === operand : same(v)));
  if (isObjectId(operand)) return (leaves) => someExpanded(leaves, (v) => (isObjectId(v) ? compareObjectIds(v, operand) === 0 : same(v)));
  return (leaves) => someExpanded(leaves, same);
}

function inPredicate(operand: unknown, op: string): FieldPredicate {
  if (!Array.isArray(operand)) throw badValue(`${op} needs an array`);
  const keys = new Set<string>();
  /** Plain string operands, so a string leaf is looked up as itself rather than by its key. */
  const strings = new Set<string>();
  let stringKeyed = false;
  const regexes: LinearRegex[] = [];
  let matchesNull = false;
  for (const item of operand) {
    if (isRegex(item)) regexes.push(compileRegex(item));
    else if (isPlainDoc(item) && Object.keys(item).some((k) => k.startsWith('$'))) throw badValue('cannot nest $ under $in');
    else if (item === null) matchesNull = true;
    else {
      keys.add(valueKey(item));
      if (typeof item === 'string') strings.add(item);
      else if (typeRank(item) === TypeRank.String) stringKeyed = true; // a BSON symbol: compare by key
    }
  }
  return (leaves) =>
    someExpanded(leaves, (v) => {
      if (v === MISSING || v === null || v === undefined) return matchesNull;
      if (typeof v === 'string' && !stringKeyed) {
        if (strings.has(v)) return true;
      } else if (keys.has(valueKey(v))) return true;
      if (regexes.length === 0) return false;
      const s = stringValue(v);
      return s !== undefined && regexes.some((re) => re.test(s));
    });
}

function comparisonPredicate(op: '$gt' | '$gte' | '$lt' | '$lte', operand: unknown): FieldPredicate {
  const accept = (c: number): boolean => (op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0);
  if (isRegex(operand)) return regexPredicate(compileRegex(operand));
  const rank = typeRank(operand);
  // MinKey/MaxKey bound every type; everything else only compares within its own type bracket.
  const crossType = rank === TypeRank.MinKey || rank === TypeRank.MaxKey;
  if (rank === TypeRank.Null) {
    const inclusive = op === '$gte' || op === '$lte';
    return (leaves) => inclusive && someExpanded(leaves, (v) => v === MISSING || v === null || v === undefined);
  }
  // NaN sorts below every number, but MongoDB's comparisons treat it apart: it is only
  // "equal" to itself ($gte/$lte), never below or above anything.
  const isNaNValue = (v: unknown): boolean => isNumeric(v) && Number.isNaN(toDouble(v));
  const operandNaN = isNaNValue(operand);
  const orEqual = op === '$gte' || op === '$lte';
  return (leaves) =>
    someExpanded(leaves, (v) => {
      if (v === MISSING) return false;
      if (!crossType && typeRank(v) !== rank) return false;
      if (rank === TypeRank.Number && (operandNaN || isNaNValue(v))) return orEqual && operandNaN && isNaNValue(v);
      return accept(compareValues(v, operand));
    });
}

function typePredicate(operand: unknown): FieldPredicate {
  const wanted = (Array.isArray(operand) ? operand : [operand]).map((t) => {
    if (t === 'number') return 'number';
    if (typeof t === 'string') {
      if (!(t in BSON_TYPE_ALIASES)) throw badValue(`Unknown type name alias: ${t}`);
      return BSON_TYPE_ALIASES[t];
    }
    if (isNumeric(t)) return toDouble(t);
    throw new MongoCommandError('TypeMismatch', 'type must be represented as a number or a string');
  });
  const matches = (v: unknown): boolean => {
    if (v === MISSING) return false;
    const n = bsonTypeNumber(v);
    return wanted.some((w) => (w === 'number' ? isNumeric(v) : w === n));
  };
  return (leaves) => someExpanded(leaves, matches);
}

function modPredicate(operand: unknown): FieldPredicate {
  if (!Array.isArray(operand) || operand.length < 2) throw badValue('malformed mod, not enough elements');
  if (operand.length > 2) throw badValue('malformed mod, too many elements');
  if (!isNumeric(operand[0]) || !isNumeric(operand[1])) throw badValue('malformed mod, divisor and remainder must be numbers');
  const divisor = Math.trunc(toDouble(operand[0]));
  const remainder = Math.trunc(toDouble(operand[1]));
  if (divisor === 0) throw badValue('divisor cannot be 0');
  return (leaves) => someExpanded(leaves, (v) => v !== MISSING && isNumeric(v) && Math.trunc(toDouble(v)) % divisor === remainder);
}

export function isOperatorDoc(value: unknown): value is Doc {
  if (!isPlainDoc(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys[0].startsWith('$') && !('$ref' in value && '$id' in value);
}

function elemMatchPredicate(operand: unknown, options: FilterOptions): FieldPredicate {
  if (!isPlainDoc(operand)) throw badValue('$elemMatch needs an Object');
  const keys = Object.keys(operand);
  const valueForm = keys.length > 0 && keys.every((k) => k.startsWith('$') && !['$and', '$or', '$nor', '$expr', '$where'].includes(k));
  if (valueForm) {
    const predicate = compileFieldOps(operand, options);
    return (leaves) => leaves.some((leaf) => Array.isArray(leaf) && leaf.some((element) => predicate([element])));
  }
  const matcher = compileFilter(operand, options);
  return (leaves) => leaves.some((leaf) => Array.isArray(leaf) && leaf.some((element) => isPlainDoc(element) && matcher(element)));
}

function allPredicate(operand: unknown, options: FilterOptions): FieldPredicate {
  if (!Array.isArray(operand)) throw badValue('$all needs an array');
  if (operand.length === 0) return () => false;
  const parts = operand.map((item): FieldPredicate => {
    if (isPlainDoc(item) && Object.keys(item)[0] === '$elemMatch') return elemMatchPredicate(item.$elemMatch, options);
    if (isOperatorDoc(item)) throw badValue('no $ expressions in $all');
    return isRegex(item) ? regexPredicate(compileRegex(item)) : equalityPredicate(item);
  });
  return (leaves) => parts.every((p) => p(leaves));
}

function compileFieldOps(spec: Doc, options: FilterOptions): FieldPredicate {
  const predicates: FieldPredicate[] = [];
  const keys = Object.keys(spec);
  for (const op of keys) {
    const operand = spec[op];
    switch (op) {
      case '$eq':
        predicates.push(isRegex(operand) ? (leaves) => someExpanded(leaves, (v) => isRegex(v) && valuesEqual(v, operand)) : equalityPredicate(operand));
        break;
      case '$ne': {
        if (isRegex(operand)) throw badValue("Can't have regex as arg to $ne.");
        const eq = equalityPredicate(operand);
        predicates.push((leaves) => !eq(leaves));
        break;
      }
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        predicates.push(comparisonPredicate(op, operand));
        break;
      case '$in':
        predicates.push(inPredicate(operand, op));
        break;
      case '$nin': {
        const inp = inPredicate(operand, op);
        predicates.push((leaves) => !inp(leaves));
        break;
      }
      case '$exists': {
        const want = isTruthy(operand);
        predicates.push((leaves) => leaves.some((v) => v !== MISSING) === want);
        break;
      }
      case '$type':
        predicates.push(typePredicate(operand));
        break;
      case '$size': {
        if (!isNumeric(operand)) throw badValue('$size needs a number');
        const size = toDouble(operand);
        if (!Number.isInteger(size) || size < 0) throw badValue('$size may only be specified as a non-negative integer');
        predicates.push((leaves) => leaves.some((v) => Array.isArray(v) && v.length === size));
        break;
      }
      case '$all':
        predicates.push(allPredicate(operand, options));
        break;
      case '$elemMatch':
        predicates.push(elemMatchPredicate(operand, options));
        break;
      case '$regex':
        predicates.push(regexPredicate(compileRegex(operand, typeof spec.$options === 'string' ? spec.$options : '')));
        break;
      case '$options':
        if (!('$regex' in spec)) throw badValue('$options needs a $regex');
        break;
      case '$mod':
        predicates.push(modPredicate(operand));
        break;
      case '$not': {
        let inner: FieldPredicate;
        if (isRegex(operand)) inner = regexPredicate(compileRegex(operand));
        else if (isPlainDoc(operand) && Object.keys(operand).length > 0 && isOperatorDoc(operand)) inner = compileFieldOps(operand, options);
        else throw badValue('$not needs a regex or a document');
        predicates.push((leaves) => !inner(leaves));
        break;
      }
      case '$comment':
        break;
      default:
        if (UNSUPPORTED_FIELD_OPS.has(op)) throw notSupported(`The query operator ${op}`);
        throw badValue(`unknown operator: ${op}`);
    }
  }
  if (predicates.length === 1) return predicates[0];
  return (leaves) => predicates.every((p) => p(leaves));
}

function compileLogical(op: string, operand: unknown, options: FilterOptions): Matcher {
  if (!Array.isArray(operand) || operand.length === 0) throw badValue(`${op} must be a nonempty array`);
  const matchers = operand.map((clause) => {
    if (!isPlainDoc(clause)) throw badValue(`${op} argument's entries must be objects`);
    return compileFilter(clause, options);
  });
  if (op === '$and') return (doc) => matchers.every((m) => m(doc));
  if (op === '$or') return (doc) => matchers.some((m) => m(doc));
  return (doc) => !matchers.some((m) => m(doc));
}

/** Compiles a query filter; throws a MongoDB-shaped error naming any operator it does not support. */
export function compileFilter(filter: Doc, options: FilterOptions = {}): Matcher {
  const matchers: Matcher[] = [];
  for (const key of Object.keys(filter)) {
    const value = filter[key];
    if (key.startsWith('$')) {
      switch (key) {
        case '$and':
        case '$or':
        case '$nor':
          matchers.push(compileLogical(key, value, options));
          break;
        case '$expr': {
          const opts = options.exprOptions ?? exprOptions();
          matchers.push((doc) => isTruthy(evalExpr(doc, value, opts as Options)));
          break;
        }
        case '$comment':
          break;
        default:
          if (UNSUPPORTED_TOP_LEVEL.has(key)) throw notSupported(`The query operator ${key}`);
          throw badValue(`unknown top level operator: ${key}`);
      }
      continue;
    }
    let predicate: FieldPredicate;
    if (isOperatorDoc(value)) predicate = compileFieldOps(value, options);
    else if (isRegex(value)) predicate = regexPredicate(compileRegex(value));
    else predicate = equalityPredicate(value);
    const parts = key.split('.');
    matchers.push((doc) => {
      const out: Leaf[] = [];
      collectLeaves(doc, parts, 0, out);
      return predicate(out);
    });
  }
  if (matchers.length === 0) return () => true;
  if (matchers.length === 1) return matchers[0];
  return (doc) => matchers.every((m) => m(doc));
}

/**
 * Top-level equality constraints of a filter (plain values, `$eq`, `$in`, also inside `$and`):
 * the values a matching document must hold at that path. Used to pick candidates from an index.
 */
export function equalityConstraints(filter: Doc): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const visit = (f: Doc): void => {
    for (const key of Object.keys(f)) {
      const value = f[key];
      if (key === '$and' && Array.isArray(value)) {
        for (const clause of value) if (isPlainDoc(clause)) visit(clause);
        continue;
      }
      if (key.startsWith('$') || out.has(key)) continue;
      if (isOperatorDoc(value)) {
        if ('$eq' in value && !isRegex(value.$eq)) out.set(key, [value.$eq]);
        else if (Array.isArray(value.$in) && !value.$in.some(isRegex)) out.set(key, value.$in);
      } else if (!isRegex(value)) {
        out.set(key, [value]);
      }
    }
  };
  visit(filter);
  return out;
}

/** Fields an upsert copies from its filter: top-level equalities (plain or `$eq`, also inside `$and`). */
export function upsertSeedFields(filter: Doc): [string, unknown][] {
  const out: [string, unknown][] = [];
  const visit = (f: Doc): void => {
    for (const key of Object.keys(f)) {
      const value = f[key];
      if (key === '$and' && Array.isArray(value)) {
        for (const clause of value) if (isPlainDoc(clause)) visit(clause);
      } else if (!key.startsWith('$')) {
        if (isOperatorDoc(value)) {
          if ('$eq' in value) out.push([key, value.$eq]);
        } else if (!isRegex(value)) {
          out.push([key, value]);
        }
      }
    }
  };
  visit(filter);
  return out;
}
