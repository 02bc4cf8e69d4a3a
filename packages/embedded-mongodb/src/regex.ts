/**
 * `$regex` matching in linear time. JavaScript's RegExp backtracks: `^(a+)+$` against 25
 * characters runs for seconds, and since every command runs synchronously on the one
 * event loop, it would stall every connection. RE2 (here its pure-JavaScript port,
 * re2js) guarantees time linear in the input, at the price of the PCRE features that
 * need backtracking: backreferences and lookahead are refused with BadValue.
 */
import { BSONRegExp } from 'bson';
import { type Matcher, RE2JS } from 're2js';
import { badValue, MongoCommandError } from './errors';

export class LinearRegex {
  /** The pattern as MongoDB stores it, for comparing with regex values held in documents. */
  readonly bson: BSONRegExp;

  constructor(
    readonly pattern: string,
    readonly options: string,
    private readonly re2: RE2JS,
  ) {
    this.bson = new BSONRegExp(pattern, options);
  }

  test(input: string): boolean {
    return this.re2.test(input);
  }

  /** A matcher for finding each match with its position and captures. */
  matcher(input: string): Matcher {
    return this.re2.matcher(input);
  }
}

const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0 };

export function isRegex(value: unknown): boolean {
  return value instanceof RegExp || (value !== null && typeof value === 'object' && (value as { _bsontype?: string })._bsontype === 'BSONRegExp');
}

/** Compiles a regex operand (RegExp, BSON regex or string) with `$options` added. */
export function compileRegex(value: unknown, extraOptions = ''): LinearRegex {
  let source: string;
  let options: string;
  if (value instanceof RegExp) {
    source = value.source;
    options = value.flags + extraOptions;
  } else if (typeof value === 'string') {
    source = value;
    options = extraOptions;
  } else if (isRegex(value)) {
    const r = value as { pattern: string; options: string };
    source = r.pattern;
    options = r.options + extraOptions;
  } else {
    throw badValue('$regex has to be a string');
  }
  let flags = 0;
  let kept = '';
  for (const flag of new Set(options)) {
    if (flag in FLAGS) {
      flags |= FLAGS[flag];
      kept += flag;
    } else if (flag === 'x') {
      // Extended mode: whitespace and #-comments are not part of the pattern.
      source = source.replace(/\\#/g, '\u0000').replace(/#.*$/gm, '').replace(/\s+/g, '').replace(/\u0000/g, '\\#');
    } else if (flag !== 'g') {
      throw badValue(`invalid flag in regex options: ${flag}`);
    }
  }
  try {
    return new LinearRegex(source, kept, RE2JS.compile(source, flags));
  } catch (error) {
    throw new MongoCommandError(
      'BadValue',
      `Regular expression is invalid: ${(error as Error).message} (the embedded engine matches in linear time, without backreferences or lookahead)`,
    );
  }
}
