/**
 * BSON value semantics on the in-memory representation.
 *
 * Documents are kept as the `bson` package deserializes them with
 * `promoteValues: true, promoteLongs: false`: Int32/Double become JS numbers,
 * Int64 stays a `Long` (so it goes back out as an Int64 at full precision), and
 * ObjectId, Decimal128, Binary, Timestamp, MinKey/MaxKey stay bson objects.
 * mingo compares such objects by `toString()`, which orders Longs and Decimals
 * wrongly and puts them in the wrong place in MongoDB's cross-type order; so
 * matching, sorting, index keys and update arithmetic use the functions here.
 */
import { type Binary, Decimal128, Long, ObjectId, serialize, type Timestamp } from 'bson';

export type Doc = Record<string, unknown>;

/** MongoDB's canonical type order (BSON spec "Comparison/Sort Order"). */
export const enum TypeRank {
  MinKey = 1,
  Null = 5,
  Number = 10,
  String = 15,
  Object = 20,
  Array = 25,
  BinData = 30,
  ObjectId = 35,
  Boolean = 40,
  Date = 45,
  Timestamp = 47,
  RegExp = 50,
  Code = 60,
  MaxKey = 127,
}

export function bsonTypeOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const tag = (value as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

export function isPlainDoc(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value)) return false;
  return bsonTypeOf(value) === undefined;
}

export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'bigint') return true;
  const t = bsonTypeOf(value);
  return t === 'Long' || t === 'Decimal128' || t === 'Int32' || t === 'Double';
}

export function typeRank(value: unknown): TypeRank {
  if (value === null || value === undefined) return TypeRank.Null;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return TypeRank.Number;
    case 'string':
      return TypeRank.String;
    case 'boolean':
      return TypeRank.Boolean;
    case 'object':
      break;
    default:
      return TypeRank.Code;
  }
  if (Array.isArray(value)) return TypeRank.Array;
  if (value instanceof Date) return TypeRank.Date;
  if (value instanceof RegExp) return TypeRank.RegExp;
  if (ArrayBuffer.isView(value)) return TypeRank.BinData;
  switch (bsonTypeOf(value)) {
    case undefined:
    case 'DBRef':
      return TypeRank.Object;
    case 'Long':
    case 'Decimal128':
    case 'Int32':
    case 'Double':
      return TypeRank.Number;
    case 'BSONSymbol':
      return TypeRank.String;
    case 'Binary':
      return TypeRank.BinData;
    case 'ObjectId':
      return TypeRank.ObjectId;
    case 'Timestamp':
      return TypeRank.Timestamp;
    case 'BSONRegExp':
      return TypeRank.RegExp;
    case 'MinKey':
      return TypeRank.MinKey;
    case 'MaxKey':
      return TypeRank.MaxKey;
    default:
      return TypeRank.Code;
  }
}

/** A numeric value as either an exact integer (bigint) or a double. */
type Num = { int: bigint; dbl?: undefined } | { int?: undefined; dbl: number };

function decimalToNumber(d: Decimal128): number {
  const s = d.toString();
  if (s === 'NaN' || s === '-NaN') return Number.NaN;
  return Number(s);
}

export function toNum(value: unknown): Num {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { int: BigInt(value) } : { dbl: value };
  }
  if (typeof value === 'bigint') return { int: value };
  switch (bsonTypeOf(value)) {
    case 'Long':
      return { int: BigInt((value as Long).toString()) };
    case 'Int32':
    case 'Double':
      return toNum((value as { value: number }).value);
    case 'Decimal128': {
      const n = decimalToNumber(value as Decimal128);
      return Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? { int: BigInt(n) } : { dbl: n };
    }
    default:
      return { dbl: Number.NaN };
  }
}

/** The value as a JS double (lossy for Longs beyond 2^53; used where MongoDB itself yields doubles). */
export function toDouble(value: unknown): number {
  const n = toNum(value);
  return n.int !== undefined ? Number(n.int) : n.dbl;
}

function compareNumbers(a: unknown, b: unknown): number {
  const x = toNum(a);
  const y = toNum(b);
  if (x.int !== undefined && y.int !== undefined) return x.int < y.int ? -1 : x.int > y.int ? 1 : 0;
  const dx = x.int !== undefined ? Number(x.int) : x.dbl;
  const dy = y.int !== undefined ? Number(y.int) : y.dbl;
  // MongoDB orders NaN below every other number and equal to itself.
  const nx = Number.isNaN(dx);
  const ny = Number.isNaN(dy);
  if (nx || ny) return nx && ny ? 0 : nx ? -1 : 1;
  return dx < dy ? -1 : dx > dy ? 1 : 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : String((value as { value?: unknown }).value ?? value);
}

function binaryBytes(value: unknown): Uint8Array {
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  const bin = value as Binary;
  return bin.buffer.subarray(0, bin.position);
}

function binarySubtype(value: unknown): number {
  return ArrayBuffer.isView(value) ? 0 : (value as Binary).sub_type;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length < 0 ? -1 : a.length > b.length ? 1 : 0;
}

function regexParts(value: unknown): [string, string] {
  if (value instanceof RegExp) return [value.source, value.flags];
  const r = value as { pattern: string; options: string };
  return [r.pattern, r.options];
}

function docEntries(value: unknown): [string, unknown][] {
  if (bsonTypeOf(value) === 'DBRef') {
    const ref = value as { toJSON(): Doc };
    return Object.entries(ref.toJSON());
  }
  return Object.entries(value as Doc);
}

/**
 * bson 7 keeps an ObjectId's 12 bytes as four 24-bit integers (`i0`..`i3`, big-endian
 * order), and its `id` getter allocates a fresh buffer on every call; comparing the
 * integers gives the byte order without allocating. Any other shape falls back to bytes.
 */
interface PackedObjectId {
  i0: number;
  i1: number;
  i2: number;
  i3: number;
}

function isPacked(value: unknown): value is PackedObjectId {
  return typeof (value as PackedObjectId).i0 === 'number' && typeof (value as PackedObjectId).i3 === 'number';
}

export function compareObjectIds(a: ObjectId, b: ObjectId): number {
  if (isPacked(a) && isPacked(b)) {
    if (a.i0 !== b.i0) return a.i0 < b.i0 ? -1 : 1;
    if (a.i1 !== b.i1) return a.i1 < b.i1 ? -1 : 1;
    if (a.i2 !== b.i2) return a.i2 < b.i2 ? -1 : 1;
    return a.i3 === b.i3 ? 0 : a.i3 < b.i3 ? -1 : 1;
  }
  return compareBytes(a.id, b.id);
}

/** Stored values are this package's ObjectIds (the wire decoder makes them); the tag also admits another bson copy's. */
export function isObjectId(value: unknown): value is ObjectId {
  return value instanceof ObjectId || (value !== null && typeof value === 'object' && (value as { _bsontype?: unknown })._bsontype === 'ObjectId');
}

/** Total order over BSON values, as MongoDB compares them (numbers compare across numeric types). */
export function compareValues(a: unknown, b: unknown): number {
  // Fast paths for the values index seeks and filters compare most (same-type strings,
  // doubles, ObjectIds, dates); each gives what the general path below would.
  const ta = typeof a;
  if (ta === typeof b) {
    if (ta === 'string') return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    if (ta === 'number' && !Number.isNaN(a) && !Number.isNaN(b)) return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    if (a instanceof ObjectId && b instanceof ObjectId) return compareObjectIds(a, b);
    if (a instanceof Date && b instanceof Date) {
      const da = a.getTime();
      const db = b.getTime();
      return da < db ? -1 : da > db ? 1 : 0;
    }
  }
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case TypeRank.Null:
    case TypeRank.MinKey:
    case TypeRank.MaxKey:
      return 0;
    case TypeRank.Number:
      return compareNumbers(a, b);
    case TypeRank.String:
      return compareStrings(stringOf(a), stringOf(b));
    case TypeRank.Object: {
      const ea = docEntries(a);
      const eb = docEntries(b);
      const n = Math.min(ea.length, eb.length);
      for (let i = 0; i < n; i++) {
        const [ka, va] = ea[i];
        const [kb, vb] = eb[i];
        const ta = typeRank(va);
        const tb = typeRank(vb);
        if (ta !== tb) return ta < tb ? -1 : 1;
        const kc = compareStrings(ka, kb);
        if (kc !== 0) return kc;
        const vc = compareValues(va, vb);
        if (vc !== 0) return vc;
      }
      return ea.length === eb.length ? 0 : ea.length < eb.length ? -1 : 1;
    }
    case TypeRank.Array: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      const n = Math.min(xa.length, xb.length);
      for (let i = 0; i < n; i++) {
        const c = compareValues(xa[i], xb[i]);
        if (c !== 0) return c;
      }
      return xa.length === xb.length ? 0 : xa.length < xb.length ? -1 : 1;
    }
    case TypeRank.BinData: {
      const ba = binaryBytes(a);
      const bb = binaryBytes(b);
      if (ba.length !== bb.length) return ba.length < bb.length ? -1 : 1;
      const sa = binarySubtype(a);
      const sb = binarySubtype(b);
      if (sa !== sb) return sa < sb ? -1 : 1;
      return compareBytes(ba, bb);
    }
    case TypeRank.ObjectId:
      // Bytes, not hex strings: index seeks compare ObjectIds constantly, and hex costs microseconds each.
      return compareObjectIds(a as ObjectId, b as ObjectId);
    case TypeRank.Boolean:
      return a === b ? 0 : a ? 1 : -1;
    case TypeRank.Date: {
      const ta = (a as Date).getTime();
      const tb = (b as Date).getTime();
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    }
    case TypeRank.Timestamp: {
      const x = a as Timestamp;
      const y = b as Timestamp;
      if (x.t !== y.t) return x.t < y.t ? -1 : 1;
      return x.i === y.i ? 0 : x.i < y.i ? -1 : 1;
    }
    case TypeRank.RegExp: {
      const [pa, fa] = regexParts(a);
      const [pb, fb] = regexParts(b);
      return compareStrings(pa, pb) || compareStrings(fa, fb);
    }
    default:
      return compareStrings(String(a), String(b));
  }
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0;
}

/**
 * A string that is equal for two values exactly when `valuesEqual` holds: the key of
 * index maps, `$in` sets and `distinct`. 1, 1.0, Long(1) and Decimal128("1") share a key,
 * as they share one in a MongoDB index.
 */
export function valueKey(value: unknown): string {
  switch (typeRank(value)) {
    case TypeRank.Null:
      return 'n';
    case TypeRank.MinKey:
      return 'm';
    case TypeRank.MaxKey:
      return 'M';
    case TypeRank.Number: {
      const n = toNum(value);
      if (n.int !== undefined) return `#${n.int}`;
      // An integral double beyond 2^53 compares like an integer; give it the integer's key.
      if (Number.isInteger(n.dbl)) return `#${BigInt(n.dbl)}`;
      return `#${n.dbl}`;
    }
    case TypeRank.String:
      return `s${JSON.stringify(stringOf(value))}`;
    case TypeRank.Object:
      return `{${docEntries(value)
        .map(([k, v]) => `${JSON.stringify(k)}:${valueKey(v)}`)
        .join(',')}}`;
    case TypeRank.Array:
      return `[${(value as unknown[]).map(valueKey).join(',')}]`;
    case TypeRank.BinData:
      return `b${binarySubtype(value)}:${Buffer.from(binaryBytes(value)).toString('hex')}`;
    case TypeRank.ObjectId:
      return `o${(value as ObjectId).toHexString()}`;
    case TypeRank.Boolean:
      return value ? 't' : 'f';
    case TypeRank.Date:
      return `d${(value as Date).getTime()}`;
    case TypeRank.Timestamp:
      return `T${(value as Timestamp).t}:${(value as Timestamp).i}`;
    case TypeRank.RegExp: {
      const [p, f] = regexParts(value);
      return `r${JSON.stringify(p)}/${f}`;
    }
    default:
      return `c${String(value)}`;
  }
}

/**
 * Deep copy of documents and arrays. bson value objects (ObjectId, Long, Binary, ...) are
 * shared: nothing in the engine mutates them, and the reply path only serializes them.
 */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (!isPlainDoc(value)) return value;
  const out: Doc = {};
  for (const key of Object.keys(value)) out[key] = cloneValue((value as Doc)[key]);
  return out as T;
}

/** Byte-identical, types included (an update that sets a field to its current value modifies nothing). */
export function identicalDocs(a: Doc, b: Doc): boolean {
  return Buffer.compare(serialize(a), serialize(b)) === 0;
}

/** MongoDB's `$type` names and numbers. */
export const BSON_TYPE_ALIASES: Record<string, number> = {
  double: 1,
  string: 2,
  object: 3,
  array: 4,
  binData: 5,
  undefined: 6,
  objectId: 7,
  bool: 8,
  date: 9,
  null: 10,
  regex: 11,
  dbPointer: 12,
  javascript: 13,
  symbol: 14,
  javascriptWithScope: 15,
  int: 16,
  timestamp: 17,
  long: 18,
  decimal: 19,
  minKey: -1,
  maxKey: 127,
};

/** The BSON type number the value serializes as (JS numbers as the driver would write them). */
export function bsonTypeNumber(value: unknown): number {
  if (value === null) return 10;
  if (value === undefined) return 6;
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff && !Object.is(value, -0) ? 16 : 1;
    case 'bigint':
      return 18;
    case 'string':
      return 2;
    case 'boolean':
      return 8;
    default:
      break;
  }
  if (Array.isArray(value)) return 4;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 11;
  if (ArrayBuffer.isView(value)) return 5;
  const numbers: Record<string, number> = {
    Long: 18, Decimal128: 19, Int32: 16, Double: 1, BSONSymbol: 14, Binary: 5, ObjectId: 7, Timestamp: 17,
    BSONRegExp: 11, MinKey: -1, MaxKey: 127, Code: 13, DBRef: 3,
  };
  const tag = bsonTypeOf(value);
  return tag === undefined ? 3 : (numbers[tag] ?? 3);
}

const TYPE_NAMES: Record<number, string> = Object.fromEntries(Object.entries(BSON_TYPE_ALIASES).map(([k, v]) => [v, k]));

export function bsonTypeName(value: unknown): string {
  return TYPE_NAMES[bsonTypeNumber(value)] ?? 'object';
}

/** Renders a value the way MongoDB's error messages do (`{ email: "a@b.c" }`, `ObjectId('…')`). */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[ ${value.map(formatValue).join(', ')} ]`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  switch (bsonTypeOf(value)) {
    case 'ObjectId':
      return `ObjectId('${(value as ObjectId).toHexString()}')`;
    case 'Long':
      return (value as Long).toString();
    case 'Decimal128':
      return `Decimal128("${(value as Decimal128).toString()}")`;
    case 'Binary':
      return `BinData(${(value as Binary).sub_type}, ${Buffer.from(binaryBytes(value)).toString('hex').toUpperCase()})`;
    case undefined: {
      const entries = Object.entries(value as Doc);
      return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ')} }`;
    }
    default:
      return String(value);
  }
}

/** Resolves a dotted path without array traversal except numeric indexes (update semantics). */
export function getPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part)) return undefined;
      current = current[Number(part)];
    } else if (isPlainDoc(current)) {
      current = Object.prototype.hasOwnProperty.call(current, part) ? current[part] : undefined;
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (isNumeric(value)) {
    return toDouble(value) !== 0;
  }
  return true;
}

/** Number kinds as they travel in BSON: a JS number is an int32 when integral and in range, else a double. */
export function numberKind(value: unknown): 'int' | 'long' | 'double' | 'decimal' {
  if (typeof value === 'number') return Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff ? 'int' : 'double';
  if (typeof value === 'bigint') return 'long';
  const t = bsonTypeOf(value);
  if (t === 'Long') return 'long';
  if (t === 'Decimal128') return 'decimal';
  if (t === 'Int32') return 'int';
  return 'double';
}

const INT64_MAX = 0x7fffffffffffffffn;
const INT64_MIN = -0x8000000000000000n;

/**
 * MongoDB's numeric promotion: int op int stays int unless it overflows (then Int64),
 * Int64 stays Int64, any double makes a double, any Decimal128 a Decimal128 (computed
 * through doubles here). Returns undefined when an Int64 result overflows.
 */
function combineNumbers(a: unknown, b: unknown, op: (x: bigint, y: bigint) => bigint, dop: (x: number, y: number) => number): unknown {
  const ka = numberKind(a);
  const kb = numberKind(b);
  if (ka === 'decimal' || kb === 'decimal') return Decimal128.fromString(String(dop(toDouble(a), toDouble(b))));
  if (ka === 'double' || kb === 'double') return dop(toDouble(a), toDouble(b));
  const result = op(toNum(a).int as bigint, toNum(b).int as bigint);
  if (result > INT64_MAX || result < INT64_MIN) return undefined;
  if (ka === 'int' && kb === 'int' && result >= -0x80000000n && result <= 0x7fffffffn) return Number(result);
  return Long.fromBigInt(result);
}

export function addNumbers(a: unknown, b: unknown): unknown {
  return combineNumbers(a, b, (x, y) => x + y, (x, y) => x + y);
}

export function multiplyNumbers(a: unknown, b: unknown): unknown {
  return combineNumbers(a, b, (x, y) => x * y, (x, y) => x * y);
}

/** MongoDB always stores `_id` as the first field. */
export function idFirst(doc: Doc): Doc {
  const keys = Object.keys(doc);
  if (!('_id' in doc) || keys[0] === '_id') return doc;
  const out: Doc = { _id: doc._id };
  for (const key of keys) if (key !== '_id') out[key] = doc[key];
  return out;
}
