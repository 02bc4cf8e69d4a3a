import { randomBytes } from 'node:crypto';

/**
 * Verification and share codes: 28 Crockford base-32 characters (140 random
 * bits, above the 128 the design asks for), shown in seven groups of four.
 * Crockford's alphabet has no I, L, O or U, so codes read aloud or typed from
 * paper survive the usual confusions; `normalizeCode` maps them back.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 28;
const GROUP = 4;

export function newCode(random: (size: number) => Buffer = randomBytes): string {
  // 256 is a multiple of 32, so `byte & 31` is uniform over the alphabet.
  const chars = [...random(CODE_LENGTH)].map((byte) => ALPHABET[byte & 31]);
  return group(chars.join(''));
}

/**
 * The canonical, grouped form of what a person typed (any case, spaces or
 * hyphens anywhere, I/L read as 1 and O as 0), or undefined when it cannot be
 * a code.
 */
export function normalizeCode(input: string): string | undefined {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (compact.length !== CODE_LENGTH || [...compact].some((c) => !ALPHABET.includes(c))) return undefined;
  return group(compact);
}

function group(compact: string): string {
  return compact.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}
