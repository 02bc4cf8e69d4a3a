/**
 * Databases, collections and documents, all in memory.
 *
 * Stored documents are never mutated: an update builds a new document and swaps it
 * into the record, so a document handed to a cursor or a reply can never change
 * underneath it. Every write validates all index constraints before it changes
 * anything, and runs synchronously, so no other command can interleave.
 */
import { UUID } from 'bson';
import { MongoCommandError } from './errors';
import { type DocRecord, Index, type IndexKeys, normalizeIndexSpec, sameIndexOptions, sameKeyPattern, duplicateKeyError } from './indexes';
import { choosePlan, type Plan } from './planner';
import type { Matcher } from './query';
import { parseSortSpec, sortDocuments } from './sort';
import { type Doc, formatValue, valueKey, valuesEqual } from './values';

export const ID_INDEX_SPEC: Doc = Object.freeze({ v: 2, key: { _id: 1 }, name: '_id_' }) as Doc;

export interface Change {
  record: DocRecord;
  next: Doc;
}

export interface QueryOptions {
  /** A sort specification; empty or absent for natural order. */
  sort?: unknown;
  /** Return at most this many (skip + limit); 0 or absent for all. */
  limit?: number;
}

export interface QueryResult {
  records: DocRecord[];
  plan: Plan;
  keysExamined: number;
  docsExamined: number;
}

export class Collection {
  readonly uuid = new UUID();
  private readonly records = new Map<string, DocRecord>();
  private readonly indexes = new Map<string, Index>();
  /** `_id` in order, for ranges and sorts on it (point lookups use `records`). */
  private readonly idIndex = new Index({ ...ID_INDEX_SPEC, unique: true }, false);
  private seq = 0;

  constructor(
    readonly db: Database,
    readonly name: string,
    readonly options: Doc,
  ) {}

  get ns(): string {
    return `${this.db.name}.${this.name}`;
  }

  get size(): number {
    return this.records.size;
  }

  indexSpecs(): Doc[] {
    return [{ ...ID_INDEX_SPEC }, ...[...this.indexes.values()].map((i) => i.spec)];
  }

  /** All documents in natural (insertion) order. The returned documents must not be mutated. */
  allDocs(): Doc[] {
    const out: Doc[] = [];
    for (const record of this.records.values()) out.push(record.doc);
    return out;
  }

  /** Records matching the filter, in natural order, at most `max` (in index order when stopped early). */
  findRecords(filter: Doc, matcher: Matcher, max = Number.POSITIVE_INFINITY): DocRecord[] {
    if (max <= 0) return [];
    return this.query(filter, matcher, { limit: Number.isFinite(max) ? max : 0 }).records;
  }

  /**
   * Runs a query on the plan `choosePlan` picks. With a sort the index gives, or a
   * limit and no sort, the scan stops once it has enough; otherwise matches come in
   * natural order and are sorted here (stable: ties keep natural order).
   */
  query(filter: Doc, matcher: Matcher, options: QueryOptions = {}): QueryResult {
    const sortFields = options.sort === undefined || options.sort === null ? [] : parseSortSpec(options.sort);
    const limit = options.limit && options.limit > 0 ? options.limit : Number.POSITIVE_INFINITY;
    const plan = choosePlan(filter, sortFields, [this.idIndex, ...this.indexes.values()]);
    const stats = { keysExamined: 0, docsExamined: 0 };
    const source: Iterable<DocRecord> =
      plan.stage === 'COLLSCAN' ? this.records.values() : plan.stage === 'IDHACK' ? this.byId(plan) : plan.index!.scan(plan.bounds, plan.reverse, stats, plan.merge === true);
    const early = sortFields.length > 0 ? plan.sorted : Number.isFinite(limit) || plan.stage === 'COLLSCAN';
    let records: DocRecord[] = [];
    for (const record of source) {
      stats.docsExamined++;
      if (!matcher(record.doc)) continue;
      records.push(record);
      if (early && records.length >= limit) break;
    }
    if (!early) {
      records = inNaturalOrder(records);
      if (sortFields.length > 0) {
        const byDoc = new Map(records.map((r) => [r.doc, r]));
        records = sortDocuments(records.map((r) => r.doc), options.sort).map((doc) => byDoc.get(doc)!);
      }
      if (records.length > limit) records = records.slice(0, limit);
    }
    return { records, plan, ...stats };
  }

  private byId(plan: Plan): DocRecord[] {
    const bound = plan.bounds[0] as { points: unknown[] };
    const record = this.records.get(valueKey(bound.points[0]));
    return record ? [record] : [];
  }

  private keysFor(doc: Doc): Map<Index, IndexKeys | undefined> {
    const keys = new Map<Index, IndexKeys | undefined>();
    for (const index of this.indexes.values()) keys.set(index, index.keysFor(doc));
    return keys;
  }

  /** Inserts a document that already has its `_id`; throws 11000 (and changes nothing) on a duplicate. */
  insert(doc: Doc): void {
    const idKey = valueKey(doc._id);
    if (this.records.has(idKey)) throw duplicateKeyError(this.ns, '_id_', { _id: 1 }, ['_id'], [doc._id]);
    const keys = this.keysFor(doc);
    for (const [index, k] of keys) {
      if (!index.unique || !k) continue;
      k.full.forEach((key, i) => {
        if (index.holderOf(key)) throw index.duplicateKeyError(this.ns, k.values[i]);
      });
    }
    const record: DocRecord = { doc, seq: this.seq++ };
    this.records.set(idKey, record);
    this.idIndex.add(record, this.idIndex.keysFor(doc)!);
    for (const [index, k] of keys) if (k) index.add(record, k);
  }

  /** Replaces several documents at once: every unique constraint is checked for the whole batch first. */
  replace(changes: Change[]): void {
    if (changes.length === 0) return;
    const changed = new Set(changes.map((c) => c.record));
    const plans = changes.map((change) => {
      if (!valuesEqual(change.record.doc._id, change.next._id)) {
        throw new MongoCommandError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
      }
      return { change, before: this.keysFor(change.record.doc), after: this.keysFor(change.next) };
    });
    for (const index of this.indexes.values()) {
      if (!index.unique) continue;
      const claimed = new Map<string, DocRecord>();
      for (const { change, after } of plans) {
        const k = after.get(index);
        if (!k) continue;
        k.full.forEach((key, i) => {
          const other = claimed.get(key);
          if ((other && other !== change.record) || index.holderOf(key, changed)) throw index.duplicateKeyError(this.ns, k.values[i]);
          claimed.set(key, change.record);
        });
      }
    }
    for (const { change, before, after } of plans) {
      for (const [index, k] of before) if (k) index.remove(change.record, k);
      change.record.doc = change.next;
      for (const [index, k] of after) if (k) index.add(change.record, k);
    }
  }

  delete(records: DocRecord[]): void {
    for (const record of records) {
      const idKey = valueKey(record.doc._id);
      if (this.records.get(idKey) !== record) continue;
      for (const [index, k] of this.keysFor(record.doc)) if (k) index.remove(record, k);
      this.idIndex.remove(record, this.idIndex.keysFor(record.doc)!);
      this.records.delete(idKey);
    }
  }

  /** Returns the name of the index built, or undefined when an identical one already existed. */
  createIndex(rawSpec: unknown): string | undefined {
    const spec = normalizeIndexSpec(rawSpec);
    const name = spec.name as string;
    if (valuesEqual(spec.key, { _id: 1 })) {
      // The _id index always exists; asking for it again is a no-op, as in MongoDB.
      if (!spec.partialFilterExpression && !spec.sparse) return undefined;
      throw new MongoCommandError('CannotCreateIndex', 'The _id index cannot be sparse or partial');
    }
    if (name === '_id_') {
      throw new MongoCommandError('IndexKeySpecsConflict', `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${formatValue(spec)}, existing index: ${formatValue(ID_INDEX_SPEC)}`);
    }
    const sameName = this.indexes.get(name);
    if (sameName) {
      if (sameIndexOptions(sameName.spec, spec)) return undefined;
      if (valuesEqual(sameName.spec.key, spec.key)) {
        throw new MongoCommandError('IndexOptionsConflict', `An existing index has the same name as the requested index but different options. Requested index: ${formatValue(spec)}, existing index: ${formatValue(sameName.spec)}`);
      }
      throw new MongoCommandError(
        'IndexKeySpecsConflict',
        `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${formatValue(spec)}, existing index: ${formatValue(sameName.spec)}`,
      );
    }
    for (const existing of this.indexes.values()) {
      if (!sameKeyPattern(existing.spec, spec)) continue;
      if (sameIndexOptions(existing.spec, spec)) {
        throw new MongoCommandError('IndexOptionsConflict', `Index already exists with a different name: ${existing.name}`);
      }
      throw new MongoCommandError(
        'IndexOptionsConflict',
        `An equivalent index already exists with the same name but different options. Requested index: ${formatValue(spec)}, existing index: ${formatValue(existing.spec)}`,
      );
    }
    const index = new Index(spec);
    const built: [DocRecord, IndexKeys][] = [];
    const seen = new Map<string, DocRecord>();
    for (const record of this.records.values()) {
      const k = index.keysFor(record.doc);
      if (!k) continue;
      if (index.unique) {
        k.full.forEach((key, i) => {
          const other = seen.get(key);
          if (other && other !== record) {
            const dup = index.duplicateKeyError(this.ns, k.values[i]);
            throw new MongoCommandError('DuplicateKey', `Index build failed: ${this.uuid.toHexString()}: Collection ${this.ns} ( ${this.uuid.toHexString()} ) :: caused by :: ${dup.message}`, dup.extra);
          }
          seen.set(key, record);
        });
      }
      built.push([record, k]);
    }
    for (const [record, k] of built) index.add(record, k);
    this.indexes.set(name, index);
    return name;
  }

  /** Drops by name, by key pattern, or all but `_id_` with "*"; returns the names dropped. */
  dropIndex(which: unknown): string[] {
    if (which === '*') {
      const names = [...this.indexes.keys()];
      this.indexes.clear();
      return names;
    }
    if (typeof which === 'string') {
      if (which === '_id_') throw new MongoCommandError('InvalidOptions', 'cannot drop _id index');
      if (!this.indexes.has(which)) throw new MongoCommandError('IndexNotFound', `index not found with name [${which}]`);
      this.indexes.delete(which);
      return [which];
    }
    if (which !== null && typeof which === 'object' && !Array.isArray(which)) {
      if (valuesEqual(which, { _id: 1 })) throw new MongoCommandError('InvalidOptions', 'cannot drop _id index');
      const matches = [...this.indexes.values()].filter((i) => valuesEqual(i.spec.key, which));
      if (matches.length === 0) throw new MongoCommandError('IndexNotFound', `can't find index with key: ${formatValue(which)}`);
      if (matches.length > 1) throw new MongoCommandError('AmbiguousIndexKeyPattern', `${matches.length} indexes found for key: ${formatValue(which)}, identify by name instead. Conflicting indexes: ${matches.map((m) => formatValue(m.spec)).join(', ')}`);
      this.indexes.delete(matches[0].name);
      return [matches[0].name];
    }
    if (Array.isArray(which)) {
      for (const name of which) {
        if (typeof name !== 'string') throw new MongoCommandError('TypeMismatch', 'dropIndexes index names must be strings');
        if (name === '_id_') throw new MongoCommandError('InvalidOptions', 'cannot drop _id index');
        if (!this.indexes.has(name)) throw new MongoCommandError('IndexNotFound', `index not found with name [${name}]`);
      }
      for (const name of which as string[]) this.indexes.delete(name);
      return which as string[];
    }
    throw new MongoCommandError('TypeMismatch', "The 'index' field must be a string, an object or an array of strings");
  }

  get indexCount(): number {
    return this.indexes.size + 1;
  }
}

function inNaturalOrder(records: DocRecord[]): DocRecord[] {
  return records.length > 1 ? records.sort((a, b) => a.seq - b.seq) : records;
}

export class Database {
  readonly collections = new Map<string, Collection>();

  constructor(readonly name: string) {}

  get(name: string): Collection | undefined {
    return this.collections.get(name);
  }
}

const INVALID_DB_CHARS = /[/\\. "$*<>:|?\0]/;

export function validateDbName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length >= 64 || INVALID_DB_CHARS.test(name)) {
    throw new MongoCommandError('InvalidNamespace', `Invalid database name: '${String(name)}'`);
  }
  return name;
}

export function validateCollectionName(dbName: string, name: unknown): string {
  if (typeof name !== 'string') {
    throw new MongoCommandError('InvalidNamespace', `collection name has invalid type ${typeof name}`);
  }
  if (name.length === 0 || name.includes('\0') || name.includes('$') || name.startsWith('.') || name.startsWith('system.')) {
    throw new MongoCommandError('InvalidNamespace', `Invalid collection name: ${dbName}.${name}`);
  }
  return name;
}

export class Storage {
  private readonly databases = new Map<string, Database>();

  database(name: string): Database | undefined {
    return this.databases.get(name);
  }

  /** Databases that hold at least one collection (as listDatabases reports them). */
  databaseNames(): string[] {
    return [...this.databases.values()].filter((d) => d.collections.size > 0).map((d) => d.name);
  }

  collection(dbName: string, name: string): Collection | undefined {
    return this.databases.get(dbName)?.get(name);
  }

  /** Returns the collection, creating it (and its database) when missing, as an insert does. */
  ensureCollection(dbName: string, name: string, options: Doc = {}): Collection {
    validateDbName(dbName);
    validateCollectionName(dbName, name);
    let db = this.databases.get(dbName);
    if (!db) {
      db = new Database(dbName);
      this.databases.set(dbName, db);
    }
    let collection = db.get(name);
    if (!collection) {
      collection = new Collection(db, name, options);
      db.collections.set(name, collection);
    }
    return collection;
  }

  dropCollection(dbName: string, name: string): Collection | undefined {
    const db = this.databases.get(dbName);
    const collection = db?.get(name);
    if (db && collection) db.collections.delete(name);
    return collection;
  }

  dropDatabase(dbName: string): void {
    this.databases.delete(dbName);
  }
}
