import { DEADLINE_DATA_FIELDS, DeadlineStepData, KnownCase, stepOfEventType } from '@thads/domain';
import { Projection } from '../runtime/projection';
import { ReadStore, SqlValue } from '../store/read-store';
import { TableSpec } from '../store/row-writes';

/** A case's effective steps (corrections applied) as the deadline rules read them. */
export interface CaseStepRow {
  step: string;
  on: string;
  /** Only the fields the deadline rules read (DEADLINE_DATA_FIELDS); absent when there are none. */
  data?: DeadlineStepData;
  eventId?: string;
}

const CASES: TableSpec = {
  table: 'case_steps',
  columns: ['case_id', 'unit_id', 'first_on', 'steps'],
  key: ['case_id'],
};

/** What the deadline rules read of a step's data, or nothing. */
const ruleData = (data: object): DeadlineStepData | undefined => {
  let kept: Record<string, unknown> | undefined;
  for (const field of DEADLINE_DATA_FIELDS) {
    const value = (data as DeadlineStepData)[field];
    if (value !== undefined) (kept ??= {})[field] = value;
  }
  return kept;
};

/** A case's effective steps as stored: a JSON array, in the order they were taken. */
const stepsJson = (after: KnownCase): string =>
  JSON.stringify(
    after.steps.map((e): CaseStepRow => {
      const data = ruleData(e.data);
      return {
        step: stepOfEventType(e.type) ?? e.type,
        on: e.on,
        ...(data && { data }),
        ...(e.id ? { eventId: e.id } : {}),
      };
    }),
  );

const rowOf = (after: KnownCase): SqlValue[] => [after.caseId, after.unitId, after.steps[0].on, stepsJson(after)];

/**
 * A case's effective steps, for deadline evaluation as of any date: deadlines depend on dates
 * only, so evaluating the steps dated up to D gives the deadlines as of D. One row a case, its
 * steps together, rewritten when they change; a correction takes the step back out of the list.
 * Version 2 kept a row a step (case_step_list): a rebuild wrote eight times the rows for the
 * same steps, and the rows were most of what it copied between threads and inserted. Version 4
 * keeps only the data the rules read: the parties, the judgment and the amounts were more than a
 * third of the bytes (README, Measurements behind the design), written twice by a rebuild (a
 * worker's shard, then the read store) and parsed by every deadline query.
 * Version 5 keeps `buyerPaidInFull`, from which the delivery term runs. Version 6 keeps
 * `entrustedFrom` (the receiving unit's decision, Điều 57.1.b), `bankruptcyDecision`, a notice's
 * `to` and a re-verification's `findingOn`.
 */
export const caseStepsProjection = (): Projection => ({
  name: 'case-steps',
  version: 6,
  // case_step_list: version 2's rows, dropped with it.
  tables: ['case_steps', 'case_step_list'],
  schema: (t) => `CREATE TABLE IF NOT EXISTS case_steps (
      case_id ${t.ordered} PRIMARY KEY, unit_id TEXT NOT NULL, first_on TEXT NOT NULL, steps TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS case_steps_unit ON case_steps (unit_id, case_id)`,
  caseRow: { table: CASES, row: ({ after }) => rowOf(after) },
});

/** Cases per page when streaming a unit's cases: memory stays flat for a whole province. */
const PAGE = 1_000;

export class CaseStepQueries {
  constructor(private readonly store: ReadStore) {}

  /**
   * Cases of these units received on or before `asOf`, with their steps up to that date, by case
   * id; with the enforcer assigned now (the case list's), and only that enforcer's cases if named.
   */
  async *forUnits(
    unitIds: ReadonlyArray<string>,
    asOf: string,
    only: { enforcerId?: string } = {},
  ): AsyncGenerator<{ caseId: string; unitId: string; enforcerId: string | null; steps: CaseStepRow[] }> {
    if (unitIds.length === 0) return;
    let after = '';
    const enforcer = only.enforcerId === undefined ? '' : ' AND l.enforcer_id = ?';
    for (;;) {
      const cases = await this.store.all<{
        case_id: string;
        unit_id: string;
        steps: string;
        enforcer_id: string | null;
      }>(
        `SELECT s.case_id, s.unit_id, s.steps, l.enforcer_id FROM case_steps s LEFT JOIN cases l ON l.case_id = s.case_id
         WHERE s.unit_id IN (${unitIds.map(() => '?').join(',')}) AND s.first_on <= ? AND s.case_id > ?${enforcer}
         ORDER BY s.case_id LIMIT ${PAGE}`,
        [...unitIds, asOf, after, ...(only.enforcerId === undefined ? [] : [only.enforcerId])],
      );
      if (cases.length === 0) return;
      for (const c of cases) {
        const steps = (JSON.parse(c.steps) as CaseStepRow[]).filter((step) => step.on <= asOf);
        yield { caseId: c.case_id, unitId: c.unit_id, enforcerId: c.enforcer_id ?? null, steps };
      }
      if (cases.length < PAGE) return;
      after = cases[cases.length - 1].case_id;
    }
  }

  /** The effective steps of these cases (a page of a list), by case id. */
  async forCases(caseIds: ReadonlyArray<string>): Promise<Map<string, CaseStepRow[]>> {
    const found = new Map<string, CaseStepRow[]>();
    if (caseIds.length === 0) return found;
    const rows = await this.store.all<{ case_id: string; steps: string }>(
      `SELECT case_id, steps FROM case_steps WHERE case_id IN (${caseIds.map(() => '?').join(',')})`,
      [...caseIds],
    );
    for (const row of rows) found.set(row.case_id, JSON.parse(row.steps) as CaseStepRow[]);
    return found;
  }
}
