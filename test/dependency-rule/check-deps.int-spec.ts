import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkDependencies } = require('../../scripts/check-deps') as { checkDependencies(root: string): string[] };

// The planted sources are built, not written out, so that this file's own text imports nothing.
const imp = (names: string, spec: string) => ['import', `{ ${names} }`, 'from', `'${spec}';`].join(' ');

/** A repository of a few files, each planting (or not) one kind of violation. */
const plant = (files: Record<string, string>): string => {
  const root = mkdtempSync(join(tmpdir(), 'thads-deps-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
};

const roots: string[] = [];
const violationsOf = (files: Record<string, string>): string[] => {
  const root = plant(files);
  roots.push(root);
  return checkDependencies(root);
};
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe('the dependency rule (scripts/check-deps.js)', () => {
  it('passes on this repository', () => {
    expect(checkDependencies(join(__dirname, '..', '..'))).toEqual([]);
  });

  it('passes on a clean planted repository, so each case below fails for its own line only', () => {
    expect(
      violationsOf({
        'libs/domain/src/index.ts': `${imp('setup', 'xstate')}\n${imp('x', './x')}`,
        'libs/projections/src/p.ts': `${imp('EventStore', '@thads/event-store/port')}\n${imp('rebuildFromZero', './rebuild')}`,
        'libs/projections/src/rebuild/replay-worker.ts': `${imp('SqliteEventStore', '@thads/event-store/sqlite')}\n${imp('x', './case-streams')}`,
        'libs/domain/src/decider.ts': `${imp('nextSnapshot', './lifecycle/fast-path')}`,
        'apps/cli/src/worker.ts': `${imp('SqliteEventStore', '@thads/event-store/sqlite')}`,
        'test/e2e/a.e2e-spec.ts': `${imp('createApp', '../../apps/api/src/create-app')}\n${imp('b', '../../libs/domain/src/testing/builders')}`,
        'scripts/bench.ts': `${imp('startEsdbDouble', '../test/support/esdb-double')}`,
      }),
    ).toEqual([]);
  });

  it.each([
    [
      'the domain importing anything but xstate',
      'libs/domain/src/a.ts',
      `${imp('Pool', 'pg')}`,
      /libs\/domain may import only xstate/,
    ],
    [
      'the domain reading the clock',
      'libs/domain/src/a.ts',
      'export const today = () => new Date();',
      /reads no clock/,
    ],
    [
      'a relative import across library roots',
      'libs/application/src/a.ts',
      `${imp('x', '../../event-store/src/sqlite/sqlite-event-store')}`,
      /reaches into libs\/event-store/,
    ],
    [
      'an app reaching into a library by a relative path',
      'apps/cli/src/a.ts',
      `${imp('x', '../../../libs/event-store/src/sqlite/raw-log-reader')}`,
      /reaches into libs\/event-store/,
    ],
    [
      'an app importing another app',
      'apps/cli/src/a.ts',
      `${imp('createApp', '../../api/src/create-app')}`,
      /reaches into apps\/api/,
    ],
    [
      "a test reaching into a library's internals",
      'test/e2e/a.e2e-spec.ts',
      `${imp('x', '../../libs/projections/src/store/sqlite-read-store')}`,
      /reaches into libs\/projections/,
    ],
    [
      'an undeclared named entry',
      'apps/api/src/a.ts',
      `${imp('x', '@thads/event-store/sqlite/raw-log-reader')}`,
      /has no entry named/,
    ],
    [
      "projections importing the store's main entry",
      'libs/projections/src/a.ts',
      `${imp('SqliteEventStore', '@thads/event-store')}`,
      /through @thads\/event-store\/port only/,
    ],
    [
      "a read model opening the SQLite log (only the rebuild's worker thread may)",
      'libs/projections/src/case-list/a.ts',
      `${imp('SqliteEventStore', '@thads/event-store/sqlite')}`,
      /through @thads\/event-store\/port only/,
    ],
    [
      "the lifecycle's fast path entered past its index",
      'libs/domain/src/decider.ts',
      `${imp('fastTransition', './lifecycle/fast-path/transition')}`,
      /enter libs\/domain\/src\/lifecycle\/fast-path through its index/,
    ],
    [
      'the bulk rebuild entered past its index',
      'libs/projections/src/runtime/projector.ts',
      `${imp('projectCaseStreams', '../rebuild/case-streams')}`,
      /enter libs\/projections\/src\/rebuild through its index/,
    ],
    [
      'projections importing the application',
      'libs/projections/src/a.ts',
      `${imp('x', '@thads/application')}`,
      /projections depend on the domain/,
    ],
    [
      'the event store importing a read model',
      'libs/event-store/src/a.ts',
      `${imp('x', '@thads/projections')}`,
      /knows no read model/,
    ],
    [
      'the application importing a read model',
      'libs/application/src/a.ts',
      `${imp('x', '@thads/projections')}`,
      /write path knows no read model/,
    ],
    [
      'NestJS in a library',
      'libs/application/src/a.ts',
      `${imp('Injectable', '@nestjs/common')}`,
      /libraries stay free of the web framework/,
    ],
    [
      'a library importing an app',
      'libs/application/src/a.ts',
      `${imp('x', '../../../apps/api/src/create-app')}`,
      /never imports an app/,
    ],
    [
      'shipped code importing test support',
      'apps/cli/src/a.ts',
      `${imp('startEsdbDouble', '../../../test/support/esdb-double')}`,
      /never loads test support/,
    ],
    [
      'shipped code loading test support by a computed path',
      'apps/cli/src/a.ts',
      "const m = import(join(__dirname, '../../../../test/support/esdb-double/index'));",
      /names a path in test\/support/,
    ],
  ])('fails on %s', (_kind, path, text, message) => {
    const violations = violationsOf({ 'libs/domain/src/index.ts': `${imp('setup', 'xstate')}`, [path]: text });
    expect(violations).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    expect(violations.every((v) => v.startsWith(`${path}:`))).toBe(true);
  });
});
