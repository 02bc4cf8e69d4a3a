/**
 * What mongod's TTL monitor does: on an interval (mongod: 60 s), delete every document
 * whose TTL-indexed date is older than `expireAfterSeconds`. As in MongoDB, only a
 * single-field index with `expireAfterSeconds` counts; a document expires by its date,
 * or by the earliest date of an array, and one without a date at that path never
 * expires; a partial index only expires the documents it covers.
 */
import { compileFilter } from './query';
import type { Storage } from './storage';
import { type Doc, isNumeric, isPlainDoc, toDouble } from './values';

export function expireDocuments(storage: Storage, now: Date): number {
  let removed = 0;
  for (const dbName of storage.databaseNames()) {
    const database = storage.database(dbName);
    for (const collection of database?.collections.values() ?? []) {
      for (const spec of collection.indexSpecs()) {
        const fields = isPlainDoc(spec.key) ? Object.keys(spec.key) : [];
        if (!isNumeric(spec.expireAfterSeconds) || fields.length !== 1) continue;
        const cutoff = now.getTime() - toDouble(spec.expireAfterSeconds) * 1000;
        const covered = isPlainDoc(spec.partialFilterExpression) ? compileFilter(spec.partialFilterExpression) : () => true;
        const path = fields[0].split('.');
        const expired = collection.findRecords({}, (doc) => {
          const earliest = earliestDate(doc, path);
          return earliest !== undefined && earliest <= cutoff && covered(doc);
        });
        collection.delete(expired);
        removed += expired.length;
      }
    }
  }
  return removed;
}

/** The earliest Date at a dotted path, looking through arrays as an index key does. */
function earliestDate(value: unknown, path: string[]): number | undefined {
  if (Array.isArray(value)) {
    let earliest: number | undefined;
    for (const item of value) {
      const date = earliestDate(item, path);
      if (date !== undefined && (earliest === undefined || date < earliest)) earliest = date;
    }
    return earliest;
  }
  if (path.length === 0) return value instanceof Date ? value.getTime() : undefined;
  if (!isPlainDoc(value)) return undefined;
  return earliestDate((value as Doc)[path[0]], path.slice(1));
}
