import { caseDecider, CaseState } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { LedgerMove, movesOf } from '../statistics/ledger-move';
import { big, DdlTypes, ReadStore, SqlValue } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';

/**
 * The ledger's daily sums by agency and by the enforcer each case is assigned to now (forms 04
 * and 05, docs/reports.md "Rows"), so the nation's forms by enforcer read a few rows per agency,
 * enforcer, day and key instead of joining every case's moves to the case list (9.6 s at 206,000
 * cases). A case's reassignment moves its whole history: the rows it leaves net to zero, and a
 * form lists an agency's enforcer only where some figure is not zero (form-sums.ts), as the
 * per-case moves do. No enforcer is ''. `asKnownAt` still reads the per-case moves: the
 * assignment of the past is not kept.
 */
export const STATISTICS_ENFORCER_DAILY: TableSpec = {
  table: 'statistics_enforcer_daily',
  columns: ['unit_id', 'enforcer_id', 'day', 'key', 'n', 'money'],
  key: ['unit_id', 'enforcer_id', 'day', 'key'],
  add: ['n', 'money'],
};

/**
 * The moves a case's steps make, folded again from its first step. A case's unit is fixed when it
 * is received and a correction's move is the voided step's move taken back on the same day, so
 * these add up, day by day and key by key, to the moves the ledger recorded for the case.
 */
export const movesOfSteps = (state: CaseState): LedgerMove[] => {
  if (state.status !== 'known') return [];
  const out: LedgerMove[] = [];
  let before: CaseState = caseDecider.initialState();
  for (const event of state.steps) {
    const after = caseDecider.evolve(before, event);
    if (after.status === 'known') {
      const move = movesOf({ event, before, after });
      if (move) out.push(move);
    }
    before = after;
  }
  return out;
};

export const enforcerLedgerProjection = (): Projection => ({
  name: 'statistics-by-enforcer',
  version: 1,
  tables: ['statistics_enforcer_daily'],
  schema: (t: DdlTypes) => `CREATE TABLE IF NOT EXISTS statistics_enforcer_daily (
      unit_id TEXT NOT NULL, enforcer_id TEXT NOT NULL, day TEXT NOT NULL, key TEXT NOT NULL,
      n ${t.int64} NOT NULL, money ${t.int64} NOT NULL,
      PRIMARY KEY (unit_id, enforcer_id, day, key)) ${t.clustered}`,
  apply: (out: RowWrites, { case: folded, replaying }: ProjectedEvent) => {
    // A replay sums the moves once at its end (finishReplay), as the statistics ledger does.
    if (!folded || replaying) return;
    const { before, after } = folded;
    const enforcer = after.enforcerId ?? '';
    const add = (e: string, move: LedgerMove, sign: 1 | -1) => {
      for (const d of move.deltas)
        out.increment(STATISTICS_ENFORCER_DAILY, [
          after.unitId,
          e,
          move.day,
          d.key,
          sign * d.n,
          sign < 0 ? -d.money : d.money,
        ]);
    };
    // A new (or corrected-away) assignment takes the case's whole history with it.
    const was = before.status === 'known' ? (before.enforcerId ?? '') : enforcer;
    if (was !== enforcer) {
      for (const move of movesOfSteps(before)) {
        add(was, move, -1);
        add(enforcer, move, 1);
      }
    }
    const move = movesOf(folded);
    if (move) add(enforcer, move, 1);
  },
  finishReplay: async (store: ReadStore) => {
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
    for (const r of rows)
      out.insert(STATISTICS_ENFORCER_DAILY, [r.unit_id, r.enforcer_id, r.day, r.key, Number(r.n), big(r.money)]);
    await store.write(out.drain());
  },
});
