import * as path from 'node:path';
import type { Command } from 'commander';
import {
  BUNDLED_CONTENT_POLICY,
  type ContentPolicy,
  defaultCurriculumDir,
  formatIssue,
  statisticsTable,
  summarize,
  validateCurriculum,
  withoutSizeLimits,
} from '../content';

interface ValidateFlags {
  /** `--structural-only`: skip readability, language, sources and length checks. */
  structuralOnly?: boolean;
  /** `--no-size-limits` sets this to false: keep content checks, drop word/objective/question counts. */
  sizeLimits: boolean;
}

/** `npm run cli -- curriculum <command>`. */
export function registerCurriculumCommands(program: Command): void {
  const curriculum = program.command('curriculum').description('Lesson content in curriculum/: validate (and import)');

  curriculum
    .command('validate')
    .description('Check course manifests and lesson files against docs/curriculum-format.md; exits 1 on any problem')
    .argument('[dir]', "curriculum folder (one sub-folder per course); default: the repository's curriculum/")
    .option('--structural-only', 'skip the content checks (length, readability, Words Matter, sources)')
    .option('--no-size-limits', 'skip the word, objective and question counts (for drafts and small fixtures)')
    .action(async (dir: string | undefined, flags: ValidateFlags) => {
      const ok = await runValidate(dir, flags);
      if (!ok) process.exitCode = 1;
    });

  // `curriculum import` is added to this same `curriculum` command by ./import.command.ts
  // (registered right after this function in src/cli/main.ts).
}

/**
 * Prints one line per issue, a table of counts, reading grades and quiz patterns
 * per course, and the summary line last; true when there is nothing to fix.
 */
async function runValidate(dir: string | undefined, flags: ValidateFlags): Promise<boolean> {
  const root = dir === undefined ? defaultCurriculumDir() : path.resolve(dir);
  const policy = contentPolicy(flags);
  const result = await validateCurriculum(root, { content: policy, statistics: true });
  for (const found of result.issues) console.log(formatIssue(found));
  for (const line of statisticsTable(result.statistics, policy === false ? null : policy.maxReadingGrade)) console.log(line);
  console.log(summarize(result));
  return result.issues.length === 0;
}

function contentPolicy(flags: ValidateFlags): Readonly<ContentPolicy> | false {
  if (flags.structuralOnly) return false;
  return flags.sizeLimits ? BUNDLED_CONTENT_POLICY : withoutSizeLimits(BUNDLED_CONTENT_POLICY);
}
