import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The repository root: the nearest folder above this file holding package.json.
 * Walking up (rather than a fixed `../../..`) keeps it right both from source
 * (modules/curriculum/content) and from a build (dist/modules/curriculum/content).
 */
export function findRepoRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** The bundled curriculum that ships with the repository. */
export function defaultCurriculumDir(repoRoot: string = findRepoRoot()): string {
  return path.join(repoRoot, 'curriculum');
}

/**
 * A path as issues show it: relative to the repository root with forward slashes,
 * or absolute when it lies outside the repository (a `validate /tmp/x` run).
 */
export function displayPath(absolutePath: string, repoRoot: string): string {
  const relative = path.relative(repoRoot, absolutePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolutePath.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
