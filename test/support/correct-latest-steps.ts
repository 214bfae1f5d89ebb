import { ImportRunner, UnitRegistry } from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { CaseStepRow, openReadStore } from '@thads/projections';
import { FixedClock } from './app-harness';

/**
 * Corrects the latest effective step of every case past its receipt (decides on a case only received), through the write path, as
 * read from a read store's steps: a new event on every case, final ones included, for testing
 * that a projector goes on folding each case where the read models left it.
 */
export const correctLatestSteps = async (store: SqliteEventStore, readStore: string): Promise<number> => {
  const read = openReadStore(readStore);
  const cases = await read.all<{ case_id: string; steps: string }>(`SELECT case_id, steps FROM case_steps`);
  // A receipt cannot be corrected: a case received and nothing more (a case received by
  // entrustment, Luật THADS Điều 55–57) gets its decision instead, so that every case moves.
  const lines = cases.map((c) => {
    const steps = JSON.parse(c.steps) as CaseStepRow[];
    const last = steps[steps.length - 1];
    return JSON.stringify(
      steps.length > 1
        ? { step: 'correct', caseId: c.case_id, on: last.on, correctsEventId: last.eventId, reason: 'nhập nhầm' }
        : { step: 'decide', caseId: c.case_id, on: last.on },
    );
  });
  await read.close();
  const summary = await new ImportRunner(store, new UnitRegistry(store), new FixedClock(), {
    id: 'auditor',
    role: 'system',
    unitId: 'vn',
  }).run(
    (async function* () {
      yield* lines;
    })(),
  );
  if (summary.rejected.length > 0)
    throw new Error(`corrections refused: ${JSON.stringify(summary.rejected.slice(0, 3))}`);
  return summary.applied;
};
