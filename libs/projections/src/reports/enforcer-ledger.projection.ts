import { caseDecider, CaseState } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { PlacedMove, placedMovesOf } from '../statistics/transfer-moves';
import { reportingYearOf } from '../statistics/reporting-period';
import { big, DdlTypes, ReadStore, SqlValue } from '../store/read-store';
import { inKeyOrder } from '../store/key-order';
import { RowWrites, TableSpec } from '../store/row-writes';

/**
 * The ledger's daily sums by agency and by the enforcer each case is assigned to now (forms 04
 * and 05, docs/reports.md "Rows"), so the nation's forms by enforcer read a few rows per agency,
 * enforcer, day and key instead of joining every case's moves to the case list (12.4 s at 206,000
 * cases). Beside them, the same sums by reporting year (`year_start`, its 1 October): a form reads
 * whole years before its own from those, and days only from 1 October of its year, so its cost
 * grows with the agencies, enforcers and days of one year, not with the history.
 * A case's reassignment moves its whole history: the rows it leaves net to zero, and a form lists
 * an agency's enforcer only where some figure is not zero (form-sums.ts), as the per-case moves do.
 * No enforcer is ''. `asKnownAt` still reads the per-case moves: past assignments are not kept.
 */
export const STATISTICS_ENFORCER_DAILY: TableSpec = {
  table: 'statistics_enforcer_daily',
  columns: ['unit_id', 'day', 'enforcer_id', 'key', 'n', 'money'],
  key: ['unit_id', 'day', 'enforcer_id', 'key'],
  add: ['n', 'money'],
};
export const STATISTICS_ENFORCER_YEARLY: TableSpec = {
  table: 'statistics_enforcer_yearly',
  columns: ['unit_id', 'year_start', 'enforcer_id', 'key', 'n', 'money'],
  key: ['unit_id', 'year_start', 'enforcer_id', 'key'],
  add: ['n', 'money'],
};

/** 1 October of the reporting year a day belongs to (reporting-period.ts). */
export const yearStartOf = (day: string): string => `${reportingYearOf(day) - 1}-10-01`;

/**
 * The moves a case's steps make, each at the unit it was made in, folded again from its first step.
 * A correction's move is the voided step's move taken back on the same day, and a transfer's the
 * two sides of the move (statistics/transfer-moves.ts), so these add up, unit by unit, day by day
 * and key by key, to the moves the ledger recorded for the case.
 */
export const movesOfSteps = (state: CaseState): PlacedMove[] => {
  if (state.status !== 'known') return [];
  const out: PlacedMove[] = [];
  let before: CaseState = caseDecider.initialState();
  for (const event of state.steps) {
    const after = caseDecider.evolve(before, event);
    if (after.status === 'known') {
      out.push(...placedMovesOf({ event, before, after }));
    }
    before = after;
  }
  return out;
};

export const enforcerLedgerProjection = (): Projection => ({
  name: 'statistics-by-enforcer',
  version: 2,
  tables: ['statistics_enforcer_daily', 'statistics_enforcer_yearly'],
  // Keyed by unit, then day (or year): a form reads each agency's range of days of one year.
  schema: (t: DdlTypes) => `CREATE TABLE IF NOT EXISTS statistics_enforcer_daily (
      unit_id TEXT NOT NULL, day TEXT NOT NULL, enforcer_id TEXT NOT NULL, key TEXT NOT NULL,
      n ${t.int64} NOT NULL, money ${t.int64} NOT NULL,
      PRIMARY KEY (unit_id, day, enforcer_id, key)) ${t.clustered};
    CREATE TABLE IF NOT EXISTS statistics_enforcer_yearly (
      unit_id TEXT NOT NULL, year_start TEXT NOT NULL, enforcer_id TEXT NOT NULL, key TEXT NOT NULL,
      n ${t.int64} NOT NULL, money ${t.int64} NOT NULL,
      PRIMARY KEY (unit_id, year_start, enforcer_id, key)) ${t.clustered}`,
  // Sums, as the statistics ledger's: live each event adds its share; a rebuild sums the moves once
  // every row is in (runtime/projection.ts Sums).
  sums: {
    add: (out: RowWrites, { case: folded }: ProjectedEvent) => {
      if (!folded) return;
      const { before, after } = folded;
      const enforcer = after.enforcerId ?? '';
      const add = (e: string, move: PlacedMove, sign: 1 | -1) => {
        const year = yearStartOf(move.day);
        for (const d of move.deltas) {
          const n = sign * d.n;
          const money = sign < 0 ? -d.money : d.money;
          out.increment(STATISTICS_ENFORCER_DAILY, [move.unitId, move.day, e, d.key, n, money]);
          out.increment(STATISTICS_ENFORCER_YEARLY, [move.unitId, year, e, d.key, n, money]);
        }
      };
      // A new (or corrected-away) assignment takes the case's whole history with it.
      const was = before.status === 'known' ? (before.enforcerId ?? '') : enforcer;
      if (was !== enforcer) {
        for (const move of movesOfSteps(before)) {
          add(was, move, -1);
          add(enforcer, move, 1);
        }
      }
      for (const move of placedMovesOf(folded)) add(enforcer, move, 1);
    },
    recompute: async (store: ReadStore) => {
      const rows = await store.all<{
        unit_id: string;
        enforcer_id: string;
        day: string;
        key: string;
        n: SqlValue;
        money: SqlValue;
      }>(
        `SELECT m.unit_id, coalesce(c.enforcer_id, '') AS enforcer_id, m.day, m.key, SUM(m.n) AS n, SUM(m.money) AS money
       FROM statistics_moves m JOIN cases c ON c.case_id = m.case_id GROUP BY m.unit_id, coalesce(c.enforcer_id, ''), m.day, m.key`,
      );
      const out = new RowWrites();
      for (const r of rows) {
        const n = Number(r.n);
        const money = big(r.money);
        out.insert(STATISTICS_ENFORCER_DAILY, [r.unit_id, r.day, r.enforcer_id, r.key, n, money]);
        out.increment(STATISTICS_ENFORCER_YEARLY, [r.unit_id, yearStartOf(r.day), r.enforcer_id, r.key, n, money]);
      }
      await store.write(inKeyOrder(out.drain()));
    },
  },
});
