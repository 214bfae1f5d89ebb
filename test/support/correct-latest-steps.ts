import { ImportRunner, UnitRegistry } from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { openReadStore } from '@thads/projections';
import { FixedClock } from './app-harness';

/**
 * Corrects the latest effective step of every case past its receipt, through the write path, as
 * read from a read store's steps: a new event on every case, final ones included, for testing
 * that a projector goes on folding each case where the read models left it.
 */
export const correctLatestSteps = async (store: SqliteEventStore, readStore: string): Promise<number> => {
  const read = openReadStore(readStore);
  const latest = await read.all<{ case_id: string; event_id: string; on_day: string }>(
    `SELECT s.case_id, s.event_id, s.on_day FROM case_step_list s WHERE s.voided = 0 AND s.idx > 0
       AND s.idx = (SELECT max(t.idx) FROM case_step_list t WHERE t.case_id = s.case_id AND t.voided = 0)`);
  await read.close();
  const lines = latest.map((l) => JSON.stringify({ step: 'correct', caseId: l.case_id, on: l.on_day, correctsEventId: l.event_id, reason: 'nhập nhầm' }));
  const summary = await new ImportRunner(store, new UnitRegistry(store), new FixedClock(), { id: 'auditor', role: 'system', unitId: 'vn' })
    .run((async function* () { yield* lines; })());
  if (summary.rejected.length > 0) throw new Error(`corrections refused: ${JSON.stringify(summary.rejected.slice(0, 3))}`);
  return summary.applied;
};
