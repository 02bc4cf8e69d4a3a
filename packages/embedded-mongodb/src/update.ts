/**
 * Update documents: operator updates (with positional `$`, `$[]`, `$[id]` and
 * arrayFilters), replacement documents and pipeline-style updates.
 *
 * Implemented here instead of with mingo's updater so that arithmetic keeps BSON
 * numeric types (Int64 stays Int64, int32 overflow becomes Int64 as in MongoDB),
 * comparisons follow BSON order, and errors carry MongoDB's codes and messages.
 * An update never mutates its input: it works on a deep copy and returns it.
 */
import { Decimal128, Long, Timestamp } from 'bson';
import { runPipeline } from './aggregate';
import { badValue, failedToParse, MongoCommandError } from './errors';
import { compileFilter, type Matcher, upsertSeedFields } from './query';
import { sortDocuments } from './sort';
import {
  addNumbers, bsonTypeName, cloneValue, idFirst, compareValues, type Doc, formatValue, isNumeric, isPlainDoc, multiplyNumbers,
  numberKind, toDouble, toNum, valuesEqual,
} from './values';

const OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$currentDate', '$setOnInsert', '$push', '$addToSet',
  '$pop', '$pull', '$pullAll', '$bit',
]);
const PIPELINE_UPDATE_STAGES = new Set(['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);

export interface UpdateContext {
  /** The query that selected the document (for the positional `$` operator). */
  filter: Doc;
  /** True when the update is producing a new document for an upsert. */
  isInsert: boolean;
  /** `let`/`c` variables for pipeline updates. */
  variables?: Doc;
}

export interface CompiledUpdate {
  readonly kind: 'replacement' | 'operators' | 'pipeline';
  /** Returns the updated copy of `doc`; `doc` itself is left untouched. */
  apply(doc: Doc, ctx: UpdateContext): Doc;
}

interface Entry {
  op: string;
  path: string;
  parts: string[];
  value: unknown;
}

function comparePaths(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) continue;
    const na = /^\d+$/.test(a[i]);
    const nb = /^\d+$/.test(b[i]);
    if (na && nb) return Number(a[i]) - Number(b[i]);
    return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

function checkConflicts(entries: { path: string }[]): void {
  const paths = entries.map((e) => e.path).sort();
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const [a, b] = [paths[i], paths[j]];
      if (a === b || b.startsWith(`${a}.`)) {
        throw new MongoCommandError('ConflictingUpdateOperators', `Updating the path '${b}' would create a conflict at '${a}'`);
      }
    }
  }
}

function identifierOf(part: string): string | undefined {
  const m = /^\$\[(.*)\]$/.exec(part);
  return m ? m[1] : undefined;
}

function compileArrayFilters(arrayFilters: unknown): Map<string, Matcher> {
  const filters = new Map<string, Matcher>();
  if (arrayFilters === undefined || arrayFilters === null) return filters;
  if (!Array.isArray(arrayFilters)) throw failedToParse('arrayFilters must be an array');
  for (const f of arrayFilters) {
    if (!isPlainDoc(f) || Object.keys(f).length === 0) throw failedToParse('Cannot use an expression without a top-level field name in arrayFilters');
    let identifier: string | undefined;
    for (const key of Object.keys(f)) {
      const top = key.startsWith('$') ? undefined : key.split('.')[0];
      if (top === undefined) throw failedToParse('Cannot use an expression without a top-level field name in arrayFilters');
      if (identifier !== undefined && identifier !== top) {
        throw failedToParse(`Error parsing array filter :: caused by :: Expected a single top-level field name, found '${identifier}' and '${top}'`);
      }
      identifier = top;
    }
    if (identifier === undefined) continue;
    if (!/^[a-z][a-zA-Z0-9]*$/.test(identifier)) {
      throw badValue(`Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '${identifier}'`);
    }
    if (filters.has(identifier)) throw failedToParse(`Found multiple array filters with the same top-level field name ${identifier}`);
    filters.set(identifier, compileFilter(f));
  }
  return filters;
}

/** Index of the first element of the array at `arrayPath` that the query's conditions on that array select. */
function positionalIndex(arrayParts: string[], array: unknown[], filter: Doc): number {
  const arrayPath = arrayParts.join('.');
  const conditions: Doc = {};
  const collect = (f: Doc): void => {
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(value)) value.forEach((c) => isPlainDoc(c) && collect(c));
      else if (key === arrayPath || key.startsWith(`${arrayPath}.`)) conditions[key] = value;
    }
  };
  collect(filter);
  if (Object.keys(conditions).length > 0) {
    const matcher = compileFilter(conditions);
    for (let i = 0; i < array.length; i++) {
      const probe: Doc = {};
      let node = probe;
      for (let p = 0; p < arrayParts.length - 1; p++) {
        node[arrayParts[p]] = {};
        node = node[arrayParts[p]] as Doc;
      }
      node[arrayParts[arrayParts.length - 1]] = [array[i]];
      if (matcher(probe)) return i;
    }
  }
  throw badValue('The positional operator did not find the match needed from the query.');
}

/** Expands `$`, `$[]` and `$[id]` in a path into the concrete paths they address in `doc`. */
function expandPositional(doc: Doc, parts: string[], ctx: UpdateContext, arrayFilters: Map<string, Matcher>): string[][] {
  if (!parts.some((p) => p.startsWith('$'))) return [parts];
  const results: string[][] = [];
  const walk = (value: unknown, index: number, prefix: string[]): void => {
    if (index === parts.length) {
      results.push(prefix);
      return;
    }
    const part = parts[index];
    if (part === '$' || identifierOf(part) !== undefined) {
      if (!Array.isArray(value)) {
        if (part === '$') throw badValue('The positional operator did not find the match needed from the query.');
        throw badValue(`The path '${prefix.join('.')}' must exist in the document in order to apply array updates.`);
      }
      if (part === '$') {
        if (ctx.isInsert) throw badValue('The positional operator did not find the match needed from the query.');
        const i = positionalIndex(prefix, value, ctx.filter);
        walk(value[i], index + 1, [...prefix, String(i)]);
        return;
      }
      const identifier = identifierOf(part) as string;
      const matcher = identifier === '' ? undefined : arrayFilters.get(identifier);
      value.forEach((element, i) => {
        if (matcher === undefined || matcher({ [identifier]: element })) walk(element, index + 1, [...prefix, String(i)]);
      });
      return;
    }
    let next: unknown;
    if (Array.isArray(value) && /^\d+$/.test(part)) next = value[Number(part)];
    else if (isPlainDoc(value)) next = value[part];
    walk(next, index + 1, [...prefix, part]);
  };
  walk(doc, 0, []);
  return results;
}

function describeDoc(doc: Doc): string {
  return formatValue('_id' in doc ? { _id: doc._id } : doc);
}

/** Finds the container holding the last path component, creating intermediate documents when asked. */
function locate(doc: Doc, parts: string[], create: boolean): { parent: Doc | unknown[]; key: string } | undefined {
  let container: Doc | unknown[] = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    let next: unknown;
    if (Array.isArray(container)) {
      if (!/^\d+$/.test(part)) {
        if (!create) return undefined;
        throw new MongoCommandError('PathNotViable', `Cannot create field '${part}' in element {${parts[i - 1]}: ${formatValue(container)}}`);
      }
      next = container[Number(part)];
    } else {
      next = Object.prototype.hasOwnProperty.call(container, part) ? container[part] : undefined;
    }
    if (next === undefined) {
      if (!create) return undefined;
      next = {};
      setChild(container, part, next);
    } else if (!isPlainDoc(next) && !Array.isArray(next)) {
      if (!create) return undefined;
      throw new MongoCommandError('PathNotViable', `Cannot create field '${parts[i + 1]}' in element {${part}: ${formatValue(next)}}`);
    }
    container = next as Doc | unknown[];
  }
  return { parent: container, key: parts[parts.length - 1] };
}

function getChild(parent: Doc | unknown[], key: string): unknown {
  if (Array.isArray(parent)) return /^\d+$/.test(key) ? parent[Number(key)] : undefined;
  return Object.prototype.hasOwnProperty.call(parent, key) ? parent[key] : undefined;
}

function setChild(parent: Doc | unknown[], key: string, value: unknown): void {
  if (Array.isArray(parent)) {
    if (!/^\d+$/.test(key)) throw new MongoCommandError('PathNotViable', `Cannot create field '${key}' in element {${formatValue(parent)}}`);
    const index = Number(key);
    while (parent.length < index) parent.push(null);
    parent[index] = value;
  } else {
    parent[key] = value;
  }
}

function zeroLike(value: unknown): unknown {
  switch (numberKind(value)) {
    case 'long':
      return Long.fromNumber(0);
    case 'decimal':
      return Decimal128.fromString('0');
    default:
      return 0;
  }
}

let timestampCounter = 0;

function currentDateValue(spec: unknown): unknown {
  if (spec === true) return new Date();
  if (isPlainDoc(spec) && (spec.$type === 'date' || spec.$type === 'timestamp')) {
    if (spec.$type === 'date') return new Date();
    timestampCounter = (timestampCounter + 1) % 0x7fffffff;
    return new Timestamp({ t: Math.floor(Date.now() / 1000), i: timestampCounter });
  }
  throw badValue(`${formatValue(spec)} is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).`);
}

function pullPredicate(condition: unknown): (element: unknown) => boolean {
  if (isPlainDoc(condition)) {
    const keys = Object.keys(condition);
    if (keys.length > 0 && keys.every((k) => k.startsWith('$') && !['$and', '$or', '$nor', '$expr'].includes(k))) {
      const matcher = compileFilter({ v: condition });
      return (element) => matcher({ v: element });
    }
    const matcher = compileFilter(condition);
    return (element) => isPlainDoc(element) && matcher(element);
  }
  if (condition instanceof RegExp) return (element) => typeof element === 'string' && condition.test(element);
  return (element) => valuesEqual(element, condition);
}

interface PushSpec {
  each: unknown[];
  position?: number;
  slice?: number;
  sort?: unknown;
}

function parsePush(value: unknown, field: string): PushSpec {
  if (!isPlainDoc(value) || !('$each' in value)) return { each: [value] };
  const spec: PushSpec = { each: [] };
  for (const [key, v] of Object.entries(value)) {
    switch (key) {
      case '$each':
        if (!Array.isArray(v)) throw badValue(`The argument to $each in $push must be an array but it was of type: ${bsonTypeName(v)}`);
        spec.each = v;
        break;
      case '$position':
        if (!isNumeric(v) || !Number.isInteger(toDouble(v))) throw badValue('The value for $position must be an integer value');
        spec.position = toDouble(v);
        break;
      case '$slice':
        if (!isNumeric(v) || !Number.isInteger(toDouble(v))) throw badValue('The value for $slice must be an integer value');
        spec.slice = toDouble(v);
        break;
      case '$sort':
        spec.sort = v;
        break;
      default:
        throw badValue(`Unrecognized clause in $push: ${key} (field '${field}')`);
    }
  }
  return spec;
}

function applyPush(current: unknown[], spec: PushSpec): unknown[] {
  let result = current.slice();
  const items = spec.each.map(cloneValue);
  if (spec.position === undefined) result.push(...items);
  else {
    const at = spec.position < 0 ? Math.max(result.length + spec.position, 0) : Math.min(spec.position, result.length);
    result.splice(at, 0, ...items);
  }
  if (spec.sort !== undefined) {
    if (isPlainDoc(spec.sort)) {
      result = sortDocuments(result.map((v) => (isPlainDoc(v) ? v : { '': v })), spec.sort).map((v) => ('' in v && Object.keys(v).length === 1 ? v[''] : v));
    } else if (isNumeric(spec.sort) && Math.abs(toDouble(spec.sort)) === 1) {
      const dir = toDouble(spec.sort);
      result = result.slice().sort((a, b) => compareValues(a, b) * dir);
    } else {
      throw badValue('The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1} to sort embedded fields');
    }
  }
  if (spec.slice !== undefined) result = spec.slice >= 0 ? result.slice(0, spec.slice) : result.slice(Math.max(result.length + spec.slice, 0));
  return result;
}

function applyEntry(doc: Doc, original: Doc, entry: Entry, parts: string[], ctx: UpdateContext): void {
  const { op, value } = entry;
  const field = parts.join('.');
  switch (op) {
    case '$setOnInsert':
    case '$set': {
      if (op === '$setOnInsert' && !ctx.isInsert) return;
      const loc = locate(doc, parts, true) as { parent: Doc | unknown[]; key: string };
      setChild(loc.parent, loc.key, cloneValue(value));
      return;
    }
    case '$unset': {
      const loc = locate(doc, parts, false);
      if (!loc) return;
      if (Array.isArray(loc.parent)) {
        const index = Number(loc.key);
        if (/^\d+$/.test(loc.key) && index < loc.parent.length) loc.parent[index] = null;
      } else {
        delete loc.parent[loc.key];
      }
      return;
    }
    case '$inc':
    case '$mul': {
      if (!isNumeric(value)) {
        const verb = op === '$inc' ? 'increment' : 'multiply';
        throw new MongoCommandError('TypeMismatch', `Cannot ${verb} with non-numeric argument: {${field}: ${formatValue(value)}}`);
      }
      const loc = locate(doc, parts, true) as { parent: Doc | unknown[]; key: string };
      const current = getChild(loc.parent, loc.key);
      if (current === undefined) {
        setChild(loc.parent, loc.key, op === '$inc' ? value : zeroLike(value));
        return;
      }
      if (!isNumeric(current)) {
        throw new MongoCommandError(
          'TypeMismatch',
          `Cannot apply ${op} to a value of non-numeric type. ${describeDoc(original)} has the field '${loc.key}' of non-numeric type ${bsonTypeName(current)}`,
        );
      }
      const result = op === '$inc' ? addNumbers(current, value) : multiplyNumbers(current, value);
      if (result === undefined) throw badValue(`Failed to apply ${op} operations to current value (${formatValue(current)}) for document ${describeDoc(original)}`);
      setChild(loc.parent, loc.key, result);
      return;
    }
    case '$min':
    case '$max': {
      const loc = locate(doc, parts, true) as { parent: Doc | unknown[]; key: string };
      const current = getChild(loc.parent, loc.key);
      const c = current === undefined ? 0 : compareValues(value, current);
      if (current === undefined || (op === '$min' ? c < 0 : c > 0)) setChild(loc.parent, loc.key, cloneValue(value));
      return;
    }
    case '$currentDate': {
      const loc = locate(doc, parts, true) as { parent: Doc | unknown[]; key: string };
      setChild(loc.parent, loc.key, currentDateValue(value));
      return;
    }
    case '$rename': {
      const target = (value as string).split('.');
      const from = locate(doc, parts, false);
      if (!from || Array.isArray(from.parent)) {
        if (from && Array.isArray(from.parent)) throw badValue(`The source field cannot be an array element, '${field}' in doc with ${describeDoc(original)} has an array field called '${parts[parts.length - 2]}'`);
        return;
      }
      if (!Object.prototype.hasOwnProperty.call(from.parent, from.key)) return;
      const moved = from.parent[from.key];
      delete from.parent[from.key];
      const to = locate(doc, target, true) as { parent: Doc | unknown[]; key: string };
      if (Array.isArray(to.parent)) throw badValue(`The destination field cannot be an array element, '${value as string}' in doc with ${describeDoc(original)} has an array field`);
      to.parent[to.key] = moved;
      return;
    }
    case '$push':
    case '$addToSet': {
      const loc = locate(doc, parts, true) as { parent: Doc | unknown[]; key: string };
      const current = getChild(loc.parent, loc.key);
      if (current !== undefined && !Array.isArray(current)) {
        throw badValue(`The field '${field}' must be an array but is of type ${bsonTypeName(current)} in document ${describeDoc(original)}`);
      }
      const array = (current as unknown[] | undefined) ?? [];
      if (op === '$push') {
        setChild(loc.parent, loc.key, applyPush(array, parsePush(value, field)));
      } else {
        let items = [value];
        if (isPlainDoc(value) && '$each' in value) {
          if (!Array.isArray(value.$each)) throw badValue(`The argument to $each in $addToSet must be an array but it was of type ${bsonTypeName(value.$each)}`);
          if (Object.keys(value).length > 1) throw badValue(`Found unexpected fields after $each in $addToSet: ${formatValue(value)}`);
          items = value.$each;
        }
        const result = array.slice();
        for (const item of items) if (!result.some((e) => valuesEqual(e, item))) result.push(cloneValue(item));
        setChild(loc.parent, loc.key, result);
      }
      return;
    }
    case '$pop': {
      if (!isNumeric(value) || Math.abs(toDouble(value)) !== 1) throw failedToParse(`Expected a number in: ${field}: ${formatValue(value)}`);
      const loc = locate(doc, parts, false);
      if (!loc) return;
      const current = getChild(loc.parent, loc.key);
      if (current === undefined) return;
      if (!Array.isArray(current)) throw badValue(`Path '${field}' contains an element of non-array type '${bsonTypeName(current)}'`);
      setChild(loc.parent, loc.key, toDouble(value) === 1 ? current.slice(0, -1) : current.slice(1));
      return;
    }
    case '$pull':
    case '$pullAll': {
      let predicate: (element: unknown) => boolean;
      if (op === '$pullAll') {
        if (!Array.isArray(value)) throw badValue(`$pullAll requires an array argument but was given a ${bsonTypeName(value)}`);
        predicate = (element) => value.some((v) => valuesEqual(element, v));
      } else {
        predicate = pullPredicate(value);
      }
      const loc = locate(doc, parts, false);
      if (!loc) return;
      const current = getChild(loc.parent, loc.key);
      if (current === undefined) return;
      if (!Array.isArray(current)) throw badValue('Cannot apply $pull to a non-array value');
      setChild(loc.parent, loc.key, current.filter((e) => !predicate(e)));
      return;
    }
    case '$bit': {
      if (!isPlainDoc(value)) throw badValue(`The $bit modifier is not compatible with a ${bsonTypeName(value)}. You must pass in an embedded document: {$bit: {field: {and/or/xor: #}}`);
      const loc = locate(doc, parts, true) as { parent: Doc | unknown[]; key: string };
      let current = getChild(loc.parent, loc.key) ?? 0;
      if (!isNumeric(current) || numberKind(current) === 'double' || numberKind(current) === 'decimal') {
        throw badValue(`Cannot apply $bit to a value of non-integral type.${describeDoc(original)} has the field ${loc.key} of non-integer type ${bsonTypeName(current)}`);
      }
      for (const [bitOp, operand] of Object.entries(value)) {
        if (!isNumeric(operand) || numberKind(operand) === 'double' || numberKind(operand) === 'decimal') {
          throw badValue(`The $bit modifier field must be an Integer(32/64 bit); a '${bsonTypeName(operand)}' is not supported here: {${bitOp}: ${formatValue(operand)}}`);
        }
        const x = toNum(current).int as bigint;
        const y = toNum(operand).int as bigint;
        let r: bigint;
        if (bitOp === 'and') r = x & y;
        else if (bitOp === 'or') r = x | y;
        else if (bitOp === 'xor') r = x ^ y;
        else throw badValue(`The $bit modifier only supports 'and', 'or', and 'xor', not '${bitOp}' which is an unknown operator: {${bitOp}: ${formatValue(operand)}}`);
        const wide = numberKind(current) === 'long' || numberKind(operand) === 'long';
        current = wide ? Long.fromBigInt(BigInt.asIntN(64, r)) : Number(BigInt.asIntN(32, r));
      }
      setChild(loc.parent, loc.key, current);
      return;
    }
    default:
      throw failedToParse(`Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
}

function assertIdUnchanged(before: Doc, after: Doc): void {
  if (!('_id' in before)) return;
  if (!('_id' in after) || !valuesEqual(before._id, after._id) || typeof before._id !== typeof after._id) {
    throw new MongoCommandError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
}

function validateReplacement(doc: Doc): void {
  for (const key of Object.keys(doc)) {
    if (key.startsWith('$')) {
      throw new MongoCommandError('DollarPrefixedFieldName', `The dollar ($) prefixed field '${key}' in '${key}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`);
    }
  }
}

export function compileUpdate(update: unknown, arrayFiltersSpec?: unknown): CompiledUpdate {
  if (Array.isArray(update)) {
    for (const stage of update) {
      const name = isPlainDoc(stage) ? Object.keys(stage)[0] : undefined;
      if (!name || !PIPELINE_UPDATE_STAGES.has(name)) {
        throw new MongoCommandError('InvalidOptions', `${name ?? 'stage'} is not allowed to be used within an update`);
      }
    }
    if (arrayFiltersSpec !== undefined && arrayFiltersSpec !== null) throw failedToParse('arrayFilters may not be specified for pipeline-style updates');
    return {
      kind: 'pipeline',
      apply(doc, ctx) {
        const [result] = runPipeline([cloneValue(doc)], update as Doc[], { variables: ctx.variables });
        if (!isPlainDoc(result)) throw badValue('A pipeline-style update must produce a document');
        const out = '_id' in doc && !('_id' in result) ? { _id: doc._id, ...result } : result;
        if (!ctx.isInsert) assertIdUnchanged(doc, out);
        return idFirst(cloneValue(out));
      },
    };
  }
  if (!isPlainDoc(update)) throw failedToParse('Update argument must be either an object or an array');
  const keys = Object.keys(update);
  if (keys.length === 0 || !keys[0].startsWith('$')) {
    validateReplacement(update);
    if (arrayFiltersSpec !== undefined && arrayFiltersSpec !== null && (arrayFiltersSpec as unknown[]).length > 0) {
      throw failedToParse('arrayFilters may not be specified for replacement-style updates');
    }
    return {
      kind: 'replacement',
      apply(doc, ctx) {
        const replacement = cloneValue(update);
        if ('_id' in replacement && '_id' in doc && !valuesEqual(replacement._id, doc._id) && !ctx.isInsert) {
          throw new MongoCommandError('ImmutableField', `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(replacement._id)}`);
        }
        return idFirst('_id' in doc && !('_id' in replacement) ? { _id: doc._id, ...replacement } : replacement);
      },
    };
  }

  const entries: Entry[] = [];
  for (const op of keys) {
    if (!op.startsWith('$')) throw failedToParse(`Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    if (!OPERATORS.has(op)) throw failedToParse(`Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    const fields = update[op];
    if (!isPlainDoc(fields)) {
      throw failedToParse(`Modifiers operate on fields but we found type ${bsonTypeName(fields)} instead. For example: {$mod: {<field>: ...}} not {${op}: ${formatValue(fields)}}`);
    }
    for (const [path, value] of Object.entries(fields)) {
      if (path === '' || path.split('.').some((p) => p === '')) throw new MongoCommandError('BadValue', `The update path '${path}' contains an empty field name, which is not allowed.`);
      entries.push({ op, path, parts: path.split('.'), value });
      if (op === '$rename') {
        if (typeof value !== 'string') throw badValue(`The 'to' field for $rename must be a string: ${path}: ${formatValue(value)}`);
        if (value === path) throw badValue(`The source and target field for $rename must differ: ${path}: ${JSON.stringify(value)}`);
        if (path.includes('$') || value.includes('$')) throw badValue('The source and target field for $rename must not contain positional operators');
        entries.push({ op: '$rename-target', path: value, parts: value.split('.'), value: undefined });
      }
    }
  }
  checkConflicts(entries);
  const arrayFilters = compileArrayFilters(arrayFiltersSpec);
  const used = new Set<string>();
  for (const entry of entries) {
    for (const part of entry.parts) {
      const identifier = identifierOf(part);
      if (identifier === undefined || identifier === '') continue;
      if (!arrayFilters.has(identifier)) throw badValue(`No array filter found for identifier '${identifier}' in path '${entry.path}'`);
      used.add(identifier);
    }
  }
  for (const identifier of arrayFilters.keys()) {
    if (!used.has(identifier)) throw failedToParse(`The array filter for identifier '${identifier}' was not used in the update ${formatValue(update)}`);
  }
  const ordered = entries.filter((e) => e.op !== '$rename-target').sort((a, b) => comparePaths(a.parts, b.parts));

  return {
    kind: 'operators',
    apply(doc, ctx) {
      const out = cloneValue(doc);
      for (const entry of ordered) {
        for (const parts of expandPositional(out, entry.parts, ctx, arrayFilters)) applyEntry(out, doc, entry, parts, ctx);
      }
      if (!ctx.isInsert) assertIdUnchanged(doc, out);
      return idFirst(out);
    },
  };
}

/** The document an upsert starts from: the filter's equality fields (then the update is applied with isInsert). */
export function upsertSeed(filter: Doc): Doc {
  const seed: Doc = {};
  for (const [path, value] of upsertSeedFields(filter)) {
    const parts = path.split('.');
    const loc = locate(seed, parts, true);
    if (loc) setChild(loc.parent, loc.key, cloneValue(value));
  }
  return seed;
}
