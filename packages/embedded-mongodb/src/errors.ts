/**
 * Errors that travel back to the client as `{ ok: 0, errmsg, code, codeName }`.
 * The codes are MongoDB's own, because the driver and Mongoose branch on them
 * (11000 duplicate key, 26 namespace not found, 48 namespace exists, ...).
 */

export const ErrorCodes = {
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  CommandNotFound: 59,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CommandNotSupported: 115,
  InvalidPipelineOperator: 168,
  CannotIndexParallelArrays: 171,
  NoSuchTransaction: 251,
  NotImplemented: 238,
  DuplicateKey: 11000,
  BSONObjectTooLarge: 10334,
  Unauthorized: 13,
  InvalidLength: 16,
  AmbiguousIndexKeyPattern: 339,
  UnsupportedOpQueryCommand: 352,
  Location40323: 40323,
  Location40324: 40324,
  Location15955: 15955,
  Location16020: 16020,
  Location16612: 16612,
  Location28818: 28818,
  Location51272: 51272,
  Location51103: 51103,
  Location51104: 51104,
  Location51105: 51105,
  Location51106: 51106,
  Location31253: 31253,
  Location31254: 31254,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

const CODE_NAMES = new Map<number, string>(Object.entries(ErrorCodes).map(([name, code]) => [code, name]));

export class MongoCommandError extends Error {
  readonly code: number;
  readonly codeName: string;
  /** Extra reply fields MongoDB sends with this error (keyPattern/keyValue for 11000). */
  readonly extra: Record<string, unknown>;

  constructor(codeName: ErrorCodeName, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'MongoCommandError';
    this.code = ErrorCodes[codeName];
    this.codeName = CODE_NAMES.get(this.code) ?? `Location${this.code}`;
    this.extra = extra;
  }

  /** The shape used both for a failed command and for one entry of `writeErrors`. */
  toReply(): Record<string, unknown> {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }

  toWriteError(index: number): Record<string, unknown> {
    return { index, code: this.code, codeName: this.codeName, errmsg: this.message, ...this.extra };
  }
}

export function badValue(message: string): MongoCommandError {
  return new MongoCommandError('BadValue', message);
}

export function failedToParse(message: string): MongoCommandError {
  return new MongoCommandError('FailedToParse', message);
}

/** Known MongoDB features this engine deliberately does not implement: fail loudly instead of answering wrongly. */
export function notSupported(what: string): MongoCommandError {
  return new MongoCommandError('NotImplemented', `${what} is not supported by the Waypoint embedded engine (use a real MongoDB for this feature)`);
}

/** Turns anything thrown while executing a command into a MongoDB-shaped error. */
export function toCommandError(error: unknown): MongoCommandError {
  if (error instanceof MongoCommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // mingo reports unknown operators as "... '$op' is not registered" or "unregistered pipeline operator $op".
  const unknownOp = /'(\$[\w$]+)' is not registered|unregistered pipeline operator (\$[\w$]+)/.exec(message);
  if (unknownOp) {
    const op = unknownOp[1] ?? unknownOp[2];
    return new MongoCommandError('InvalidPipelineOperator', `Unrecognized expression '${op}'`);
  }
  return new MongoCommandError('BadValue', message);
}
