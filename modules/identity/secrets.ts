import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token for a person to hold (invite codes, refresh tokens). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Only hashes are stored, so a database leak yields no usable codes or tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
