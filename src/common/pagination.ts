import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsBase64, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Types, type Model } from 'mongoose';
import { BadInput } from './errors';

const INVALID_CURSOR = 'That page cursor is not valid. Start again from the first page.';

/** Cursor pagination arguments; pages are bounded so no list is unbounded. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;

  @Field({ nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsBase64({ urlSafe: true })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field({ nullable: true }) endCursor?: string;
}

export function encodeCursor(...parts: string[]): string {
  return Buffer.from(parts.join('|'), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedParts: number): string[] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (parts.length !== expectedParts || parts.some((p) => !p)) {
    throw new BadInput(INVALID_CURSOR);
  }
  return parts;
}


/** A cursor part that must be an id; a tampered cursor is bad input, never an internal error. */
export function cursorObjectId(raw: string): Types.ObjectId {
  if (!/^[0-9a-f]{24}$/i.test(raw)) throw new BadInput(INVALID_CURSOR);
  return new Types.ObjectId(raw);
}

/** A cursor part that must be a timestamp. */
export function cursorDate(raw: string): Date {
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) throw new BadInput(INVALID_CURSOR);
  return date;
}

export interface KeysetPage<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor?: string;
}

export interface KeysetOrder {
  /** A date field ordered newest first, ties broken by `_id`; without it, by `_id` ascending. */
  field?: string;
  first: number;
  after?: string;
}

/** The filter clause that continues after `after` in the given order (merge it into the query). */
export function keysetAfter(order: KeysetOrder): Record<string, unknown> {
  if (!order.after) return {};
  if (!order.field) return { _id: { $gt: cursorObjectId(decodeCursor(order.after, 1)[0]) } };
  const [at, id] = decodeCursor(order.after, 2);
  const atDate = cursorDate(at);
  return { $or: [{ [order.field]: { $lt: atDate } }, { [order.field]: atDate, _id: { $lt: cursorObjectId(id) } }] };
}

/** The sort that goes with `keysetAfter`. */
export function keysetSort(order: KeysetOrder): Record<string, 1 | -1> {
  return order.field ? { [order.field]: -1, _id: -1 } : { _id: 1 };
}

/** Cuts `first + 1` fetched rows into a page and its cursor. */
export function keysetPage<T extends { _id: Types.ObjectId }>(rows: T[], order: KeysetOrder): KeysetPage<T> {
  const nodes = rows.slice(0, order.first);
  const last = nodes[nodes.length - 1] as (T & Record<string, unknown>) | undefined;
  let endCursor: string | undefined;
  if (last) endCursor = order.field ? encodeCursor((last[order.field] as Date).toISOString(), last._id.toHexString()) : encodeCursor(last._id.toHexString());
  return { nodes, hasNextPage: rows.length > order.first, endCursor };
}

/** One keyset page of a collection: the filter, continued after the cursor, in one query. */
export async function pageOf<T extends { _id: Types.ObjectId }>(
  model: Model<T>,
  filter: Record<string, unknown>,
  order: KeysetOrder,
  projection?: Record<string, 0 | 1>,
): Promise<KeysetPage<T>> {
  const rows = (await model
    .find({ ...filter, ...keysetAfter(order) }, projection)
    .sort(keysetSort(order))
    .limit(order.first + 1)
    .lean()) as unknown as T[];
  return keysetPage(rows, order);
}
