import type { Command } from 'commander';
import { Role } from '../../../src/auth/principal';
import { withCliContext } from '../../../src/cli/context';
import { IdentityModule } from '../identity.module';
import { UsersService } from '../users.service';

export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('Organizations (treatment programs)');
  org
    .command('create')
    .description('Create an organization and its first admin, and print their ids')
    .requiredOption('--name <name>', 'the program\'s name, e.g. "Harbor Recovery IOP"')
    .requiredOption('--admin-email <email>', "the first admin's email address")
    .requiredOption('--admin-password <password>', "the first admin's password (at least 12 characters)")
    .option('--admin-name <name>', "the first admin's display name", 'Program Admin')
    .option('--slug <slug>', 'a short unique name; derived from --name when left out')
    .action(async (options: { name: string; adminEmail: string; adminPassword: string; adminName: string; slug?: string }) => {
      await withCliContext([IdentityModule], async (app) => {
        const users = app.get(UsersService);
        const organization = await users.createOrganization(options.name, options.slug);
        try {
          const admin = await users.create({
            orgId: organization._id,
            email: options.adminEmail,
            role: Role.ADMIN,
            displayName: options.adminName,
            password: options.adminPassword,
          });
          console.log(`organization ${organization._id.toHexString()} (${organization.slug})`);
          console.log(`admin        ${admin._id.toHexString()} (${admin.email})`);
        } catch (error) {
          await users.deleteOrganization(organization._id);
          throw error;
        }
      });
    });
}
