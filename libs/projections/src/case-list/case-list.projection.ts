import { CaseReceivedData, STATISTIC_CLASS, stateNameOf } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { DdlTypes } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';

const CASES: TableSpec = {
  table: 'cases',
  columns: ['case_id', 'unit_id', 'origin', 'state', 'statistic_class', 'due', 'collected', 'disbursed', 'reduced',
    'received_on', 'last_on', 'revision', 'position', 'enforcer_id', 'creditor', 'debtor', 'judgment_number'],
  key: ['case_id'],
};

/** One row per case with its current state and amounts: the paged case list and its filters. */
export const caseListProjection = (): Projection => ({
  name: 'case-list',
  version: 2,
  tables: ['cases'],
  schema: (t: DdlTypes) => `CREATE TABLE IF NOT EXISTS cases (
      case_id ${t.ordered} PRIMARY KEY, unit_id TEXT NOT NULL, origin TEXT NOT NULL, state TEXT NOT NULL,
      statistic_class TEXT NOT NULL, due TEXT NOT NULL, collected TEXT NOT NULL, disbursed TEXT NOT NULL,
      reduced TEXT NOT NULL, received_on ${t.ordered} NOT NULL, last_on TEXT NOT NULL, revision ${t.int64} NOT NULL,
      position ${t.int64} NOT NULL, enforcer_id TEXT, creditor TEXT, debtor TEXT, judgment_number TEXT);
    CREATE INDEX IF NOT EXISTS cases_unit_state ON cases (unit_id, state)`,
  apply: (out: RowWrites, { recorded, case: folded, replaying, lastFold }: ProjectedEvent) => {
    // A replay writes the row once, as the case ends up: the live rows before it are overwritten.
    if (!folded || (replaying && !lastFold)) return;
    const { after } = folded;
    const received = after.steps[0];
    const data = received.data as CaseReceivedData;
    const state = stateNameOf(after.lifecycle);
    const a = after.lifecycle.context.amounts;
    const row = [
      after.caseId, after.unitId, after.origin, state, STATISTIC_CLASS[state], a.due.toString(), a.collected.toString(),
      a.disbursed.toString(), a.reduced.toString(), received.on, after.lastOn, recorded.revision, recorded.position,
      after.enforcerId ?? null, data.creditor.name, data.debtor.name, data.judgment.number,
    ];
    // In a replay the row is written once (RowWrites.insert); live, a batch keeps its latest.
    if (replaying) out.insert(CASES, row); else out.upsert(CASES, row);
  },
});
