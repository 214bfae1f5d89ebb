#!/usr/bin/env node
// The dependency rule of docs/architecture.md §2, checked on every test run (`npm run check:deps`):
//   - libs/domain imports only xstate (and itself), and reads no clock, env or randomness;
//   - a library never imports an app; event-store knows no read model nor the application;
//     projections know no application and reach the store only through its port
//     (`@thads/event-store/port`); the application knows no read model;
//   - no `@nestjs/*` in a library (but for the exceptions listed below, each with its reason);
//   - a fenced folder (FENCED: the lifecycle's fast path, the bulk rebuild) is entered only through
//     its index;
//   - a library is entered only by its declared entries (`@thads/x`, `@thads/x/<named entry>`): a
//     relative import that leaves its package is refused wherever it is, but for a test's import of
//     test support (`test/support`, a library's `testing/` folders) and the tests of an app (under
//     `test/`), which drive the app's own modules;
//   - shipped code (apps, libs, outside tests) never loads test support; the development scripts
//     (`scripts/`) may, and may drive the apps' modules or the build in `dist/`.
// Each violation is printed; `checkDependencies(root)` is what test/dependency-rule/check-deps.int-spec.ts plants
// violations against.
const { existsSync, readdirSync, readFileSync, statSync } = require('fs');
const { dirname, join, relative, sep } = require('path');

const LIBS = ['domain', 'event-store', 'projections', 'application'];
/** The named entries of each library besides its main one (`src/index.ts`), and why they exist. */
const ENTRIES = {
  'event-store': {
    port: 'the contract alone, for projections',
    sqlite: 'the embedded store alone, for worker threads',
  },
  application: { integrity: 'the range checks alone, for verify worker threads' },
};
/** Libraries' files that may use NestJS today, with the reason and the way out. */
const NEST_EXCEPTIONS = {
  'libs/application/src/requests/create-case-request.ts':
    'request DTOs carry @nestjs/swagger schema decorators; to move once the step fields are one table',
  'libs/application/src/requests/step-request.ts': 'as above',
  'libs/application/src/requests/unit-request.ts': 'as above',
};
/** Projections' files that may open an adapter of the event store, with the reason. */
const STORE_EXCEPTIONS = {
  'libs/projections/src/rebuild/replay-worker.ts':
    'a worker thread of the rebuild reads the SQLite log on its own connection (@thads/event-store/sqlite); no read model does',
};
/**
 * Folders entered only through their index, each for a reason: what is inside relies on details
 * that must not leak, and may change together behind the one entry point.
 */
const FENCED = {
  'libs/domain/src/lifecycle/fast-path': "the lifecycle's speed code, relying on xstate's internals",
  'libs/projections/src/rebuild': 'the bulk rebuild: how read models are filled fast, unknown to the projections',
};
const SKIP = new Set(['node_modules', 'dist', '.git', 'data', 'coverage', 'test-output']);

const sourceFiles = (dir) =>
  (existsSync(dir) ? readdirSync(dir) : []).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? sourceFiles(path)
      : /\.(ts|tsx|js)$/.test(name) && !name.endsWith('.d.ts')
        ? [path]
        : [];
  });
const importsOf = (text) =>
  [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
const isTest = (rel) =>
  /\.(spec|int-spec|e2e-spec|browser-spec)\.tsx?$/.test(rel) ||
  rel.startsWith('test/') ||
  /^libs\/.*\/testing\//.test(rel);
const isTestSupport = (rel) => rel.startsWith('test/support/') || /^libs\/[a-z-]+\/src\/(.*\/)?testing\//.test(rel);
/** The package a path belongs to: `libs/<name>`, `apps/<name>`, `test` or `scripts`. */
const packageOf = (rel) => {
  const [top, name] = rel.split('/');
  return top === 'libs' || top === 'apps' ? `${top}/${name}` : top;
};

const checkDependencies = (root) => {
  const violations = [];
  const flag = (rel, message) => violations.push(`${rel}: ${message}`);
  const files = ['libs', 'apps', 'test', 'scripts'].flatMap((top) => sourceFiles(join(root, top)));
  for (const file of files) {
    const rel = relative(root, file).split(sep).join('/');
    const pkg = packageOf(rel);
    const text = readFileSync(file, 'utf8');
    const test = isTest(rel);
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) {
        const target = relative(root, join(dirname(file), spec))
          .split(sep)
          .join('/');
        const fence = fenceOf(target);
        if (target.startsWith('..')) flag(rel, `imports ${spec}, outside the repository`);
        else if (fence && !rel.startsWith(`${fence}/`) && target !== fence && target !== `${fence}/index`)
          flag(rel, `imports ${spec}: enter ${fence} through its index (${FENCED[fence]})`);
        else if (packageOf(target) !== pkg && !allowedAcross(rel, pkg, target, test)) {
          flag(rel, `imports ${spec}: reaches into ${packageOf(target)}; use its entry (${entryHint(target)})`);
        }
      }
      const thads = /^@thads\/([a-z-]+)(?:\/(.+))?$/.exec(spec);
      if (thads) {
        const [, lib, entry] = thads;
        if (!LIBS.includes(lib)) flag(rel, `imports ${spec}, which is no package of this repository`);
        else if (entry && !ENTRIES[lib]?.[entry])
          flag(
            rel,
            `imports ${spec}: ${lib} has no entry named ${entry} (${Object.keys(ENTRIES[lib] ?? {}).join(', ') || 'only its main one'})`,
          );
        else if (pkg === `libs/${lib}`) flag(rel, `imports its own package by ${spec}; use a relative import`);
      }
      if (/(^|\/)test\/support(\/|$)/.test(spec) && !test && pkg !== 'scripts')
        flag(rel, `imports ${spec}: shipped code never loads test support`);
    }
    if (
      !test &&
      (pkg.startsWith('libs/') || pkg.startsWith('apps/')) &&
      /['"`][^'"`]*test\/support/.test(text) &&
      !importsOf(text).some((s) => /test\/support/.test(s))
    ) {
      flag(rel, 'names a path in test/support: shipped code never loads test support');
    }
    if (pkg.startsWith('libs/')) checkLibrary(rel, pkg.slice('libs/'.length), text, test, flag);
  }
  return violations;
};

/** The relative imports across packages that the rule lets through (see the head of this file). */
const allowedAcross = (rel, pkg, target, test) => {
  if (test && isTestSupport(target)) return true;
  if (test && (target.startsWith('apps/') || target.startsWith('scripts/'))) return true;
  return (
    pkg === 'scripts' &&
    (target.startsWith('test/support/') || target.startsWith('dist/') || target.startsWith('apps/'))
  );
};

/** The fenced folder a path lies in, if any. */
const fenceOf = (path) => Object.keys(FENCED).find((f) => path.startsWith(`${f}/`));

const entryHint = (target) => {
  const m = /^libs\/([a-z-]+)\//.exec(target);
  return m ? `@thads/${m[1]}` : 'an import that stays in the package';
};

const checkLibrary = (rel, lib, text, test, flag) => {
  const specs = importsOf(text);
  const thadsLibs = specs.map((s) => /^@thads\/([a-z-]+)/.exec(s)?.[1]).filter(Boolean);
  if (specs.some((s) => /(^|\/)apps\//.test(s))) flag(rel, 'a library never imports an app');
  if (!test && specs.some((s) => s.startsWith('@nestjs/')) && !NEST_EXCEPTIONS[rel])
    flag(rel, 'imports @nestjs/*: libraries stay free of the web framework');
  if (lib === 'domain') {
    for (const s of specs)
      if (s !== 'xstate' && !s.startsWith('.')) flag(rel, `imports ${s} (libs/domain may import only xstate)`);
    if (!test) {
      for (const pattern of [/process\.env/, /new Date\(\)/, /Date\.now\(\)/, /Math\.random\(/]) {
        if (pattern.test(text)) flag(rel, `uses ${pattern} (the domain reads no clock, env or randomness)`);
      }
    }
  }
  if (lib === 'event-store')
    for (const l of thadsLibs)
      if (l === 'application' || l === 'projections')
        flag(rel, `imports @thads/${l} (the event store knows no read model nor the application)`);
  if (lib === 'projections') {
    if (thadsLibs.includes('application'))
      flag(rel, 'imports @thads/application (projections depend on the domain and the store port only)');
    const inTesting = /\/testing\//.test(rel);
    for (const s of specs)
      if (
        /^@thads\/event-store(\/|$)/.test(s) &&
        s !== '@thads/event-store/port' &&
        !test &&
        !inTesting &&
        !(s === '@thads/event-store/sqlite' && STORE_EXCEPTIONS[rel])
      )
        flag(rel, `imports ${s} (projections reach the store through @thads/event-store/port only)`);
  }
  if (lib === 'application' && thadsLibs.includes('projections'))
    flag(rel, 'imports @thads/projections (the write path knows no read model)');
};

module.exports = { checkDependencies };

if (require.main === module) {
  const root = join(__dirname, '..');
  const violations = checkDependencies(root);
  if (violations.length) {
    console.error(`Dependency rule broken (docs/architecture.md §2):\n  ${violations.join('\n  ')}`);
    process.exit(1);
  }
  console.log('dependency rule: ok (libraries, entries, layering, test support)');
}
