import { ImportRunner, UnitRegistry } from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { CaseStepRow, openReadStore } from '@thads/projections';
import { FixedClock } from './app-harness';

/**
 * Corrects the latest effective step of every case past its receipt, through the write path, as
 * read from a read store's steps: a new event on every case, final ones included, for testing
 * that a projector goes on folding each case where the read models left it.
 */
export const correctLatestSteps = async (store: SqliteEventStore, readStore: string): Promise<number> => {
  const read = openReadStore(readStore);
  const cases = await read.all<{ case_id: string; steps: string }>(`SELECT case_id, steps FROM case_steps`);
  const latest = cases.flatMap((c) => {
    const steps = JSON.parse(c.steps) as CaseStepRow[];
    const last = steps[steps.length - 1];
    return steps.length > 1 ? [{ case_id: c.case_id, event_id: last.eventId, on_day: last.on }] : [];
  });
  await read.close();
  const lines = latest.map((l) => JSON.stringify({ step: 'correct', caseId: l.case_id, on: l.on_day, correctsEventId: l.event_id, reason: 'nhập nhầm' }));
  const summary = await new ImportRunner(store, new UnitRegistry(store), new FixedClock(), { id: 'auditor', role: 'system', unitId: 'vn' })
    .run((async function* () { yield* lines; })());
  if (summary.rejected.length > 0) throw new Error(`corrections refused: ${JSON.stringify(summary.rejected.slice(0, 3))}`);
  return summary.applied;
};
