import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import * as path from 'node:path';
import { withCliContext } from '../../../src/cli/context';
import { CurriculumModule } from '../curriculum.module';
import type { ImportProgress } from '../curriculum-import.service';
import { describeImport, importCurriculum } from '../import-curriculum';

/** `npm run cli -- curriculum import [dir]`, beside `curriculum validate`. */
export function registerCurriculumImportCommand(program: Command): void {
  const curriculum = program.commands.find((c) => c.name() === 'curriculum') ?? program.command('curriculum');
  curriculum
    .command('import')
    .description('Validate, then import course content into MongoDB (idempotent; versions by content hash)')
    .argument('[dir]', "curriculum folder; default: the repository's curriculum/")
    .action(async (dir?: string) => {
      await withCliContext([CurriculumModule], async (app) => {
        const { onProgress, stop } = progressReporter();
        try {
          const summary = await importCurriculum(app, dir ? path.resolve(dir) : undefined, { onProgress });
          stop();
          console.log(describeImport(summary));
        } finally {
          stop();
        }
      });
    });
}

/** A bar on a terminal; plain lines when output is piped or in CI. */
function progressReporter(): { onProgress: ImportProgress; stop: () => void } {
  if (!process.stderr.isTTY) {
    return { onProgress: (done, total, label) => done < total && console.error(`importing ${label} (${done + 1}/${total})`), stop: () => undefined };
  }
  const bar = new SingleBar({ format: 'importing {bar} {value}/{total} {label}', stream: process.stderr }, Presets.shades_classic);
  let started = false;
  return {
    onProgress: (done, total, label) => {
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      }
      bar.update(done, { label });
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
