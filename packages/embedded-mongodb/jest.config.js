/**
 * The engine's own tests: unit tests beside the code in `src/`, and the conformance
 * suite in `test/`. The root `npm test` runs this file as one of its
 * projects; `npm test` in this folder runs it alone.
 */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'embedded-mongodb',
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/{src,test}/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  // One server for the run (the engine, or CONFORMANCE_MONGODB_URI); one database per file.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
