/**
 * Command dispatch: one handler per command name. Generic fields every command may
 * carry (lsid, $db, $readPreference, $clusterTime, writeConcern, readConcern,
 * comment, maxTimeMS, txnNumber) are ignored; transactions are refused.
 */
import { MongoCommandError, toCommandError } from '../errors';
import type { Doc } from '../values';
import { adminCommands, transactionsUnsupported } from './admin';
import { collectionCommands } from './collections';
import type { CommandContext, CommandHandler } from './context';
import { explainCommands } from './explain';
import { readCommands } from './read';
import { writeCommands } from './write';

export type { CommandContext, ConnectionInfo, ServerState } from './context';

const HANDLERS = new Map<string, CommandHandler>(
  Object.entries({ ...adminCommands, ...readCommands, ...writeCommands, ...collectionCommands, ...explainCommands }),
);

export function commandNames(): string[] {
  return [...HANDLERS.keys()];
}

/** Executes one command and always returns a reply document (errors become `{ ok: 0, ... }`). */
export function runCommand(command: Doc, ctx: CommandContext): Doc {
  try {
    const name = Object.keys(command)[0];
    if (name === undefined) throw new MongoCommandError('CommandNotFound', 'no such command: \'\'');
    const handler = HANDLERS.get(name);
    if (!handler) throw new MongoCommandError('CommandNotFound', `no such command: '${name}'`);
    if (command.startTransaction === true || command.autocommit === false) throw transactionsUnsupported();
    return handler(command, ctx);
  } catch (error) {
    return toCommandError(error).toReply();
  }
}
