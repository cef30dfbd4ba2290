// Shared Jest settings: native ESM (Nest 12 is ESM-only and Node 20's Jest cannot require() ESM),
// ts-jest transpiles only; `tsc -b` in the test command does the type-checking.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');
const path = require('node:path');

module.exports = (dir, displayName) => ({
  displayName,
  rootDir: dir,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    ...pathsToModuleNameMapper(compilerOptions.paths, { prefix: path.join(__dirname, '/') }),
  },
  transform: {
    // .tsx: the server-rendered views of services/web (Preact's JSX runtime, set in tsconfig.jest.json).
    '^.+\\.tsx?$': [
      'ts-jest',
      { useESM: true, tsconfig: path.join(__dirname, 'tsconfig.jest.json'), diagnostics: false },
    ],
  },
  testMatch: [
    '<rootDir>/**/*.spec.ts',
    '<rootDir>/**/*.int-spec.ts',
    '<rootDir>/**/*.e2e-spec.ts',
    '<rootDir>/**/*.fault-spec.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
});
