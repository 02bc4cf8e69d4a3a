/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// `npm run dev`: hot reload here, the API (started separately with `npm start`) behind the proxy.
const api = process.env.WAYPOINT_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  // Brotli and gzip copies of every text asset, written at build time: the service serves
  // them as they are (no compression work per request), e.g. the entry script's 461 KB as
  // ~120 KB of brotli.
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'], include: /\.(js|css|html|svg|json)$/, threshold: 1024 })],
  build: { outDir: 'dist', assetsDir: 'assets', sourcemap: false, target: 'es2022' },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: Object.fromEntries(
      ['/graphql', '/session', '/health', '/verify', '/certificates', '/.well-known', '/issuers'].map((path) => [path, { target: api, changeOrigin: false }]),
    ),
  },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
