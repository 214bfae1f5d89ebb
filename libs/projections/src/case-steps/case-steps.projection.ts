import { KnownCase, stepOfEventType } from '@thads/domain';
import { FoldedCase, ProjectedEvent, Projection } from '../runtime/projection';
import { ReadStore, SqlValue } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';

/** A case's effective steps (corrections applied) as the deadline rules read them. */
export interface CaseStepRow {
  step: string;
  on: string;
  data: Record<string, unknown>;
  eventId?: string;
}

const CASES: TableSpec = { table: 'case_steps', columns: ['case_id', 'unit_id', 'first_on'], key: ['case_id'] };
const STEPS: TableSpec = { table: 'case_step_list', columns: ['case_id', 'idx', 'step', 'on_day', 'data', 'event_id', 'voided'], key: ['case_id', 'idx'] };

/**
 * A case's effective steps, for deadline evaluation as of any date: deadlines depend on dates
 * only, so evaluating the steps dated up to D gives the deadlines as of D. One row per step, so
 * an event writes one row, not the whole history again; a correction voids the row of the step
 * it takes back, and the next step takes its place.
 */
export const caseStepsProjection = (): Projection => {
  // In a replay: the case whose events come, and the most steps it has had so far.
  let replayed = { caseId: '', most: 0 };
  /**
   * A replay writes a case's rows once, at its last fold: live, every step's row is written when
   * the step is taken, never changed after (a correction takes back the latest step only), and
   * voided when taken back; so they end up as the final steps, then voided rows up to the most
   * steps the case ever had. stream-replay.int-spec compares them with a replay event by event.
   */
  const replay = (out: RowWrites, { after }: FoldedCase, lastFold: boolean | undefined) => {
    if (replayed.caseId !== after.caseId) replayed = { caseId: after.caseId, most: 0 };
    if (after.steps.length > replayed.most) replayed.most = after.steps.length;
    if (!lastFold) return;
    // Each row once in the replay: inserted, with no key to make (RowWrites.insert).
    out.insert(CASES, [after.caseId, after.unitId, after.steps[0].on]);
    stepRows(out, after, 0, true);
    for (let i = after.steps.length; i < replayed.most; i++) out.insert(STEPS, voided(after.caseId, i));
  };
  return {
    name: 'case-steps',
    version: 2,
    tables: ['case_steps', 'case_step_list'],
    schema: (t) => `CREATE TABLE IF NOT EXISTS case_steps (case_id ${t.ordered} PRIMARY KEY, unit_id TEXT NOT NULL, first_on TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS case_steps_unit ON case_steps (unit_id, case_id);
      CREATE TABLE IF NOT EXISTS case_step_list (
        case_id TEXT NOT NULL, idx INTEGER NOT NULL, step TEXT NOT NULL, on_day TEXT NOT NULL, data TEXT NOT NULL,
        event_id TEXT, voided INTEGER NOT NULL, PRIMARY KEY (case_id, idx)) ${t.clustered}`,
    apply: (out: RowWrites, { case: folded, replaying, lastFold }: ProjectedEvent) => {
      if (!folded) return;
      if (replaying) { replay(out, folded, lastFold); return; }
      if (folded.before === folded.after) return;
      const { after, before } = folded;
      const had = before.status === 'known' ? before.steps.length : 0;
      if (had === 0) out.upsert(CASES, [after.caseId, after.unitId, after.steps[0].on]);
      stepRows(out, after, had);
      for (let i = after.steps.length; i < had; i++) out.upsert(STEPS, voided(after.caseId, i));
    },
  };
};

/** The rows of a case's steps from `from` on; `once` when none of them is written again in the batch. */
const stepRows = (out: RowWrites, after: KnownCase, from: number, once = false) => {
  for (let i = from; i < after.steps.length; i++) {
    const e = after.steps[i];
    const row = [after.caseId, i, stepOfEventType(e.type) ?? e.type, e.on, JSON.stringify(e.data), e.id ?? null, 0];
    if (once) out.insert(STEPS, row); else out.upsert(STEPS, row);
  }
};

const voided = (caseId: string, idx: number): SqlValue[] => [caseId, idx, '', '', '{}', null, 1];

/** Cases per page when streaming a unit's cases: memory stays flat for a whole province. */
const PAGE = 1_000;

export class CaseStepQueries {
  constructor(private readonly store: ReadStore) {}

  /** Cases of these units received on or before `asOf`, with their steps up to that date, by case id. */
  async *forUnits(unitIds: ReadonlyArray<string>, asOf: string): AsyncGenerator<{ caseId: string; unitId: string; steps: CaseStepRow[] }> {
    if (unitIds.length === 0) return;
    let after = '';
    for (;;) {
      const cases = await this.store.all<{ case_id: string; unit_id: string }>(
        `SELECT case_id, unit_id FROM case_steps WHERE unit_id IN (${unitIds.map(() => '?').join(',')}) AND first_on <= ? AND case_id > ?
         ORDER BY case_id LIMIT ${PAGE}`, [...unitIds, asOf, after]);
      if (cases.length === 0) return;
      const rows = await this.store.all<{ case_id: string; step: string; on_day: string; data: string; event_id: string | null; idx: SqlValue }>(
        `SELECT case_id, idx, step, on_day, data, event_id FROM case_step_list
         WHERE case_id IN (${cases.map(() => '?').join(',')}) AND voided = 0 AND on_day <= ?`, [...cases.map((c) => c.case_id), asOf]);
      const steps = new Map<string, Array<{ idx: number; row: CaseStepRow }>>();
      for (const r of rows) {
        const row: CaseStepRow = { step: r.step, on: r.on_day, data: JSON.parse(r.data), ...(r.event_id ? { eventId: r.event_id } : {}) };
        const list = steps.get(r.case_id) ?? [];
        list.push({ idx: Number(r.idx), row });
        steps.set(r.case_id, list);
      }
      for (const c of cases) {
        const list = (steps.get(c.case_id) ?? []).sort((a, b) => a.idx - b.idx).map((s) => s.row);
        yield { caseId: c.case_id, unitId: c.unit_id, steps: list };
      }
      if (cases.length < PAGE) return;
      after = cases[cases.length - 1].case_id;
    }
  }
}
