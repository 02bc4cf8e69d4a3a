export default async function globalTeardown(): Promise<void> {
  await globalThis.__EMBEDDED_MONGODB_TEST_ENGINE__?.stop();
}
