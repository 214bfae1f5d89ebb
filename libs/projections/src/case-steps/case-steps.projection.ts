import { stepOfEventType } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { ReadStore } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';

/** A case's effective steps (corrections applied) as the deadline rules read them. */
export interface CaseStepRow {
  step: string;
  on: string;
  data: Record<string, unknown>;
  eventId?: string;
}

const CASE_STEPS: TableSpec = { table: 'case_steps', columns: ['case_id', 'unit_id', 'first_on', 'steps'], key: ['case_id'] };

/**
 * One row per case with its effective steps, for deadline evaluation as of any date: deadlines
 * depend on dates only, so evaluating the steps dated up to D gives the deadlines as of D.
 */
export const caseStepsProjection = (): Projection => ({
  name: 'case-steps',
  version: 1,
  tables: ['case_steps'],
  schema: (t) => `CREATE TABLE IF NOT EXISTS case_steps (
      case_id ${t.ordered} PRIMARY KEY, unit_id TEXT NOT NULL, first_on TEXT NOT NULL, steps TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS case_steps_unit ON case_steps (unit_id)`,
  apply: (out: RowWrites, { case: folded }: ProjectedEvent) => {
    if (!folded) return;
    const steps: CaseStepRow[] = folded.after.steps.map((e) => ({
      step: stepOfEventType(e.type) ?? e.type, on: e.on, data: e.data as unknown as Record<string, unknown>, eventId: e.id,
    }));
    out.upsert(CASE_STEPS, [folded.after.caseId, folded.after.unitId, steps[0].on, JSON.stringify(steps)]);
  },
});

/** Rows per page when streaming a unit's cases: memory stays flat for a whole province. */
const PAGE = 2_000;

export class CaseStepQueries {
  constructor(private readonly store: ReadStore) {}

  /** Cases of these units received on or before `asOf`, with their steps up to that date, by case id. */
  async *forUnits(unitIds: ReadonlyArray<string>, asOf: string): AsyncGenerator<{ caseId: string; unitId: string; steps: CaseStepRow[] }> {
    if (unitIds.length === 0) return;
    let after = '';
    for (;;) {
      const rows = await this.store.all<{ case_id: string; unit_id: string; steps: string }>(
        `SELECT case_id, unit_id, steps FROM case_steps WHERE unit_id IN (${unitIds.map(() => '?').join(',')}) AND first_on <= ? AND case_id > ?
         ORDER BY case_id LIMIT ${PAGE}`, [...unitIds, asOf, after]);
      for (const row of rows) {
        const steps = (JSON.parse(row.steps) as CaseStepRow[]).filter((s) => s.on <= asOf);
        yield { caseId: row.case_id, unitId: row.unit_id, steps };
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].case_id;
    }
  }
}
