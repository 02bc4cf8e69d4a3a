/**
 * Secondary indexes. Each keeps its keys twice: a hash map from a canonical key
 * string to the records holding it (unique constraints without scanning), and a
 * B+ tree in index order (key values in the index's directions, then insertion
 * order) that the planner scans for equality, `$in`, ranges and sorts.
 */
import BTree from 'sorted-btree';
import { badValue, MongoCommandError, notSupported } from './errors';
import { compileFilter, leavesAtParts, type Matcher } from './query';
import { compareValues, type Doc, formatValue, isNumeric, isPlainDoc, toDouble, typeRank, valueKey, valuesEqual } from './values';

/** A stored document. The record object is stable for the document's lifetime; `doc` is replaced on update. */
export interface DocRecord {
  doc: Doc;
  /** Insertion order, to return documents in natural order whichever way they were found. */
  readonly seq: number;
}

const EMPTY_ARRAY_KEY = 'u';
const KEY_SEPARATOR = '\u0001';

export interface IndexKeys {
  /** Full (compound) keys, one per combination of multikey values; unique indexes only (nothing else reads them). */
  full: string[];
  /** The values behind each full key (its position in the tree, and duplicate-key messages). */
  values: unknown[][];
  /** Positions of the fields that held an array or several values in this document. */
  multikey: number[];
}

/** Sentinels for tree positions before and after every key value. */
export const LOW_KEY = Symbol('low');
export const HIGH_KEY = Symbol('high');

/** A value range on one field, in value order (type-bracketed: only values of the bounds' type fall in it). */
export interface ValueRange {
  low?: unknown;
  lowInclusive: boolean;
  high?: unknown;
  highInclusive: boolean;
}

/** What a scan may use on each leading field: a set of values, or a range on the last one. */
export type FieldBound = { points: unknown[] } | { range: ValueRange };

export interface ScanStats {
  keysExamined: number;
}

const INDEX_OPTION_FIELDS = new Set([
  'key', 'name', 'v', 'unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'hidden', 'background', 'ns',
  'collation', 'weights', 'default_language', 'language_override', 'textIndexVersion', '2dsphereIndexVersion', 'bits',
  'min', 'max', 'bucketSize', 'wildcardProjection', 'storageEngine', 'dropDups', 'clustered',
]);

/** Fields that make two index specs "the same index" for createIndexes' idempotency check. */
function comparableOptions(spec: Doc): Doc {
  const out: Doc = {};
  for (const field of ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'hidden']) {
    const value = spec[field];
    if (value === undefined || value === false) continue;
    out[field] = field === 'unique' || field === 'sparse' || field === 'hidden' ? true : value;
  }
  return out;
}

export function defaultIndexName(key: Doc): string {
  return Object.entries(key)
    .map(([field, dir]) => `${field}_${isNumeric(dir) ? toDouble(dir) : String(dir)}`)
    .join('_');
}

/** Validates a createIndexes entry and returns the spec as listIndexes will show it. */
export function normalizeIndexSpec(raw: unknown): Doc {
  if (!isPlainDoc(raw)) throw new MongoCommandError('TypeMismatch', 'The field \'indexes\' must be an array of objects');
  const key = raw.key;
  if (!isPlainDoc(key) || Object.keys(key).length === 0) throw new MongoCommandError('CannotCreateIndex', "The 'key' field must be a non-empty object");
  const normalizedKey: Doc = {};
  for (const [field, dir] of Object.entries(key)) {
    if (typeof dir === 'string') throw notSupported(`Index type '${dir}' (on field '${field}')`);
    if (!isNumeric(dir) || toDouble(dir) === 0) {
      throw new MongoCommandError('CannotCreateIndex', `Error in specification ${formatValue(raw)} :: caused by :: Values in the index key pattern can only be positive or negative numbers`);
    }
    if (field === '' || field.startsWith('$') || field.split('.').some((p) => p === '')) {
      throw new MongoCommandError('CannotCreateIndex', `Error in specification ${formatValue(raw)} :: caused by :: Index key contains an illegal field name: '${field}'`);
    }
    normalizedKey[field] = dir;
  }
  if (raw.name !== undefined && (typeof raw.name !== 'string' || raw.name === '')) {
    throw new MongoCommandError('CannotCreateIndex', "The index name must be a non-empty string");
  }
  if (raw.collation !== undefined) throw notSupported('Index collation');
  if (raw.partialFilterExpression !== undefined) {
    if (!isPlainDoc(raw.partialFilterExpression)) throw badValue('partialFilterExpression must be an object');
    if (raw.sparse === true) throw new MongoCommandError('CannotCreateIndex', 'cannot mix "partialFilterExpression" and "sparse" options');
    compileFilter(raw.partialFilterExpression);
  }
  if (raw.expireAfterSeconds !== undefined && !isNumeric(raw.expireAfterSeconds)) {
    throw new MongoCommandError('CannotCreateIndex', 'TTL index \'expireAfterSeconds\' option must be numeric');
  }
  for (const field of Object.keys(raw)) {
    if (!INDEX_OPTION_FIELDS.has(field)) {
      throw new MongoCommandError('InvalidOptions', `Error in specification ${formatValue(raw)} :: caused by :: The field '${field}' is not valid for an index specification.`);
    }
  }
  const name = typeof raw.name === 'string' ? raw.name : defaultIndexName(normalizedKey);
  const spec: Doc = { v: 2, key: normalizedKey, name };
  if (raw.unique === true || (isNumeric(raw.unique) && toDouble(raw.unique) !== 0)) spec.unique = true;
  if (raw.sparse === true || (isNumeric(raw.sparse) && toDouble(raw.sparse) !== 0)) spec.sparse = true;
  if (raw.partialFilterExpression !== undefined) spec.partialFilterExpression = raw.partialFilterExpression;
  if (raw.expireAfterSeconds !== undefined) spec.expireAfterSeconds = raw.expireAfterSeconds;
  if (raw.hidden === true) spec.hidden = true;
  return spec;
}

export function sameIndexOptions(a: Doc, b: Doc): boolean {
  return valuesEqual(a.key, b.key) && valuesEqual(comparableOptions(a), comparableOptions(b));
}

export function sameKeyPattern(a: Doc, b: Doc): boolean {
  return valuesEqual(a.key, b.key) && valuesEqual(a.partialFilterExpression ?? null, b.partialFilterExpression ?? null);
}

export class Index {
  readonly spec: Doc;
  readonly name: string;
  readonly fields: string[];
  readonly unique: boolean;
  readonly sparse: boolean;
  readonly partial: Matcher | undefined;
  /** 1 or -1 per field. */
  readonly directions: Array<1 | -1>;
  /** Field positions some document has held an array (or several values) at; never cleared, as in MongoDB. */
  readonly multikey = new Set<number>();
  private readonly full = new Map<string, Set<DocRecord>>();
  /** Each field's path split at its dots, once. */
  private readonly paths: string[][];
  /**
   * Only unique indexes answer "who holds this key?"; the others skip building
   * canonical key strings and the hash map on every write.
   */
  private readonly hashed: boolean;
  /** Keys are `[value per field..., record seq]`. */
  private readonly tree: BTree<unknown[], DocRecord>;

  /** `hashKeys: false` for an index whose uniqueness is kept elsewhere (`_id`: the collection's record map). */
  constructor(spec: Doc, hashKeys = spec.unique === true) {
    this.spec = spec;
    this.name = spec.name as string;
    this.fields = Object.keys(spec.key as Doc);
    this.directions = this.fields.map((f) => (toDouble((spec.key as Doc)[f]) < 0 ? -1 : 1));
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    this.partial = isPlainDoc(spec.partialFilterExpression) ? compileFilter(spec.partialFilterExpression) : undefined;
    this.tree = new BTree<unknown[], DocRecord>(undefined, (a, b) => this.compareTreeKeys(a, b));
    this.paths = this.fields.map((f) => f.split('.'));
    this.hashed = hashKeys;
  }

  /** Whether the planner may use this index at all (it must hold every document a query could match). */
  get plannable(): boolean {
    return !this.partial && this.spec.hidden !== true;
  }

  get size(): number {
    return this.tree.size;
  }

  /** The keys a document produces, or undefined when the index does not cover it (sparse/partial). */
  keysFor(doc: Doc): IndexKeys | undefined {
    if (this.partial && !this.partial(doc)) return undefined;
    const single = this.singleKey(doc);
    if (single) return single;
    const perField: unknown[][] = [];
    let present = false;
    let arrayFields = 0;
    const arrayNames: string[] = [];
    for (let f = 0; f < this.fields.length; f++) {
      const field = this.fields[f];
      const values: unknown[] = [];
      let fromArray = false;
      for (const leaf of leavesAtParts(doc, this.paths[f])) {
        if (typeof leaf === 'symbol') {
          values.push(null);
          continue;
        }
        present = true;
        if (Array.isArray(leaf)) {
          fromArray = true;
          if (leaf.length === 0) values.push(EMPTY_ARRAY_KEY_VALUE);
          else values.push(...leaf);
        } else {
          values.push(leaf);
        }
      }
      if (fromArray || values.length > 1) {
        arrayFields++;
        arrayNames.push(field);
      }
      perField.push(dedupe(values));
    }
    if (this.sparse && !present) return undefined;
    if (arrayFields > 1) {
      throw new MongoCommandError('CannotIndexParallelArrays', `cannot index parallel arrays [${arrayNames[1]}] [${arrayNames[0]}]`);
    }
    const full: string[] = [];
    const values: unknown[][] = [];
    const combine = (index: number, prefix: unknown[]): void => {
      if (index === perField.length) {
        values.push(prefix);
        if (this.hashed) full.push(prefix.map(keyOf).join(KEY_SEPARATOR));
        return;
      }
      for (const v of perField[index]) combine(index + 1, [...prefix, v]);
    };
    combine(0, []);
    const multikey = perField.flatMap((values, i) => (values.length > 1 || arrayNames.includes(this.fields[i]) ? [i] : []));
    return { full, values, multikey };
  }

  /**
   * The common case without walking arrays: every field a top-level, non-array
   * value (or missing). Undefined when the general path is needed.
   */
  private singleKey(doc: Doc): IndexKeys | undefined {
    const n = this.fields.length;
    const values: unknown[] = new Array(n);
    let present = false;
    for (let i = 0; i < n; i++) {
      const path = this.paths[i];
      if (path.length !== 1) return undefined;
      const field = path[0];
      if (!Object.prototype.hasOwnProperty.call(doc, field)) {
        values[i] = null;
        continue;
      }
      const value = doc[field];
      if (Array.isArray(value)) return undefined;
      present = true;
      values[i] = value;
    }
    if (this.sparse && !present) return undefined; // the general path decides what a sparse index skips
    return { full: this.hashed ? [values.map(keyOf).join(KEY_SEPARATOR)] : [], values: [values], multikey: [] };
  }

  add(record: DocRecord, keys: IndexKeys): void {
    if (this.hashed) for (const key of keys.full) addTo(this.full, key, record);
    for (const values of keys.values) this.tree.set(treeKey(values, record.seq), record);
    for (const i of keys.multikey) this.multikey.add(i);
  }

  remove(record: DocRecord, keys: IndexKeys): void {
    if (this.hashed) for (const key of keys.full) removeFrom(this.full, key, record);
    for (const values of keys.values) this.tree.delete(treeKey(values, record.seq));
  }

  /**
   * Records whose keys fall within `bounds` (one per leading field: values, or a
   * range on the last bounded field), in index order or its reverse, each once.
   * Stops as soon as the caller stops iterating.
   */
  *scan(bounds: readonly FieldBound[], reverse: boolean, stats: ScanStats, merge = false): Generator<DocRecord> {
    const prefixes = pointPrefixes(bounds, this.directions);
    if (reverse) prefixes.reverse();
    const last = bounds[bounds.length - 1];
    const range = last && 'range' in last ? last.range : undefined;
    const seen = this.multikey.size > 0 ? new Set<DocRecord>() : undefined;
    const scans = prefixes.map((prefix) => this.scanPrefix(prefix, range, reverse, stats));
    const entries = merge && scans.length > 1 ? mergeScans(scans, (a, b) => this.compareAfter(a, b, prefixes[0].length, reverse)) : chain(scans);
    for (const [, record] of entries) {
      if (seen) {
        if (seen.has(record)) continue;
        seen.add(record);
      }
      yield record;
    }
  }

  /** The tree entries holding `prefix` (and within `range` on the next field), in the direction of travel. */
  private *scanPrefix(prefix: unknown[], range: ValueRange | undefined, reverse: boolean, stats: ScanStats): Generator<[unknown[], DocRecord]> {
    const p = prefix.length;
    const dir = this.directions[p] ?? 1;
    // Where this prefix starts in the direction of travel.
    const edge: unknown[] = [...prefix];
    if (range) {
      // Index order runs low→high for an ascending field and high→low for a descending one.
      const atLowEnd = (dir === 1) !== reverse;
      const value = atLowEnd ? range.low : range.high;
      edge.push(value === undefined ? (reverse ? HIGH_KEY : LOW_KEY) : value);
    }
    while (edge.length <= this.fields.length) edge.push(reverse ? HIGH_KEY : LOW_KEY);
    const entries = reverse ? this.tree.entriesReversed(edge) : this.tree.entries(edge);
    for (const entry of entries) {
      stats.keysExamined++;
      const key = entry[0];
      if (!samePrefix(key, prefix)) break;
      if (range) {
        const where = rangePosition(key[p], range) * dir * (reverse ? -1 : 1);
        if (where < 0) continue; // not yet in range
        if (where > 0) break; // past it
      }
      yield entry;
    }
  }

  /** Tree order of two keys from their field `from` on (the fields after a merged prefix), in the direction of travel. */
  private compareAfter(a: unknown[], b: unknown[], from: number, reverse: boolean): number {
    for (let i = from; i < this.fields.length; i++) {
      const c = compareIndexValues(a[i], b[i]) * this.directions[i];
      if (c !== 0) return reverse ? -c : c;
    }
    return 0;
  }

  /** Tree order: each field's value in its direction (sentinels outside every value), then insertion order. */
  private compareTreeKeys(a: unknown[], b: unknown[]): number {
    const n = this.fields.length;
    for (let i = 0; i <= n; i++) {
      const x = a[i];
      const y = b[i];
      if (x === y) continue;
      if (x === LOW_KEY || y === HIGH_KEY) return -1;
      if (x === HIGH_KEY || y === LOW_KEY) return 1;
      if (i === n) return (x as number) - (y as number);
      const c = compareIndexValues(x, y);
      if (c !== 0) return c * this.directions[i];
    }
    return 0;
  }

  /** A record other than those in `ignore` that already holds `key`. */
  holderOf(key: string, ignore?: Set<DocRecord>): DocRecord | undefined {
    const holders = this.full.get(key);
    if (!holders) return undefined;
    for (const record of holders) if (!ignore || !ignore.has(record)) return record;
    return undefined;
  }

  clear(): void {
    this.full.clear();
    this.tree.clear();
    this.multikey.clear();
  }

  duplicateKeyError(ns: string, values: unknown[]): MongoCommandError {
    return duplicateKeyError(ns, this.name, this.spec.key as Doc, this.fields, values);
  }
}

function treeKey(values: unknown[], seq: number): unknown[] {
  const key = values.slice();
  key.push(seq);
  return key;
}

/** Marker value for an empty array, which MongoDB indexes as `undefined` (distinct from null). */
const EMPTY_ARRAY_KEY_VALUE = Symbol('emptyArray');

/** Index order of single values: an empty array first, then MongoDB's order. */
export function compareIndexValues(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY_KEY_VALUE || b === EMPTY_ARRAY_KEY_VALUE) return a === b ? 0 : a === EMPTY_ARRAY_KEY_VALUE ? -1 : 1;
  return compareValues(a, b);
}

function* chain<T>(scans: Iterable<T>[]): Generator<T> {
  for (const scan of scans) yield* scan;
}

/** The entries of several ordered scans as one ordered sequence (a binary heap of each scan's next entry). */
function* mergeScans(scans: Iterator<[unknown[], DocRecord]>[], compare: (a: unknown[], b: unknown[]) => number): Generator<[unknown[], DocRecord]> {
  type Head = { entry: [unknown[], DocRecord]; scan: Iterator<[unknown[], DocRecord]>; order: number };
  // Ties go to the earlier scan, then to insertion order, so the merge is deterministic.
  const before = (x: Head, y: Head): boolean => {
    const c = compare(x.entry[0], y.entry[0]);
    return c !== 0 ? c < 0 : x.order !== y.order ? x.order < y.order : x.entry[1].seq < y.entry[1].seq;
  };
  const heap: Head[] = [];
  const push = (head: Head): void => {
    heap.push(head);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const pop = (): Head => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };
  scans.forEach((scan, order) => {
    const next = scan.next();
    if (!next.done) push({ entry: next.value, scan, order });
  });
  while (heap.length > 0) {
    const head = pop();
    yield head.entry;
    const next = head.scan.next();
    if (!next.done) push({ entry: next.value, scan: head.scan, order: head.order });
  }
}

/** Every combination of the bounded values, in index order. */
export function pointPrefixes(bounds: readonly FieldBound[], directions: ReadonlyArray<1 | -1>): unknown[][] {
  let prefixes: unknown[][] = [[]];
  bounds.forEach((bound, i) => {
    if (!('points' in bound)) return;
    const sorted = [...bound.points].sort((a, b) => compareIndexValues(a, b) * directions[i]);
    const unique = sorted.filter((v, j) => j === 0 || compareIndexValues(v, sorted[j - 1]) !== 0);
    prefixes = prefixes.flatMap((prefix) => unique.map((v) => [...prefix, v]));
  });
  return prefixes;
}

function samePrefix(key: unknown[], prefix: unknown[]): boolean {
  for (let i = 0; i < prefix.length; i++) if (compareIndexValues(key[i], prefix[i]) !== 0) return false;
  return true;
}

/** -1 below the range, 0 inside, 1 above, in value order; other types sit below or above by type. */
function rangePosition(value: unknown, range: ValueRange): number {
  if (value === EMPTY_ARRAY_KEY_VALUE) return -1;
  const bound = range.low !== undefined ? range.low : range.high;
  const rank = typeRank(value);
  const boundRank = typeRank(bound);
  if (rank !== boundRank) return rank < boundRank ? -1 : 1;
  if (range.low !== undefined) {
    const c = compareValues(value, range.low);
    if (c < 0 || (c === 0 && !range.lowInclusive)) return -1;
  }
  if (range.high !== undefined) {
    const c = compareValues(value, range.high);
    if (c > 0 || (c === 0 && !range.highInclusive)) return 1;
  }
  return 0;
}

function keyOf(value: unknown): string {
  return value === EMPTY_ARRAY_KEY_VALUE ? EMPTY_ARRAY_KEY : valueKey(value);
}

function dedupe(values: unknown[]): unknown[] {
  if (values.length < 2) return values;
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = keyOf(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function addTo(map: Map<string, Set<DocRecord>>, key: string, record: DocRecord): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(record);
}

function removeFrom(map: Map<string, Set<DocRecord>>, key: string, record: DocRecord): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(record);
  if (set.size === 0) map.delete(key);
}

export function duplicateKeyError(ns: string, indexName: string, keyPattern: Doc, fields: string[], values: unknown[]): MongoCommandError {
  const keyValue: Doc = {};
  fields.forEach((field, i) => {
    const v = values[i];
    keyValue[field] = v === EMPTY_ARRAY_KEY_VALUE ? undefined : v;
  });
  const rendered = fields.map((field) => `${field}: ${formatValue(keyValue[field])}`).join(', ');
  return new MongoCommandError('DuplicateKey', `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: { ${rendered} }`, {
    keyPattern: { ...keyPattern },
    keyValue,
  });
}
