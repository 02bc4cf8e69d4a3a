import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsBase64, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Types } from 'mongoose';
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
