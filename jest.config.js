/**
 * Jest runs every workspace's tests with ts-jest; type checking is `npm run typecheck`. A
 * workspace package imported by name (`@mercato/server`) resolves to its TypeScript sources
 * through the "mercato-source" condition of its exports, so tests never run a stale build.
 */
module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['mercato-source', 'node', 'node-addons'] },
  roots: [
    '<rootDir>/api',
    '<rootDir>/console',
    '<rootDir>/agent',
    '<rootDir>/examples/agent',
    '<rootDir>/server',
    '<rootDir>/cli',
    '<rootDir>/provider',
    '<rootDir>/constructs',
    '<rootDir>/test',
  ],
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/fixtures/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 120000,
};
