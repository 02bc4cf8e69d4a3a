import { type EmbeddedMongo, startEmbeddedMongo } from '../src';

declare global {
  var __EMBEDDED_MONGODB_TEST_ENGINE__: EmbeddedMongo | undefined;
}

/**
 * One server for the whole run: the engine itself, or the MongoDB that MONGODB_URI
 * names — the conformance suite asserts MongoDB's behaviour, so pointing it at a real
 * server checks the suite. Each test file then works in a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.EMBEDDED_MONGODB_TEST_URI) return;
  if (process.env.MONGODB_URI) {
    process.env.EMBEDDED_MONGODB_TEST_URI = process.env.MONGODB_URI;
    return;
  }
  const engine = await startEmbeddedMongo({ logger: { info: () => undefined, warn: () => undefined, error: (m) => console.error(m) } });
  globalThis.__EMBEDDED_MONGODB_TEST_ENGINE__ = engine;
  process.env.EMBEDDED_MONGODB_TEST_URI = engine.uri;
}
