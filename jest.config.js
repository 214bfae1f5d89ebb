// One project per test layer (docs/style.md §14): the file suffix names the layer.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.ts$': swc },
  // A package's named entries (`@thads/event-store/port`) resolve inside its src; scripts/check-deps.js
  // says which entries exist.
  moduleNameMapper: {
    '^@thads/(domain|event-store|projections|application)$': '<rootDir>/libs/$1/src/index.ts',
    '^@thads/(domain|event-store|projections|application)/(.+)$': '<rootDir>/libs/$1/src/$2',
  },
  testEnvironment: 'node',
  // Closes what a file left open (test/support/leftovers.ts), so that jest can exit.
  setupFilesAfterEnv: ['<rootDir>/test/support/leftovers-setup.ts'],
};
// The lifecycle and statistics e2e specs run again on the production stores (issue #6):
// PostgreSQL for events and read models, and EventStoreDB through the official client and the double.
const onEveryStore = ['case-lifecycle', 'concurrency', 'case-list', 'case-desk', 'statistics', 'deadlines'].map(
  (s) => `<rootDir>/test/e2e/${s}.e2e-spec.ts`,
);
// The event store contract on a real EventStoreDB runs only against a server named by
// THADS_ESDB_TEST_URL: without one its project is left out, and jest says so, instead of
// reporting a test that passed while asserting nothing (issue 21.6).
const esdbServer = process.env.THADS_ESDB_TEST_URL;
const realEsdb = '<rootDir>/libs/**/*.esdb-spec.ts';
if (!esdbServer) {
  process.stderr.write(
    'notice: the real-EventStoreDB suite (libs/**/*.esdb-spec.ts) did not run: THADS_ESDB_TEST_URL is not set.\n' +
      "        Run it with: THADS_ESDB_TEST_URL='esdb://127.0.0.1:2113?tls=false' npx jest --selectProjects esdb-real\n",
  );
}
module.exports = {
  // The bound of every test and hook (jest reads it from the root config only, not a project's):
  // far above a test's real work, so that a loaded machine (two cores, the other busy) slows the
  // suite instead of failing it. Jest's 5 s default failed the hooks that start the app and record
  // a history over HTTP (issue 19.9). A test waiting for a condition polls with its own, lower
  // bound (test/support/eventually.ts, 90 s), so that it fails with a message saying what it awaited.
  testTimeout: 180_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{libs,test}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    {
      ...common,
      displayName: 'e2e-postgres',
      testMatch: onEveryStore,
      setupFiles: ['<rootDir>/test/support/e2e-stores/postgres.js'],
    },
    {
      ...common,
      displayName: 'e2e-esdb',
      testMatch: onEveryStore,
      setupFiles: ['<rootDir>/test/support/e2e-stores/esdb.js'],
    },
    ...(esdbServer ? [{ ...common, displayName: 'esdb-real', testMatch: [realEsdb] }] : []),
    // The web console in Debian's Chromium, headless (test/support/browser.ts).
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
