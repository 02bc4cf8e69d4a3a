/**
 * `npm run db:embedded [-- --port N]`: runs the embedded engine as its own process,
 * on 127.0.0.1 TCP so that tools (mongosh, Compass, the bench) can reach it; unlike the
 * service's default (a Unix socket only this user can open), any local process can.
 * Prints the connection string on stdout (one line, for scripts) and serves until
 * SIGINT/SIGTERM.
 */
import { startEmbeddedMongo } from './index';

const DEFAULT_PORT = 27027;

function parsePort(argv: string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.indexOf('--port');
  const raw = flag >= 0 ? argv[flag + 1] : (argv.find((a) => a.startsWith('--port='))?.slice('--port='.length) ?? env.EMBEDDED_MONGO_PORT);
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2), process.env);
  const engine = await startEmbeddedMongo({
    listen: 'tcp',
    port,
    logger: {
      info: (msg) => process.stderr.write(`${msg}\n`),
      warn: (msg) => process.stderr.write(`WARN ${msg}\n`),
      error: (msg) => process.stderr.write(`ERROR ${msg}\n`),
    },
  });
  const warning = [
    'WARNING: Waypoint embedded MongoDB engine.',
    'Data is kept IN MEMORY ONLY and is lost when this process stops.',
    'For development, tests and demos only: never a production store.',
    `Listening on TCP ${engine.uri.slice('mongodb://'.length)} for tools: ANY local process can connect,`,
    'with no authentication. (npm start uses a Unix socket only this user can open.)',
  ];
  const width = Math.max(...warning.map((line) => line.length)) + 4;
  const border = '*'.repeat(width);
  process.stderr.write(`\n${border}\n${warning.map((line) => `* ${line.padEnd(width - 4)} *`).join('\n')}\n${border}\n\n`);
  process.stdout.write(`${engine.uri}\n`);
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`embedded mongo: ${signal} received, stopping\n`);
    engine.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`embedded mongo: failed to stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded mongo: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
