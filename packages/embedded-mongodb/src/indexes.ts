/**
 * Secondary indexes: hash maps from a canonical key string to the records holding
 * that key. They serve two purposes: enforcing unique constraints without scanning,
 * and finding candidates for equality filters on their leading field.
 * Ordering (ranges, sorts) is not indexed; those queries scan.
 */
import { badValue, MongoCommandError, notSupported } from './errors';
import { compileFilter, leavesAt, type Matcher } from './query';
import { type Doc, formatValue, isNumeric, isPlainDoc, toDouble, valueKey, valuesEqual } from './values';

/** A stored document. The record object is stable for the document's lifetime; `doc` is replaced on update. */
export interface DocRecord {
  doc: Doc;
  /** Insertion order, to return documents in natural order whichever way they were found. */
  readonly seq: number;
}

const EMPTY_ARRAY_KEY = 'u';
const KEY_SEPARATOR = '\u0001';

export interface IndexKeys {
  /** Full (compound) keys, one per combination of multikey values. */
  full: string[];
  /** Keys of the leading field only. */
  leading: string[];
  /** The values behind each full key, for duplicate-key messages. */
  values: unknown[][];
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
  private readonly full = new Map<string, Set<DocRecord>>();
  /** Leading-field map; for single-field indexes it is the same map as `full`. */
  private readonly leading: Map<string, Set<DocRecord>>;

  constructor(spec: Doc) {
    this.spec = spec;
    this.name = spec.name as string;
    this.fields = Object.keys(spec.key as Doc);
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    this.partial = isPlainDoc(spec.partialFilterExpression) ? compileFilter(spec.partialFilterExpression) : undefined;
    this.leading = this.fields.length === 1 ? this.full : new Map();
  }

  /** Whether this index may answer "which documents hold value v at the leading field". */
  canServeEquality(values: unknown[]): boolean {
    if (this.partial || this.spec.hidden === true) return false;
    return values.every((v) => !Array.isArray(v) && !(this.sparse && (v === null || v === undefined)));
  }

  /** The keys a document produces, or undefined when the index does not cover it (sparse/partial). */
  keysFor(doc: Doc): IndexKeys | undefined {
    if (this.partial && !this.partial(doc)) return undefined;
    const perField: unknown[][] = [];
    let present = false;
    let arrayFields = 0;
    const arrayNames: string[] = [];
    for (const field of this.fields) {
      const values: unknown[] = [];
      let fromArray = false;
      for (const leaf of leavesAt(doc, field)) {
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
        full.push(prefix.map(keyOf).join(KEY_SEPARATOR));
        return;
      }
      for (const v of perField[index]) combine(index + 1, [...prefix, v]);
    };
    combine(0, []);
    return { full, leading: perField[0].map(keyOf), values };
  }

  add(record: DocRecord, keys: IndexKeys): void {
    for (const key of keys.full) addTo(this.full, key, record);
    if (this.leading !== this.full) for (const key of keys.leading) addTo(this.leading, key, record);
  }

  remove(record: DocRecord, keys: IndexKeys): void {
    for (const key of keys.full) removeFrom(this.full, key, record);
    if (this.leading !== this.full) for (const key of keys.leading) removeFrom(this.leading, key, record);
  }

  /** A record other than those in `ignore` that already holds `key`. */
  holderOf(key: string, ignore?: Set<DocRecord>): DocRecord | undefined {
    const holders = this.full.get(key);
    if (!holders) return undefined;
    for (const record of holders) if (!ignore || !ignore.has(record)) return record;
    return undefined;
  }

  lookupLeading(value: unknown): Set<DocRecord> | undefined {
    return this.leading.get(keyOf(value));
  }

  clear(): void {
    this.full.clear();
    this.leading.clear();
  }

  duplicateKeyError(ns: string, values: unknown[]): MongoCommandError {
    return duplicateKeyError(ns, this.name, this.spec.key as Doc, this.fields, values);
  }
}

/** Marker value for an empty array, which MongoDB indexes as `undefined` (distinct from null). */
const EMPTY_ARRAY_KEY_VALUE = Symbol('emptyArray');

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
