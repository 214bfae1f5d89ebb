import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { demoLines, ImportRunner, SystemClock, UnitRegistry } from '@thads/application';
import { EventStore, openEventStore } from '@thads/event-store';
import { checkpoints, createProjections, openReadStore, Projector, ReadStore } from '@thads/projections';
import { cliContext } from './cli-harness';
import { eventually } from '../support/eventually';
import { describePostgres, scratchSchema } from '../support/postgres';
import { dumpReadModels as dump } from '../support/read-model-dump';
import { demoCaseCount } from '../support/demo-log';

const child = join(__dirname, '../support/projector-child.ts');
const register = join(__dirname, '../../scripts/ts-register.js');

const caseListAt = async (location: string): Promise<bigint> => {
  const read = openReadStore(location);
  try {
    return (await checkpoints.load(read)).get('case-list')?.position ?? 0n;
  } catch {
    return 0n; // not created yet
  } finally {
    await read.close();
  }
};

/**
 * Imports demo cases, starts a slowed projector in its own process, kills it (SIGKILL) once some
 * batches have committed and while later ones are under way, restarts it, and compares every
 * read model with a full rebuild into a fresh read store.
 */
const crashAndCompare = async (
  store: EventStore,
  eventStore: string,
  crashed: string,
  rebuilt: ReadStore,
  rebuiltAt: string,
) => {
  await new ImportRunner(store, new UnitRegistry(store), new SystemClock(), {
    id: 't',
    role: 'system',
    unitId: 'vn',
  }).run(
    (async function* () {
      yield* demoLines('2026-11-22', { cases: 150 });
    })(),
  );
  const proc = spawn(process.execPath, ['-r', register, child, eventStore, crashed, '150'], { stdio: 'ignore' });
  // The child compiles its TypeScript first: on a loaded machine that alone took over 20 s.
  await eventually('the child projector to commit a batch', async () => (await caseListAt(crashed)) > 0n);
  proc.kill('SIGKILL');
  await new Promise((r) => proc.on('exit', r));
  const head = (await store.headPosition())!;
  const stoppedAt = await caseListAt(crashed);
  expect(stoppedAt).toBeGreaterThan(0n);
  expect(stoppedAt).toBeLessThan(head);

  execFileSync(process.execPath, ['-r', register, child, eventStore, crashed, '0']);
  await new Projector(store, rebuilt, createProjections()).catchUp();
  await rebuilt.close();
  expect(await dump(crashed)).toEqual(await dump(rebuiltAt));
};

describe('a projector killed (SIGKILL) in the middle of a batch', () => {
  it('resumes from its checkpoint: the SQLite read models equal those of a full rebuild', async () => {
    const cli = cliContext();
    const rebuilt = join(cli.dir, 'rebuilt.db');
    try {
      await crashAndCompare(
        cli.ctx.store,
        cli.ctx.config.eventStore,
        join(cli.dir, 'crashed.db'),
        openReadStore(rebuilt),
        rebuilt,
      );
    } finally {
      await cli.close();
    }
  });
});

const casesIn = async (location: string): Promise<number> => {
  const read = openReadStore(location);
  try {
    return Number((await read.all<{ n: bigint }>('SELECT count(*) AS n FROM cases'))[0].n);
  } catch {
    return 0; // not created yet
  } finally {
    await read.close();
  }
};

describe('a replay stream by stream killed (SIGKILL) part-way', () => {
  it('is started again from zero: the read models equal those of an undisturbed replay', async () => {
    const cli = cliContext();
    const crashed = join(cli.dir, 'crashed.db');
    const rebuiltAt = join(cli.dir, 'rebuilt.db');
    try {
      await new ImportRunner(cli.ctx.store, new UnitRegistry(cli.ctx.store), new SystemClock(), {
        id: 't',
        role: 'system',
        unitId: 'vn',
      }).run(
        (async function* () {
          yield* demoLines('2026-11-22', { cases: 150 });
        })(),
      );
      const proc = spawn(
        process.execPath,
        ['-r', register, child, cli.ctx.config.eventStore, crashed, '150', 'streams'],
        { stdio: 'ignore' },
      );
      await eventually('the child replay to write a case', async () => (await casesIn(crashed)) > 0);
      proc.kill('SIGKILL');
      await new Promise((r) => proc.on('exit', r));
      // Some cases were written, and the read models say they are unfinished.
      expect(await casesIn(crashed)).toBeGreaterThan(0);
      expect(await casesIn(crashed)).toBeLessThan(150);
      const read = openReadStore(crashed);
      const marks = await checkpoints.load(read);
      await read.close();
      expect(marks.get('case-list')).toEqual({ version: -1, position: 0n });

      execFileSync(process.execPath, ['-r', register, child, cli.ctx.config.eventStore, crashed, '0', 'streams']);
      const rebuilt = openReadStore(rebuiltAt);
      await new Projector(cli.ctx.store, rebuilt, createProjections()).catchUp();
      await rebuilt.close();
      expect(await dump(crashed)).toEqual(await dump(rebuiltAt));
      expect((await dump(crashed)).cases.length).toBe(demoCaseCount({ cases: 150 }));
    } finally {
      await cli.close();
    }
  });
});

describePostgres('a projector on PostgreSQL killed (SIGKILL) in the middle of a batch', () => {
  it('resumes from its checkpoint: the PostgreSQL read models equal those of a full rebuild', async () => {
    const events = scratchSchema('t_crash_events');
    const crashed = scratchSchema('t_crash_read');
    const rebuilt = scratchSchema('t_crash_rebuilt');
    const store = await openEventStore(events.url);
    try {
      await crashAndCompare(store, events.url, crashed.url, openReadStore(rebuilt.url), rebuilt.url);
    } finally {
      await store.close();
      for (const s of [events, crashed, rebuilt]) await s.drop();
    }
  });
});
