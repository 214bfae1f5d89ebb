import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { demoLines, ImportRunner, SystemClock, UnitRegistry } from '@thads/application';
import { EventStoreDbEventStore } from '@thads/event-store';
import { createProjections, Projector, SqliteReadStore } from '@thads/projections';
import { startEsdbDouble } from '../support/esdb-double';
import { eventually, PATIENCE_MS } from '../support/eventually';
import { dumpReadModels } from '../support/read-model-dump';

/**
 * The projector on EventStoreDB (through the official client and the protocol double) while the
 * server drops its subscription again and again with UNAVAILABLE: the read models still come out
 * equal to those of a rebuild that saw no drop.
 */
describe('a projector whose EventStoreDB subscription is dropped mid-way', () => {
  it('converges to the read models of an undisturbed rebuild', async () => {
    const double = await startEsdbDouble();
    const logged: string[] = [];
    const store = new EventStoreDbEventStore(double.connectionString, { log: (line) => logged.push(line) });
    // The import writes through a client of its own, as an API replica does beside the projector's
    // process: the drops are the projector's. On one shared client, an append racing the re-opened
    // channel went out on a BatchAppend call that never answered (append-answer.ts), and the late
    // answer then threw inside the client's handler: a client race, not what this test is about.
    const writer = new EventStoreDbEventStore(double.connectionString);
    const dir = mkdtempSync(join(tmpdir(), 'thads-esdb-drop-'));
    try {
      // The projector follows live while the cases are imported, and the server keeps dropping it.
      const disturbed = new SqliteReadStore(join(dir, 'disturbed.db'));
      const projector = new Projector(store, disturbed, createProjections(), { batchSize: 50 });
      await projector.start();
      // Dropped between import chunks: the client reconnects on UNAVAILABLE, failing calls in flight.
      let drops = 0;
      const lines = [...demoLines('2026-11-22', { cases: 120 })];
      const runner = new ImportRunner(writer, new UnitRegistry(writer), new SystemClock(), {
        id: 't',
        role: 'system',
        unitId: 'vn',
      });
      for (let i = 0; i < 4; i++) {
        const chunk = lines.slice((i * lines.length) / 4, ((i + 1) * lines.length) / 4);
        expect(
          (
            await runner.run(
              (async function* () {
                yield* chunk;
              })(),
            )
          ).rejected,
        ).toEqual([]);
        drops += double.dropSubscriptions();
        // The projector is still behind, so the next chunk meets it catching up on the re-opened subscription.
        await eventually('the projector to resubscribe', () => double.activeSubscriptions() === 1);
      }
      const head = (await store.headPosition())!;
      expect(await projector.waitFor(head, PATIENCE_MS)).toBe(true);
      await projector.stop();
      await disturbed.close();
      expect(drops).toBeGreaterThanOrEqual(2);
      expect(logged.filter((l) => l.includes('subscription dropped')).length).toBeGreaterThanOrEqual(2);

      const calm = new SqliteReadStore(join(dir, 'calm.db'));
      await new Projector(store, calm, createProjections()).catchUp();
      await calm.close();
      expect(await dumpReadModels(join(dir, 'disturbed.db'))).toEqual(await dumpReadModels(join(dir, 'calm.db')));
    } finally {
      await writer.close();
      await store.close();
      await double.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
