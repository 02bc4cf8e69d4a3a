import 'reflect-metadata';
import { Command } from 'commander';
import { registerOrgCommands } from '../../modules/identity/cli/org.commands';
import { registerCurriculumImportCommand } from '../../modules/curriculum/cli/import.command';
import { registerCurriculumCommands } from '../../modules/curriculum/cli/curriculum.commands';

/**
 * `npm run cli -- <command>`: operator commands. Each domain registers its own
 * sub-commands here; a command exits non-zero with a readable message on failure.
 */
async function main(argv: string[]): Promise<void> {
  const program = new Command('waypoint').description('Waypoint operator commands').showHelpAfterError();
  // registrations (one line per domain):
  registerOrgCommands(program);
  registerCurriculumCommands(program);
  registerCurriculumImportCommand(program);

  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
