import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import type { CursorRegistry } from '../cursors';
import type { EngineLimits } from '../limits';
import { badValue, MongoCommandError, notSupported } from '../errors';
import { exprOptions } from '../mingo-context';
import type { Storage } from '../storage';
import { type Doc, isNumeric, isPlainDoc, toDouble } from '../values';

export interface ConnectionInfo {
  readonly id: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
}

/** State shared by every connection of one engine instance. */
export interface ServerState {
  readonly storage: Storage;
  readonly cursors: CursorRegistry;
  readonly limits: EngineLimits;
  readonly startedAt: number;
  readonly host: string;
  port: number;
  connections: { current: number; totalCreated: number };
}

export interface CommandContext {
  readonly server: ServerState;
  readonly dbName: string;
  readonly connection: ConnectionInfo;
}

/** Runs synchronously from parse to reply: no await may sit between a uniqueness check and its write. */
export type CommandHandler = (command: Doc, ctx: CommandContext) => Doc;

export function stringArg(command: Doc, field: string): string {
  const value = command[field];
  if (typeof value !== 'string') {
    throw new MongoCommandError('InvalidNamespace', `collection name has invalid type ${value === null ? 'null' : typeof value}`);
  }
  return value;
}

export function docArg(command: Doc, field: string, fallback: Doc = {}): Doc {
  const value = command[field];
  if (value === undefined || value === null) return fallback;
  if (!isPlainDoc(value)) throw new MongoCommandError('TypeMismatch', `BSON field '${field}' is the wrong type, expected type 'object'`);
  return value;
}

export function numberArg(command: Doc, field: string): number | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (!isNumeric(value)) throw new MongoCommandError('TypeMismatch', `BSON field '${field}' is the wrong type, expected a number`);
  return toDouble(value);
}

export function boolArg(command: Doc, field: string): boolean {
  const value = command[field];
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (isNumeric(value)) return toDouble(value) !== 0;
  throw new MongoCommandError('TypeMismatch', `BSON field '${field}' is the wrong type, expected type 'bool'`);
}

/** Only the simple (binary) collation is implemented; anything else would silently compare wrongly. */
export function assertSimpleCollation(value: unknown): void {
  if (value === undefined || value === null) return;
  if (isPlainDoc(value) && value.locale === 'simple') return;
  throw notSupported('Collation (other than { locale: "simple" })');
}

/**
 * A command's `let` variables. Each value is an aggregation expression evaluated once,
 * before the command runs, against no document (so `{ $add: [1, 2] }` binds 3 and
 * `"$$NOW"` the current time), as MongoDB does; a literal needs `$literal`.
 */
export function letVariables(command: Doc): Doc | undefined {
  const value = command.let;
  if (value === undefined || value === null) return undefined;
  if (!isPlainDoc(value)) throw badValue("'let' must be an object");
  const options = exprOptions() as Options;
  const variables: Doc = {};
  for (const [name, expression] of Object.entries(value)) variables[name] = evalExpr({}, expression, options);
  return variables;
}

export function cursorBatchSize(command: Doc): number | undefined {
  const cursor = command.cursor;
  if (cursor === undefined || cursor === null) return undefined;
  if (!isPlainDoc(cursor)) throw new MongoCommandError('TypeMismatch', "BSON field 'cursor' is the wrong type, expected type 'object'");
  const size = numberArg(cursor, 'batchSize');
  if (size !== undefined && size < 0) throw badValue('batchSize must be non-negative');
  return size;
}
