import type Database from 'better-sqlite3';
import { stepOfEventType } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { stmt } from '../runtime/statements';

/** A case's effective steps (corrections applied) as the deadline rules read them. */
export interface CaseStepRow {
  step: string;
  on: string;
  data: Record<string, unknown>;
  eventId?: string;
}

/**
 * One row per case with its effective steps, for deadline evaluation as of any date: deadlines
 * depend on dates only, so evaluating the steps dated up to D gives the deadlines as of D.
 */
export const caseStepsProjection: Projection = {
  name: 'case-steps',
  version: 1,
  setup: (db) => db.exec(`CREATE TABLE IF NOT EXISTS case_steps (
      case_id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, first_on TEXT NOT NULL, steps TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS case_steps_unit ON case_steps (unit_id);`),
  reset: (db) => db.exec('DROP TABLE IF EXISTS case_steps'),
  apply: (db: Database.Database, { case: folded }: ProjectedEvent) => {
    if (!folded) return;
    const steps: CaseStepRow[] = folded.after.steps.map((e) => ({
      step: stepOfEventType(e.type) ?? e.type, on: e.on, data: e.data as unknown as Record<string, unknown>, eventId: e.id,
    }));
    stmt(db, `INSERT INTO case_steps (case_id, unit_id, first_on, steps) VALUES (?, ?, ?, ?)
      ON CONFLICT(case_id) DO UPDATE SET unit_id = excluded.unit_id, steps = excluded.steps`)
      .run(folded.after.caseId, folded.after.unitId, steps[0].on, JSON.stringify(steps));
  },
};

export class CaseStepQueries {
  constructor(private readonly db: Database.Database) {}

  /** Cases of these units received on or before `asOf`, with their steps up to that date. */
  *forUnits(unitIds: ReadonlyArray<string>, asOf: string): Generator<{ caseId: string; unitId: string; steps: CaseStepRow[] }> {
    if (unitIds.length === 0) return;
    const rows = this.db.prepare(`SELECT case_id, unit_id, steps FROM case_steps WHERE unit_id IN (${unitIds.map(() => '?').join(',')}) AND first_on <= ? ORDER BY case_id`)
      .iterate(...unitIds, asOf) as IterableIterator<{ case_id: string; unit_id: string; steps: string }>;
    for (const row of rows) {
      const steps = (JSON.parse(row.steps) as CaseStepRow[]).filter((s) => s.on <= asOf);
      yield { caseId: row.case_id, unitId: row.unit_id, steps };
    }
  }
}
