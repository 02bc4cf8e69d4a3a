/**
 * Find/findAndModify projections: inclusion, exclusion, `$slice`, `$elemMatch`,
 * positional `field.$`, and computed fields (aggregation expressions, via mingo).
 * Always builds new objects, so stored documents are never touched.
 */
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { badValue, MongoCommandError, notSupported } from './errors';
import { exprOptions } from './mingo-context';
import { compileFilter, type Matcher } from './query';
import { cloneValue, type Doc, isNumeric, isPlainDoc, isTruthy, toDouble } from './values';

export type Projector = (doc: Doc) => Doc;

interface Tree {
  [key: string]: Tree | true;
}

function addPath(tree: Tree, path: string, conflictMessage: string): void {
  const parts = path.split('.');
  let node = tree;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const existing = node[part];
    if (i === parts.length - 1) {
      if (existing !== undefined) throw new MongoCommandError('BadValue', conflictMessage);
      node[part] = true;
    } else {
      if (existing === true) throw new MongoCommandError('BadValue', conflictMessage);
      if (existing === undefined) node[part] = {};
      node = node[part] as Tree;
    }
  }
}

type Copy = (value: unknown) => unknown;
const share: Copy = (value) => value;

function includeTree(value: Doc, tree: Tree, copy: Copy): Doc {
  const out: Doc = {};
  for (const key of Object.keys(value)) {
    const sub = tree[key];
    if (sub === undefined) continue;
    const v = value[key];
    if (sub === true) {
      out[key] = copy(v);
    } else if (isPlainDoc(v)) {
      out[key] = includeTree(v, sub, copy);
    } else if (Array.isArray(v)) {
      out[key] = includeArray(v, sub, copy);
    }
  }
  return out;
}

function includeArray(values: unknown[], tree: Tree, copy: Copy): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (isPlainDoc(v)) out.push(includeTree(v, tree, copy));
    else if (Array.isArray(v)) out.push(includeArray(v, tree, copy));
  }
  return out;
}

function excludeTree(value: Doc, tree: Tree, copy: Copy): Doc {
  const out: Doc = {};
  for (const key of Object.keys(value)) {
    const sub = tree[key];
    const v = value[key];
    if (sub === true) continue;
    if (sub === undefined) out[key] = copy(v);
    else if (isPlainDoc(v)) out[key] = excludeTree(v, sub, copy);
    else if (Array.isArray(v)) out[key] = v.map((e) => (isPlainDoc(e) ? excludeTree(e, sub, copy) : copy(e)));
    else out[key] = copy(v);
  }
  return out;
}

function getTop(doc: Doc, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainDoc(current)) return undefined;
    current = current[part];
  }
  return current;
}

function setTop(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Doc = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = node[parts[i]];
    if (!isPlainDoc(next)) {
      if (next !== undefined) return;
      node[parts[i]] = {};
    }
    node = node[parts[i]] as Doc;
  }
  node[parts[parts.length - 1]] = value;
}

function deleteTop(doc: Doc, path: string): void {
  const parts = path.split('.');
  let node: unknown = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    if (!isPlainDoc(node)) return;
    node = node[parts[i]];
  }
  if (isPlainDoc(node)) delete node[parts[parts.length - 1]];
}

function sliceArgs(arg: unknown): [number, number | undefined] {
  if (isNumeric(arg)) return [toDouble(arg), undefined];
  if (Array.isArray(arg) && arg.length === 2 && isNumeric(arg[0]) && isNumeric(arg[1])) {
    const limit = toDouble(arg[1]);
    if (limit <= 0) throw badValue('$slice limit must be positive');
    return [toDouble(arg[0]), limit];
  }
  throw badValue('$slice only supports numbers and [skip, limit] arrays');
}

function applySlice(value: unknown, [a, b]: [number, number | undefined]): unknown {
  if (!Array.isArray(value)) return value;
  if (b === undefined) return a >= 0 ? value.slice(0, a) : value.slice(Math.max(value.length + a, 0));
  const start = a >= 0 ? a : Math.max(value.length + a, 0);
  return value.slice(start, start + b);
}

type Special =
  | { kind: 'slice'; path: string; args: [number, number | undefined] }
  | { kind: 'elemMatch'; path: string; matcher: Matcher }
  | { kind: 'computed'; path: string; expr: unknown }
  | { kind: 'positional'; path: string; matcher: Matcher };

function positionalMatcher(arrayPath: string, filter: Doc | undefined): Matcher {
  const conditions: Doc = {};
  const collect = (f: Doc): void => {
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(value)) value.forEach((c) => isPlainDoc(c) && collect(c));
      else if (key === arrayPath || key.startsWith(`${arrayPath}.`)) conditions[key] = value;
    }
  };
  if (filter) collect(filter);
  if (Object.keys(conditions).length === 0) {
    throw badValue(`Executor error during find command :: caused by :: positional operator '${arrayPath}.$' couldn't find a matching element in the array`);
  }
  return compileFilter(conditions);
}

/** Returns undefined for "no projection" (the whole document). */
export function compileProjection(spec: unknown, filter?: Doc, variables?: Doc): Projector | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (!isPlainDoc(spec)) throw badValue('projection must be an object');
  const keys = Object.keys(spec);
  if (keys.length === 0) return undefined;

  const inclusions: Tree = {};
  const exclusions: Tree = {};
  let includeCount = 0;
  let excludeCount = 0;
  let includeId = true;
  let idExplicitlyIncluded = false;
  const specials: Special[] = [];

  for (const key of keys) {
    const value = spec[key];
    if (key.endsWith('.$')) {
      const path = key.slice(0, -2);
      if (path.includes('.') || path.includes('$')) throw notSupported(`The positional projection '${key}' on a nested path`);
      specials.push({ kind: 'positional', path, matcher: positionalMatcher(path, filter) });
      addPath(inclusions, path, `Path collision at ${key}`);
      includeCount++;
      continue;
    }
    if (key.includes('$')) throw badValue(`FieldPath field names may not start with '$'. Consider using $getField or $setField.`);
    if (isPlainDoc(value) && Object.keys(value).length > 0 && Object.keys(value)[0].startsWith('$')) {
      const op = Object.keys(value)[0];
      if (op === '$slice') {
        specials.push({ kind: 'slice', path: key, args: sliceArgs(value.$slice) });
        continue;
      }
      if (op === '$elemMatch') {
        if (!isPlainDoc(value.$elemMatch)) throw badValue('elemMatch: Invalid argument, object required.');
        specials.push({ kind: 'elemMatch', path: key, matcher: compileFilter(value.$elemMatch) });
        continue;
      }
      if (op === '$meta') throw notSupported(`The projection operator { $meta: ${JSON.stringify(value.$meta)} }`);
      specials.push({ kind: 'computed', path: key, expr: value });
      includeCount++;
      continue;
    }
    if (typeof value === 'boolean' || isNumeric(value)) {
      const include = isTruthy(value);
      if (key === '_id') {
        includeId = include;
        idExplicitlyIncluded = include;
        continue;
      }
      if (include) {
        if (excludeCount > 0) throw new MongoCommandError('Location31253', `Cannot do inclusion on field ${key} in exclusion projection`);
        addPath(inclusions, key, `Path collision at ${key}`);
        includeCount++;
      } else {
        if (includeCount > 0) throw new MongoCommandError('Location31254', `Cannot do exclusion on field ${key} in inclusion projection`);
        addPath(exclusions, key, `Path collision at ${key}`);
        excludeCount++;
      }
      continue;
    }
    specials.push({ kind: 'computed', path: key, expr: value });
    includeCount++;
  }
  if (excludeCount > 0 && includeCount > 0) {
    const first = specials.find((s) => s.kind === 'computed');
    throw new MongoCommandError('Location31253', `Cannot do inclusion on field ${first?.path ?? '?'} in exclusion projection`);
  }

  // Unlike $slice, an $elemMatch alone makes an inclusion projection (MongoDB returns only _id and that field).
  const inclusionMode =
    includeCount > 0 || (excludeCount === 0 && (idExplicitlyIncluded || specials.some((s) => s.kind === 'elemMatch')));
  if (inclusionMode) {
    // $slice fields are kept in an inclusion projection too; $elemMatch fields are set afterwards.
    for (const s of specials) {
      if (s.kind === 'slice') addPath(inclusions, s.path, `Path collision at ${s.path}`);
    }
  }
  const opts = exprOptions(variables) as Options;
  // Stored documents are never mutated (storage.ts), so a plain projection can share
  // their values with the reply; the special operators below write into the result,
  // so with them every value is copied first.
  const copy: Copy = specials.length > 0 ? cloneValue : share;
  return (doc: Doc): Doc => {
    let out: Doc;
    if (inclusionMode) {
      out = includeTree(doc, inclusions, copy);
      if (includeId && '_id' in doc) out = { _id: copy(doc._id), ...out };
      else if (!includeId) delete out._id;
    } else {
      out = excludeTree(doc, exclusions, copy);
      if (!includeId) delete out._id;
    }
    for (const s of specials) {
      switch (s.kind) {
        case 'slice':
          if (getTop(out, s.path) !== undefined) setTop(out, s.path, applySlice(getTop(out, s.path), s.args));
          break;
        case 'elemMatch': {
          const value = getTop(doc, s.path);
          const match = Array.isArray(value) ? value.find((e) => isPlainDoc(e) && s.matcher(e)) : undefined;
          if (match === undefined) deleteTop(out, s.path);
          else setTop(out, s.path, [cloneValue(match)]);
          break;
        }
        case 'positional': {
          const value = doc[s.path];
          if (!Array.isArray(value)) break;
          const match = value.find((e) => s.matcher({ [s.path]: [e] }));
          if (match === undefined) {
            throw badValue(`Executor error during find command :: caused by :: positional operator '${s.path}.$' couldn't find a matching element in the array`);
          }
          out[s.path] = [cloneValue(match)];
          break;
        }
        case 'computed':
          setTop(out, s.path, evalExpr(doc, s.expr, opts));
          break;
      }
    }
    return out;
  };
}
