import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoLines, ImportRunner, UnitRegistry } from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { FixedClock } from './app-harness';

/** A data directory whose SQLite log holds the demo history imported through the write path; and its head. */
export const demoLog = async (
  prefix: string,
  options: { cases: number; seed: number },
): Promise<{ dataDir: string; head: bigint }> => {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const store = new SqliteEventStore(join(dataDir, 'thads.db'));
  const runner = new ImportRunner(store, new UnitRegistry(store), new FixedClock(), {
    id: 'demo',
    role: 'system',
    unitId: 'vn',
  });
  await runner.run(
    (async function* () {
      yield* demoLines('2026-11-22', options);
    })(),
  );
  const head = (await store.headPosition())!;
  await store.close();
  return { dataDir, head };
};

/**
 * The cases a demo history holds: the generated ones, and for each entrustment the receiving
 * unit's case the write path adds (Luật THADS Điều 55–57).
 */
export const demoCaseCount = (options: { cases: number; seed?: number; prefix?: string }): number =>
  options.cases +
  [...demoLines('2026-11-22', options)].filter((line) => (JSON.parse(line) as { step?: string }).step === 'entrust')
    .length;
