import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoLines } from '@thads/application';
import { EventStore, openEventStore } from '@thads/event-store';
import { startEsdbDouble } from '../support/esdb-double';
import { importLines, logOf, readModelsOf } from '../support/import-once';
import { describePostgres, scratchSchema } from '../support/postgres';

/**
 * Issue #19.1: the same file imported a second time appended the repeatable steps (verifications,
 * seizures, collections) again. Now every line of the second run is found in its stream and
 * counted as already applied: the log and every read model are those of one clean import.
 */
const LINES = [...demoLines('2026-11-22', { cases: 30 })];

const importTwiceAndCompare = async (open: () => Promise<{ store: EventStore; dispose(): Promise<void> }>) => {
  const dir = mkdtempSync(join(tmpdir(), 'thads-twice-'));
  const clean = await open();
  const twice = await open();
  try {
    const first = await importLines(clean.store, LINES);
    expect(first).toMatchObject({ applied: LINES.length, alreadyApplied: 0, rejected: [] });
    await importLines(twice.store, LINES);
    const again = await importLines(twice.store, LINES);
    expect(again).toMatchObject({ lines: LINES.length, applied: 0, alreadyApplied: LINES.length, rejected: [] });
    expect(await logOf(twice.store)).toEqual(await logOf(clean.store));
    expect(await readModelsOf(twice.store, dir, 'twice')).toEqual(await readModelsOf(clean.store, dir, 'clean'));
  } finally {
    await clean.dispose();
    await twice.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('importing the same file twice', () => {
  it('appends nothing the second time, on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thads-twice-sqlite-'));
    let n = 0;
    try {
      await importTwiceAndCompare(async () => {
        const store = await openEventStore(join(dir, `events-${n++}.db`));
        return { store, dispose: () => store.close() };
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('appends nothing the second time, on the EventStoreDB double', async () => {
    await importTwiceAndCompare(async () => {
      const double = await startEsdbDouble();
      const store = await openEventStore(double.connectionString);
      return {
        store,
        dispose: async () => {
          await store.close();
          await double.stop();
        },
      };
    });
  }, 120_000);
});

describePostgres('importing the same file twice on PostgreSQL', () => {
  it('appends nothing the second time', async () => {
    await importTwiceAndCompare(async () => {
      const schema = scratchSchema('t_import_twice');
      const store = await openEventStore(schema.url);
      return {
        store,
        dispose: async () => {
          await store.close();
          await schema.drop();
        },
      };
    });
  }, 120_000);
});
