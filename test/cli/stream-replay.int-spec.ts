import { join } from 'node:path';
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { demoLines, ImportRunner, SystemClock, UnitRegistry } from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { checkpoints, createProjections, openReadStore, Projector } from '@thads/projections';
import { ledgerHarness } from '../../libs/projections/src/statistics/testing/ledger-harness';
import { caseScript, recordScript } from '../../libs/projections/src/statistics/testing/random-history';
import { demoCaseCount, demoLog } from '../support/demo-log';
import { correctLatestSteps } from '../support/correct-latest-steps';
import { dumpReadModels } from '../support/read-model-dump';

const importDemo = async (store: SqliteEventStore, options: { cases: number; seed: number; prefix: string }) =>
  new ImportRunner(store, new UnitRegistry(store), new SystemClock(), { id: 't', role: 'system', unitId: 'vn' }).run(
    (async function* () {
      yield* demoLines('2026-11-22', { ...options, units: false });
    })(),
  );

const project = async (store: SqliteEventStore, location: string, byStreams: boolean) => {
  const read = openReadStore(location);
  await new Projector(store, read, createProjections(), { byStreams, replayBatchEvents: 97 }).catchUp();
  const marks = await checkpoints.load(read);
  await read.close();
  return marks;
};

/**
 * A replay stream by stream (stream-replay.ts) must leave every read model as the projector
 * following the log in position order leaves them, over cases whose events are interleaved by
 * business date; it saves no case fold, and the live projector then folds each case it meets
 * from its stream (CaseFolds.prefetch) to the same read models.
 */
describe('replaying the log stream by stream', () => {
  it('gives the read models of a replay in position order, and the live projector goes on from them', async () => {
    const { dataDir, head } = await demoLog('thads-replay-', { cases: 250, seed: 5 });
    const store = new SqliteEventStore(join(dataDir, 'thads.db'));
    const byPositions = join(dataDir, 'positions.db');
    const byStreams = join(dataDir, 'streams.db');
    try {
      await project(store, byPositions, false);
      const marks = await project(store, byStreams, true);
      for (const p of createProjections()) expect(marks.get(p.name)).toEqual({ version: p.version, position: head });
      expect(marks.get('$case-fold')?.position).toBe(head);
      const streams = await dumpReadModels(byStreams, { withCaseFolds: true });
      expect(streams.cases.length).toBe(demoCaseCount({ cases: 250, seed: 5 }));
      expect(streams.case_snapshots).toEqual([]);
      expect(streams).toEqual({ ...(await dumpReadModels(byPositions)), case_snapshots: [] });

      // A new step on every case, closed ones included, and new cases: both follow them live.
      expect(await correctLatestSteps(store, byPositions)).toBeGreaterThan(200);
      await importDemo(store, { cases: 60, seed: 6, prefix: 'more' });
      await project(store, byPositions, false);
      await project(store, byStreams, true);
      const after = await dumpReadModels(byStreams, { withCaseFolds: true });
      expect(after.cases.length).toBe(
        demoCaseCount({ cases: 250, seed: 5 }) + demoCaseCount({ cases: 60, seed: 6, prefix: 'more' }),
      );
      const positions = await dumpReadModels(byPositions, { withCaseFolds: true });
      expect(after).toEqual(positions);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('gives the statistics of a replay in position order for random histories with corrections and late steps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseScript, { minLength: 3, maxLength: 12 }), async (scripts) => {
        const h = ledgerHarness(openReadStore(':memory:'));
        try {
          await h.units();
          for (const [i, s] of scripts.entries()) await recordScript(h, `r-${i}`, s);
          const reads = [openReadStore(':memory:'), openReadStore(':memory:')];
          const catchUp = async () => {
            for (const [i, byStreams] of [false, true].entries())
              await new Projector(h.store, reads[i], createProjections(), {
                byStreams,
                replayBatchEvents: 5,
              }).catchUp();
          };
          try {
            await catchUp();
            expect(await dumpReadModels(reads[1], { withCaseFolds: true })).toEqual({
              ...(await dumpReadModels(reads[0])),
              case_snapshots: [],
            });
            // Then the latest step of every case is corrected, and both follow live.
            for (const i of scripts.keys()) {
              const state = await h.stateOf(`r-${i}`);
              if (state.status !== 'known' || state.steps.length < 2) continue;
              expect(
                await h.step(`r-${i}`, {
                  step: 'correct',
                  on: state.lastOn,
                  data: { correctsEventId: state.steps.at(-1)!.id!, reason: 'nhập nhầm' },
                }),
              ).toBe(true);
            }
            await catchUp();
            expect(await dumpReadModels(reads[1])).toEqual(await dumpReadModels(reads[0]));
          } finally {
            for (const r of reads) await r.close();
          }
        } finally {
          await h.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
