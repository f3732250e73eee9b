// ESM jest with SWC: decorators + metadata for TypeORM/type-graphql (see shared STACK.md).
export default {
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
  },
  testTimeout: 60000,
  testEnvironment: 'node',
  // `npm test` runs two files at a time (--maxWorkers=2). Files never share a database
  // (support/test-database.ts), a port (all listen on 0) or a temp dir; the few that share
  // Redis channels take turns (support/exclusive-suite.ts). Longest files start first:
  testSequencer: '<rootDir>/test/slow-first-sequencer.mjs',
};
