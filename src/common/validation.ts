import { Matches, type ValidationOptions } from 'class-validator';

/**
 * A MongoDB id as clients send it: exactly 24 hexadecimal digits. class-validator's
 * IsMongoId also lets "0x…" through (its hex check allows the prefix), and the driver
 * then throws on it; anything that passes here converts to an ObjectId.
 */
export const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

export function IsObjectId(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(OBJECT_ID, { message: ({ property }) => `${property} must be an id (24 hexadecimal characters)`, ...options });
}

export function isObjectIdText(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID.test(value);
}
