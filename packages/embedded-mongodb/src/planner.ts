/**
 * Query plans: which index a query reads (and between which bounds), and whether
 * that index already gives the requested order. Plans have MongoDB's shapes and
 * names (IDHACK, IXSCAN with the index name, COLLSCAN), so `explain` reads as it
 * would on a server; the choice is by shape, not by MongoDB's trial runs:
 *
 * 1. a unique index (or `_id`) pinned on every field by equality;
 * 2. otherwise the index with the most leading fields pinned by equality or `$in`,
 *    plus a range on the next field; on a tie, the one that also gives the order;
 * 3. otherwise an index that gives the order by itself (no bounds);
 * 4. otherwise a collection scan.
 *
 * Every candidate still goes through the full filter, so bounds only ever need to
 * be a superset of the matches.
 */
import type { FieldBound, Index, ValueRange } from './indexes';
import { isOperatorDoc } from './query';
import { isRegex } from './regex';
import { bsonTypeOf, type Doc } from './values';

export interface SortField {
  path: string;
  direction: 1 | -1;
}

export interface Plan {
  stage: 'IDHACK' | 'IXSCAN' | 'COLLSCAN';
  index?: Index;
  bounds: FieldBound[];
  /** The scan returns documents in the requested order: no in-memory sort. */
  sorted: boolean;
  /** Scan the index backwards (the sort is the index's order reversed). */
  reverse: boolean;
  /**
   * The order comes from merging one scan per combination of `$in` values, each in
   * order by the index fields after them (MongoDB's SORT_MERGE), not from one scan.
   */
  merge?: boolean;
}

/** Equality `$in` prefixes beyond this many combinations are not worth enumerating. */
const MAX_PREFIXES = 1000;
/** Merging more scans than this for a sort is not worth it (MongoDB's limit for exploding `$in` into a SORT_MERGE). */
const MAX_MERGED_SCANS = 200;

/**
 * What the filter's top-level conditions (also inside top-level `$and`) allow an
 * index to use per path: a set of values (equality, `$eq`, `$in`) or a range
 * (`$gt $gte $lt $lte`). Anything else is left to the filter.
 */
export function fieldBounds(filter: Doc): Map<string, FieldBound> {
  const out = new Map<string, FieldBound>();
  const visit = (f: Doc): void => {
    for (const key of Object.keys(f)) {
      const value = f[key];
      if (key === '$and' && Array.isArray(value)) {
        for (const clause of value) if (clause !== null && typeof clause === 'object' && !Array.isArray(clause)) visit(clause as Doc);
        continue;
      }
      if (key.startsWith('$') || /(^|\.)\d+(\.|$)/.test(key) || out.has(key)) continue;
      const bound = boundOf(value);
      if (bound) out.set(key, bound);
    }
  };
  visit(filter);
  return out;
}

function boundOf(value: unknown): FieldBound | undefined {
  if (!isOperatorDoc(value)) return usablePoint(value) ? { points: [value] } : undefined;
  if ('$eq' in value) return usablePoint(value.$eq) ? { points: [value.$eq] } : undefined;
  if (Array.isArray(value.$in)) return value.$in.every(usablePoint) ? { points: value.$in } : undefined;
  const range: ValueRange = { lowInclusive: false, highInclusive: false };
  for (const [op, operand] of Object.entries(value)) {
    if (!usableBound(operand)) continue;
    if ((op === '$gt' || op === '$gte') && range.low === undefined) {
      range.low = operand;
      range.lowInclusive = op === '$gte';
    } else if ((op === '$lt' || op === '$lte') && range.high === undefined) {
      range.high = operand;
      range.highInclusive = op === '$lte';
    }
  }
  if (range.low === undefined && range.high === undefined) return undefined;
  // Bounds of two different types match nothing; leave that to the filter.
  if (range.low !== undefined && range.high !== undefined && typeClass(range.low) !== typeClass(range.high)) return undefined;
  return { range };
}

/** Arrays match as whole values or by element, and regexes by pattern: neither is a point in an index. */
function usablePoint(value: unknown): boolean {
  return value !== undefined && !Array.isArray(value) && !isRegex(value);
}

function usableBound(value: unknown): boolean {
  const t = bsonTypeOf(value);
  return usablePoint(value) && value !== null && t !== 'MinKey' && t !== 'MaxKey';
}

function typeClass(value: unknown): string {
  const t = bsonTypeOf(value);
  if (typeof value === 'number' || typeof value === 'bigint' || t === 'Long' || t === 'Decimal128' || t === 'Int32' || t === 'Double') return 'number';
  return t ?? (value instanceof Date ? 'date' : typeof value);
}

interface Candidate extends Plan {
  score: number;
  index: Index;
}

export function choosePlan(filter: Doc, sort: readonly SortField[], indexes: readonly Index[]): Plan {
  const bounds = fieldBounds(filter);
  let best: Candidate | undefined;
  for (const index of indexes) {
    if (!index.plannable) continue;
    const candidate = planFor(index, bounds, sort);
    if (!best || better(candidate, best)) best = candidate;
  }
  if (best && best.score > 0) {
    const onlyId = best.index.name === '_id_' && Object.keys(filter).length === 1 && best.bounds.length === 1 && 'points' in best.bounds[0] && best.bounds[0].points.length === 1;
    return { stage: onlyId ? 'IDHACK' : 'IXSCAN', index: best.index, bounds: best.bounds, sorted: best.sorted, reverse: best.reverse, ...(best.merge && { merge: true }) };
  }
  if (sort.length > 0) {
    const ordered = indexes.map((index) => (index.plannable && !index.sparse ? planFor(index, new Map(), sort) : undefined)).find((c) => c?.sorted);
    if (ordered) return { stage: 'IXSCAN', index: ordered.index, bounds: [], sorted: true, reverse: ordered.reverse };
  }
  return { stage: 'COLLSCAN', bounds: [], sorted: sort.length === 0, reverse: false };
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.sorted !== b.sorted) return a.sorted;
  return a.index.fields.length < b.index.fields.length;
}

function planFor(index: Index, bounds: Map<string, FieldBound>, sort: readonly SortField[]): Candidate {
  const used: FieldBound[] = [];
  let prefixes = 1;
  let pinned = 0;
  for (let i = 0; i < index.fields.length; i++) {
    const bound = bounds.get(index.fields[i]);
    if (!bound) break;
    if ('points' in bound) {
      if (index.sparse && bound.points.some((v) => v === null)) break; // a sparse index lacks the documents missing the field
      if (prefixes * bound.points.length > MAX_PREFIXES) break;
      prefixes *= bound.points.length;
      used.push(bound);
      pinned++;
      continue;
    }
    // A range on a field that holds arrays could match a document through two different elements.
    if (!index.multikey.has(i)) used.push(bound);
    break;
  }
  const ranged = used.length > pinned;
  const unique = (index.unique || index.name === '_id_') && pinned === index.fields.length;
  const order = orderFrom(index, used, sort);
  const merged = order === 0 && !ranged ? mergeOrder(index, used, prefixes, sort) : 0;
  return {
    stage: 'IXSCAN',
    index,
    bounds: used,
    score: unique ? Number.MAX_SAFE_INTEGER : pinned * 2 + (ranged ? 1 : 0),
    sorted: order !== 0 || merged !== 0,
    reverse: order === -1 || merged === -1,
    merge: merged !== 0,
  };
}

/**
 * Like `orderFrom` when some leading equalities are `$in`s: each combination of their
 * values is its own scan in order by the index fields after them, so when the sort is
 * those fields (leaving out fields pinned to one value), merging the scans gives it.
 * Not when the sort names an `$in` field itself, or a merged field ever held an array.
 */
function mergeOrder(index: Index, used: readonly FieldBound[], prefixes: number, sort: readonly SortField[]): 0 | 1 | -1 {
  if (sort.length === 0 || used.length === 0 || prefixes < 2 || prefixes > MAX_MERGED_SCANS) return 0;
  const constant = new Set<string>();
  for (let i = 0; i < used.length; i++) {
    if (index.multikey.has(i)) return 0;
    if ((used[i] as { points: unknown[] }).points.length === 1) constant.add(index.fields[i]);
  }
  const rest = sort.filter((f) => !constant.has(f.path));
  if (rest.length === 0 || used.length + rest.length > index.fields.length) return 0;
  let sign: 0 | 1 | -1 = 0;
  for (let j = 0; j < rest.length; j++) {
    const i = used.length + j;
    if (index.fields[i] !== rest[j].path || index.multikey.has(i)) return 0;
    const s = rest[j].direction * index.directions[i] === 1 ? 1 : -1;
    if (sign !== 0 && s !== sign) return 0;
    sign = s;
  }
  return sign;
}

/**
 * 1 when scanning the index forward gives the sort, -1 backward, 0 neither. Sort
 * fields pinned to one value by the index's leading equalities are constant and
 * drop out; the rest must continue the index right after that prefix, all in its
 * directions or all against them, on fields that never held arrays (an array
 * sorts by its smallest or largest element, not by the element that matched).
 */
function orderFrom(index: Index, used: readonly FieldBound[], sort: readonly SortField[]): 0 | 1 | -1 {
  let m = 0;
  while (m < used.length && 'points' in used[m] && (used[m] as { points: unknown[] }).points.length === 1 && !index.multikey.has(m)) m++;
  const pinned = new Set(index.fields.slice(0, m));
  const rest = sort.filter((f) => !pinned.has(f.path));
  if (rest.length === 0) return 1;
  if (m + rest.length > index.fields.length) return 0;
  let sign: 0 | 1 | -1 = 0;
  for (let j = 0; j < rest.length; j++) {
    const i = m + j;
    if (index.fields[i] !== rest[j].path || index.multikey.has(i)) return 0;
    const s = rest[j].direction * index.directions[i] === 1 ? 1 : -1;
    if (sign !== 0 && s !== sign) return 0;
    sign = s;
  }
  return sign;
}
