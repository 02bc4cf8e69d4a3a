import { execSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * One server for every story: the real start command's code (ts-node), an
 * embedded in-memory database, the demo organization, a free port. Its address
 * reaches the tests through WAYPOINT_URL.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  execSync('node web/scripts/ensure-built.mjs', { cwd: root, stdio: 'inherit' });
  const server = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: root,
    // Every story signs in from 127.0.0.1, so the per-client limits would throttle the run itself;
    // the limits are exercised in test/throttling.e2e-spec.ts.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', SEED_DEMO: 'true', DATABASE_MODE: 'embedded', LOG_LEVEL: 'warn', RATE_LIMIT_LOGIN: '100000', RATE_LIMIT_PUBLIC: '100000', RATE_LIMIT_PASSWORD_RESET: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /the app at (http:\/\/[\d.:]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  process.env.WAYPOINT_URL = url;
  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  };
}
