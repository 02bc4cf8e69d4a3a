/**
 * The service's tests, plus each workspace package's own (`packages/<name>/jest.config.js`),
 * so `npm test` runs everything.
 */
/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'service',
      rootDir: '.',
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/{src,modules,test}/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      transform: {
        // Type-checking happens once in `npm run typecheck` (isolatedModules: tests transpile only).
        '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
        // A few dependencies ship only as ES modules; Jest's CommonJS runtime needs them transpiled.
        '^.+/node_modules/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
      },
      transformIgnorePatterns: ['/node_modules/(?!(text-readability|syllable|normalize-strings|content-disposition)/)'],
      // One database per test file; the global setup starts (at most) one shared server.
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    '<rootDir>/packages/embedded-mongodb',
  ],
  testTimeout: 30000,
  maxWorkers: 2,
};
