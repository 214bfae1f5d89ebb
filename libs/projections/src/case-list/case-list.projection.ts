import { CaseReceivedData, STATISTIC_CLASS, stateNameOf } from '@thads/domain';
import { RecordedEvent } from '@thads/event-store/port';
import { FoldedCase, Projection } from '../runtime/projection';
import { DdlTypes, SqlValue } from '../store/read-store';
import { TableSpec } from '../store/row-writes';
import { nextDueOf } from './next-deadline';
import { caseSearchText } from './search-text';

const CASES: TableSpec = {
  table: 'cases',
  columns: [
    'case_id',
    'unit_id',
    'origin',
    'state',
    'statistic_class',
    'due',
    'collected',
    'disbursed',
    'reduced',
    'received_on',
    'last_on',
    'revision',
    'position',
    'enforcer_id',
    'creditor',
    'debtor',
    'judgment_number',
    'next_due',
    'next_rule',
    'search',
  ],
  key: ['case_id'],
};

/**
 * One row per case with its current state and amounts: the paged case list and its filters.
 * Version 3 adds what the web console's desk pages by (issue 23): the nearest running deadline's
 * due date (`next_due`, next-deadline.ts) with an index per unit and one across units, and the
 * parties, case id and judgment number without diacritics (`search`, search-text.ts), in an
 * index that holds what a search filters and sorts by: a search reads it instead of the rows.
 */
export const caseListProjection = (): Projection => ({
  name: 'case-list',
  version: 4,
  tables: ['cases'],
  schema: (t: DdlTypes) => `CREATE TABLE IF NOT EXISTS cases (
      case_id ${t.ordered} PRIMARY KEY, unit_id TEXT NOT NULL, origin TEXT NOT NULL, state TEXT NOT NULL,
      statistic_class TEXT NOT NULL, due TEXT NOT NULL, collected TEXT NOT NULL, disbursed TEXT NOT NULL,
      reduced TEXT NOT NULL, received_on ${t.ordered} NOT NULL, last_on TEXT NOT NULL, revision ${t.int64} NOT NULL,
      position ${t.int64} NOT NULL, enforcer_id TEXT, creditor TEXT, debtor TEXT, judgment_number TEXT,
      next_due ${t.ordered} NOT NULL, next_rule TEXT, search TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS cases_unit_state ON cases (unit_id, state);
    CREATE INDEX IF NOT EXISTS cases_unit_next_due ON cases (unit_id, next_due, case_id);
    CREATE INDEX IF NOT EXISTS cases_next_due ON cases (next_due, case_id);
    CREATE INDEX IF NOT EXISTS cases_unit_received ON cases (unit_id, received_on, case_id);
    CREATE INDEX IF NOT EXISTS cases_search ON cases (search, unit_id, next_due, case_id)`,
  caseRow: {
    table: CASES,
    row: ({ after }: FoldedCase, recorded: RecordedEvent): SqlValue[] => {
      const received = after.steps[0];
      const data = received.data as CaseReceivedData;
      const state = stateNameOf(after.lifecycle);
      const a = after.lifecycle.context.amounts;
      const next = nextDueOf(after);
      return [
        after.caseId,
        after.unitId,
        after.origin,
        state,
        STATISTIC_CLASS[state],
        a.due.toString(),
        a.collected.toString(),
        a.disbursed.toString(),
        a.reduced.toString(),
        received.on,
        after.lastOn,
        recorded.revision,
        recorded.position,
        after.enforcerId ?? null,
        data.creditor.name,
        data.debtor.name,
        data.judgment.number,
        next.due,
        next.rule,
        caseSearchText({
          caseId: after.caseId,
          judgmentNumber: data.judgment.number,
          creditor: data.creditor.name,
          debtor: data.debtor.name,
        }),
      ];
    },
  },
});
