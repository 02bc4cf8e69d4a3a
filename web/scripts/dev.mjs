// `npm run dev`: the API (with the demo organization) and Vite's dev server with
// hot reload, which proxies API paths to it. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const children = [
  spawn('npx', ['ts-node', '--transpile-only', 'src/main.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, WEB_ROOT: '-' } }),
  spawn('npx', ['vite'], { cwd: join(root, 'web'), stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((child) => child.on('exit', stop));
