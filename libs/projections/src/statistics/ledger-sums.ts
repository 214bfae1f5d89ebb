import type Database from 'better-sqlite3';
import { LEDGER_KEYS, LedgerKey } from './ledger-keys';
import { KnownAt, knownAtFilter } from './known-at';

export interface Sum { n: number; money: bigint }
/** A key's moves dated before `from`, and dated `from`..`to`: stocks are their sum, flows the second. */
export interface KeySums { before: Sum; within: Sum }
export type LedgerSums = Record<LedgerKey, KeySums>;

export interface SumsQuery {
  /** The report's unit: the daily sums are kept per unit and every unit above it. */
  unitId: string;
  /** The unit and its subunits, for the per-case moves. */
  unitIds: ReadonlyArray<string>;
  from: string;
  to: string;
  knownAt?: KnownAt;
}

const COLUMNS = `key,
  sum(CASE WHEN day < @from THEN n ELSE 0 END) AS nBefore, sum(CASE WHEN day < @from THEN money ELSE 0 END) AS mBefore,
  sum(CASE WHEN day >= @from THEN n ELSE 0 END) AS nWithin, sum(CASE WHEN day >= @from THEN money ELSE 0 END) AS mWithin`;

type Row = { key: LedgerKey; nBefore: bigint; mBefore: bigint; nWithin: bigint; mWithin: bigint };

/**
 * One pass over the ledger for a report. What is known now reads the daily sums of the unit;
 * what was known at an earlier moment reads the per-case moves of the unit and its subunits
 * recorded by then, since the daily sums no longer say when each move was recorded.
 */
export const readLedgerSums = (db: Database.Database, q: SumsQuery): LedgerSums => {
  const rows = q.knownAt ? knownRows(db, q, q.knownAt) : (db.prepare(`SELECT ${COLUMNS} FROM statistics_daily
      WHERE scope = @unitId AND day <= @to GROUP BY key`).safeIntegers(true).all({ unitId: q.unitId, from: q.from, to: q.to }) as Row[]);
  const sums = Object.fromEntries(LEDGER_KEYS.map((k) => [k, { before: { n: 0, money: 0n }, within: { n: 0, money: 0n } }])) as LedgerSums;
  for (const r of rows) {
    if (!(r.key in sums)) continue;
    sums[r.key] = { before: { n: Number(r.nBefore), money: r.mBefore }, within: { n: Number(r.nWithin), money: r.mWithin } };
  }
  return sums;
};

const knownRows = (db: Database.Database, q: SumsQuery, knownAt: KnownAt): Row[] => {
  if (q.unitIds.length === 0) return [];
  const filter = knownAtFilter(knownAt);
  const units = q.unitIds.map((_, i) => `@u${i}`).join(', ');
  const params: Record<string, unknown> = { from: q.from, to: q.to, known: filter.value };
  q.unitIds.forEach((u, i) => (params[`u${i}`] = u));
  return db.prepare(`SELECT ${COLUMNS} FROM statistics_moves
      WHERE unit_id IN (${units}) AND day <= @to AND ${filter.sql.replace('?', '@known')} GROUP BY key`).safeIntegers(true).all(params) as Row[];
};
