// One project per test layer (STYLE.md §14): the file suffix names the layer.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];
const common = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^@thads/(domain|event-store|projections|application)$': '<rootDir>/libs/$1/src/index.ts' },
  testEnvironment: 'node',
};
// The lifecycle and statistics e2e specs run again on the production stores (issue #6):
// PostgreSQL for events and read models, and EventStoreDB through the official client and the double.
const onEveryStore = ['case-lifecycle', 'concurrency', 'case-list', 'statistics', 'deadlines'].map((s) => `<rootDir>/test/e2e/${s}.e2e-spec.ts`);
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{libs,test}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    { ...common, displayName: 'e2e-postgres', testMatch: onEveryStore, setupFiles: ['<rootDir>/test/support/e2e-stores/postgres.js'] },
    { ...common, displayName: 'e2e-esdb', testMatch: onEveryStore, setupFiles: ['<rootDir>/test/support/e2e-stores/esdb.js'] },
  ],
};
