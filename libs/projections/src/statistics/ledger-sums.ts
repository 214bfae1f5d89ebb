import { big, int, ReadStore, SqlValue } from '../store/read-store';
import { LEDGER_KEYS, LedgerKey } from './ledger-keys';
import { KnownAt, knownAtFilter } from './known-at';
import { ReportScope } from './report-scope';

export interface Sum {
  n: number;
  money: bigint;
}
/** A key's moves dated before `from`, and dated `from`..`to`: stocks are their sum, flows the second. */
export interface KeySums {
  before: Sum;
  within: Sum;
}
export type LedgerSums = Record<LedgerKey, KeySums>;

export interface SumsQuery {
  /** The report's unit: the daily sums are kept per unit and every unit above it. */
  unitId: string;
  /** The unit and its subunits, for the per-case moves. */
  unitIds: ReadonlyArray<string>;
  from: string;
  to: string;
  knownAt?: KnownAt;
  /** The member units' daily sums, or their moves, after a reorganisation (report-scope.ts). */
  scope?: ReportScope;
}

const COLUMNS = `key,
  sum(CASE WHEN day < ? THEN n ELSE 0 END) AS "nBefore", sum(CASE WHEN day < ? THEN money ELSE 0 END) AS "mBefore",
  sum(CASE WHEN day >= ? THEN n ELSE 0 END) AS "nWithin", sum(CASE WHEN day >= ? THEN money ELSE 0 END) AS "mWithin"`;

type Row = { key: LedgerKey; nBefore: SqlValue; mBefore: SqlValue; nWithin: SqlValue; mWithin: SqlValue };

/**
 * One pass over the ledger for a report. What is known now reads the daily sums of the unit;
 * what was known at an earlier moment reads the per-case moves of the unit and its subunits
 * recorded by then, since the daily sums no longer say when each move was recorded.
 */
export const readLedgerSums = async (store: ReadStore, q: SumsQuery): Promise<LedgerSums> => {
  const from = [q.from, q.from, q.from, q.from];
  const scopes = q.scope && 'daily' in q.scope ? q.scope.daily : [q.unitId];
  const marks = (ids: ReadonlyArray<string>) => ids.map(() => '?').join(', ');
  const none = q.scope && ('daily' in q.scope ? q.scope.daily : q.scope.moves).length === 0;
  const rows = none
    ? []
    : q.knownAt
      ? await knownRows(store, q, q.knownAt)
      : q.scope && 'moves' in q.scope
        ? await store.all<Row>(
            `SELECT ${COLUMNS} FROM statistics_moves WHERE unit_id IN (${marks(q.scope.moves)}) AND day <= ? GROUP BY key`,
            [...from, ...q.scope.moves, q.to],
          )
        : await store.all<Row>(
            `SELECT ${COLUMNS} FROM statistics_daily WHERE scope IN (${marks(scopes)}) AND day <= ? GROUP BY key`,
            [...from, ...scopes, q.to],
          );
  const sums = Object.fromEntries(
    LEDGER_KEYS.map((k) => [k, { before: { n: 0, money: 0n }, within: { n: 0, money: 0n } }]),
  ) as LedgerSums;
  for (const r of rows) {
    if (!(r.key in sums)) continue;
    sums[r.key] = {
      before: { n: int(r.nBefore), money: big(r.mBefore) },
      within: { n: int(r.nWithin), money: big(r.mWithin) },
    };
  }
  return sums;
};

const knownRows = async (store: ReadStore, q: SumsQuery, knownAt: KnownAt): Promise<Row[]> => {
  if (q.unitIds.length === 0) return [];
  const filter = knownAtFilter(knownAt);
  return store.all<Row>(
    `SELECT ${COLUMNS} FROM statistics_moves
      WHERE unit_id IN (${q.unitIds.map(() => '?').join(', ')}) AND day <= ? AND ${filter.sql} GROUP BY key`,
    [q.from, q.from, q.from, q.from, ...q.unitIds, q.to, filter.value],
  );
};
