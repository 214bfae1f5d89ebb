import { SqliteEventStore } from '@thads/event-store';
import { ImportRunner } from '../import/import-runner';
import { UnitRegistry } from '../unit-registry';
import { demoLines } from './demo-scenario';

describe('demo data', () => {
  // Just after local midnight in Vietnam, the moment a step "recorded today" is most at risk of
  // lying in the future: every line must still pass every rule.
  it.each(['2026-11-21T17:00:30.000Z', '2026-11-22T09:30:00.000Z'])(
    'is accepted whole by the write path at %s',
    async (instant) => {
      const store = new SqliteEventStore(':memory:');
      const now = new Date(instant);
      const runner = new ImportRunner(
        store,
        new UnitRegistry(store),
        { now: () => now },
        { id: 'demo', role: 'system', unitId: 'vn' },
      );
      const summary = await runner.run(
        (async function* () {
          yield* demoLines('2026-11-22', { cases: 200, watchCases: 24 });
        })(),
      );
      expect(summary.rejected).toEqual([]);
      expect(summary.applied).toBe(summary.lines);
      await store.close();
    },
  );

  it('with its seasonal push and years of history, is accepted whole too', async () => {
    const store = new SqliteEventStore(':memory:');
    const now = new Date('2026-11-22T09:30:00.000Z');
    const runner = new ImportRunner(
      store,
      new UnitRegistry(store),
      { now: () => now },
      { id: 'demo', role: 'system', unitId: 'vn' },
    );
    const summary = await runner.run(
      (async function* () {
        yield* demoLines('2026-11-22', { cases: 300, start: '2019-10-01', seasonal: true, watchCases: 8 });
      })(),
    );
    expect(summary.rejected).toEqual([]);
    expect(summary.applied).toBe(summary.lines);
    await store.close();
  });
});
