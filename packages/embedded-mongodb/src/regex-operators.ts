/**
 * `$regexMatch`, `$regexFind` and `$regexFindAll` on the linear-time engine (regex.ts):
 * mingo's versions use JavaScript's backtracking RegExp, which one pipeline could use
 * to stall the server as a `$regex` filter could.
 */
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { MongoCommandError } from './errors';
import { compileRegex, isRegex, type LinearRegex } from './regex';
import { bsonTypeName, isPlainDoc } from './values';

type Expression = (obj: unknown, expr: unknown, options: Options) => unknown;

interface Found {
  match: string;
  idx: number;
  captures: (string | null)[];
}

/** The evaluated input and compiled regex, or undefined when the input is null or missing (no match). */
function operands(name: string, obj: unknown, expr: unknown, options: Options): { input: string; re: LinearRegex } | undefined {
  if (!isPlainDoc(expr)) throw new MongoCommandError('Location51103', `${name} expects an object of named arguments but found: ${bsonTypeName(expr)}`);
  const input = evalExpr(obj, expr.input, options);
  const regex = evalExpr(obj, expr.regex, options);
  const flags = expr.options === undefined ? undefined : evalExpr(obj, expr.options, options);
  if (input === null || input === undefined || regex === null || regex === undefined) return undefined;
  if (typeof input !== 'string') throw new MongoCommandError('Location51104', `${name} needs 'input' to be of type string`);
  if (typeof regex !== 'string' && !isRegex(regex)) throw new MongoCommandError('Location51105', `${name} needs 'regex' to be of type string or regex`);
  if (flags !== undefined && flags !== null && typeof flags !== 'string') throw new MongoCommandError('Location51106', `${name} needs 'options' to be of type string`);
  return { input, re: compileRegex(regex, typeof flags === 'string' ? flags : '') };
}

/** Matches in order; `idx` counts code points, as MongoDB does, not UTF-16 units. */
function findAll(input: string, re: LinearRegex, limit: number): Found[] {
  const matcher = re.matcher(input);
  const out: Found[] = [];
  while (out.length < limit && matcher.find()) {
    const captures: (string | null)[] = [];
    for (let g = 1; g <= matcher.groupCount(); g++) captures.push(matcher.group(g));
    out.push({ match: matcher.group() ?? '', idx: Array.from(input.slice(0, matcher.start())).length, captures });
  }
  return out;
}

export const regexExpressions: Record<string, Expression> = {
  $regexMatch: (obj, expr, options) => {
    const found = operands('$regexMatch', obj, expr, options);
    return found ? found.re.test(found.input) : false;
  },
  $regexFind: (obj, expr, options) => {
    const found = operands('$regexFind', obj, expr, options);
    return found ? (findAll(found.input, found.re, 1)[0] ?? null) : null;
  },
  $regexFindAll: (obj, expr, options) => {
    const found = operands('$regexFindAll', obj, expr, options);
    return found ? findAll(found.input, found.re, Number.POSITIVE_INFINITY) : [];
  },
};
