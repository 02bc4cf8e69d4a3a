export default async function globalTeardown(): Promise<void> {
  await globalThis.__WAYPOINT_TEST_DB__?.stop();
}
