/** Sort specifications (`{ a: 1, 'b.c': -1 }`) with MongoDB's ordering of mixed types and arrays. */
import { badValue, notSupported } from './errors';
import { leavesAt } from './query';
import { compareValues, type Doc, isNumeric, isPlainDoc, toDouble } from './values';

/** An empty array sorts before null and missing. */
const EMPTY_ARRAY = Symbol('emptyArray');

interface SortField {
  path: string;
  direction: 1 | -1;
}

export function parseSortSpec(spec: unknown): SortField[] {
  if (!isPlainDoc(spec)) throw badValue('sort must be an object');
  return Object.keys(spec).map((path) => {
    const value = spec[path];
    if (isPlainDoc(value) && '$meta' in value) throw notSupported(`Sorting by { $meta: ${JSON.stringify(value.$meta)} }`);
    const n = isNumeric(value) ? toDouble(value) : Number.NaN;
    if (n !== 1 && n !== -1) throw badValue('$sort key ordering must be 1 (for ascending) or -1 (for descending)');
    return { path, direction: n };
  });
}

function compareKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) return a === b ? 0 : a === EMPTY_ARRAY ? -1 : 1;
  return compareValues(a, b);
}

/** The value a document sorts by: the smallest array element ascending, the largest descending. */
function sortKey(doc: Doc, field: SortField): unknown {
  const candidates: unknown[] = [];
  for (const leaf of leavesAt(doc, field.path)) {
    if (Array.isArray(leaf)) {
      if (leaf.length === 0) candidates.push(EMPTY_ARRAY);
      else candidates.push(...leaf);
    } else {
      candidates.push(typeof leaf === 'symbol' ? null : leaf);
    }
  }
  let best = candidates[0];
  for (let i = 1; i < candidates.length; i++) {
    const c = compareKeys(candidates[i], best);
    if (field.direction === 1 ? c < 0 : c > 0) best = candidates[i];
  }
  return best;
}

/** Sorts a copy of `docs` (stable: ties keep their input order). */
export function sortDocuments<T extends Doc>(docs: T[], spec: unknown): T[] {
  const fields = parseSortSpec(spec);
  if (fields.length === 0) return docs.slice();
  const decorated = docs.map((doc, index) => ({ doc, index, keys: fields.map((f) => sortKey(doc, f)) }));
  decorated.sort((x, y) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareKeys(x.keys[i], y.keys[i]);
      if (c !== 0) return c * fields[i].direction;
    }
    return x.index - y.index;
  });
  return decorated.map((d) => d.doc);
}
