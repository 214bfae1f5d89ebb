import {
  createWorkingDayCalendar,
  KnownCase,
  RecordedStep,
  SHIPPED_ANNOUNCED_YEARS,
  stepOfEventType,
  WorkingDayCalendar,
} from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { DdlTypes, ReadStore, SqlValue } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';
import { deadlineVersions, DeadlineVersion } from './deadline-versions';

export const DEADLINE_ROWS: TableSpec = {
  table: 'deadline_rows',
  columns: [
    'case_id',
    'seq',
    'unit_id',
    'valid_from',
    'valid_to',
    'rule',
    'trigger_on',
    'nth',
    'state',
    'due',
    'starts_on',
    'past_due',
  ],
  key: ['case_id', 'seq'],
};

/** The position of the last case event that changed rows, live: what a cache of evaluations is keyed by. */
export const DEADLINE_META: TableSpec = { table: 'deadline_meta', columns: ['name', 'position'], key: ['name'] };

/** The steps as the deadline rules read them, as the case-steps read model keeps them. */
const stepsOf = (c: KnownCase): RecordedStep[] =>
  c.steps.map((e) => ({
    step: stepOfEventType(e.type) ?? e.type,
    on: e.on,
    data: e.data as RecordedStep['data'],
    ...(e.id ? { eventId: e.id } : {}),
  }));

const rowOf = (c: KnownCase, seq: number, v: DeadlineVersion): SqlValue[] => [
  c.caseId,
  seq,
  c.unitId,
  v.validFrom,
  v.validTo,
  v.rule,
  v.triggerOn,
  v.nth,
  v.state,
  v.due,
  v.startsOn,
  v.pastDue,
];

/** A row a case no longer has (a correction took its step back): an empty range, never read. */
const goneRow = (c: KnownCase, seq: number): SqlValue[] => [
  c.caseId,
  seq,
  c.unitId,
  '',
  '',
  '',
  '',
  0,
  'gone',
  '',
  '',
  0,
];

/**
 * The inspection board's read model (issue 24): a row for each version of each deadline of each
 * case (deadline-versions.ts), so that the board of a province or of the nation, its pages, its
 * CSV and its counts by unit are read from indexed rows as of any day instead of evaluating every
 * case's steps when asked (a province of 40,000 cases: 11 s). Due dates are stored; whether a
 * pending deadline is open or overdue is decided in SQL against the day asked. Rows are
 * evaluated on the calendar the host gives (the office's, THADS_CALENDAR_DIR), the shipped one
 * by default; a changed calendar needs `thads rebuild deadlines`.
 */
export const deadlinesProjection = (
  calendar: WorkingDayCalendar = createWorkingDayCalendar([...SHIPPED_ANNOUNCED_YEARS]),
): Projection => ({
  name: 'deadlines',
  version: 1,
  tables: ['deadline_rows', 'deadline_meta'],
  schema: (t: DdlTypes) => `CREATE TABLE IF NOT EXISTS deadline_rows (
      case_id ${t.ordered} NOT NULL, seq INTEGER NOT NULL, unit_id TEXT NOT NULL, valid_from TEXT NOT NULL,
      valid_to TEXT NOT NULL, rule ${t.ordered} NOT NULL, trigger_on ${t.ordered} NOT NULL, nth INTEGER NOT NULL,
      state TEXT NOT NULL, due ${t.ordered} NOT NULL, starts_on TEXT NOT NULL, past_due INTEGER NOT NULL,
      PRIMARY KEY (case_id, seq)) ${t.clustered};
    CREATE TABLE IF NOT EXISTS deadline_meta (name TEXT PRIMARY KEY, position ${t.int64} NOT NULL);
    CREATE INDEX IF NOT EXISTS deadline_rows_scope ON deadline_rows
      (unit_id, valid_to, valid_from, starts_on, state, due, past_due, rule, trigger_on, nth)`,
  // The case's deadline versions, its rows (runtime/projection.ts CaseRows).
  caseRows: {
    table: DEADLINE_ROWS,
    rows: (c: KnownCase) => deadlineVersions(stepsOf(c), calendar).map((v, seq) => rowOf(c, seq, v)),
    emptied: goneRow,
  },
  // Not a sum but a mark of the rows' state, kept the way sums are: live, the position of the last
  // event that changed a case's rows (what a cache of evaluations is keyed by); a rebuild writes no
  // mark as it goes (each worker would write the one key) and at its end marks the rows it wrote, by
  // their number, negative so it never equals a live position.
  sums: {
    add: (out: RowWrites, { recorded, case: folded }: ProjectedEvent) => {
      if (folded && folded.before !== folded.after) out.upsert(DEADLINE_META, ['changed', recorded.position]);
    },
    recompute: async (store: ReadStore) => {
      await store.run(
        `INSERT INTO deadline_meta (name, position) SELECT 'changed', -count(*) FROM deadline_rows WHERE true
         ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
      );
    },
  },
});
