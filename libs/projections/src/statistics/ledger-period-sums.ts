import { big, int, ReadStore, SqlValue } from '../store/read-store';
import { knownAtFilter } from './known-at';
import { LEDGER_KEYS, LedgerKey } from './ledger-keys';
import { LedgerSums, SumsQuery } from './ledger-sums';

/** A report's period: from and to, both included. */
export interface Period {
  from: string;
  to: string;
}

/**
 * The ledger's sums of several periods of one unit in one pass, each as `readLedgerSums` gives
 * it for that period alone: the daily sums of the unit (or its members' per-case moves, after a
 * reorganisation or as known at an instant) read once, summed by key for each period. The
 * outlook asks eleven periods at a time (outlook-queries.ts); eleven reports read the nation's
 * daily sums eleven times over, and twice each for last year's same period.
 */
export const readPeriodSums = async (
  store: ReadStore,
  q: Omit<SumsQuery, 'from' | 'to'>,
  periods: ReadonlyArray<Period>,
): Promise<LedgerSums[]> => {
  const empty = () =>
    Object.fromEntries(
      LEDGER_KEYS.map((k) => [k, { before: { n: 0, money: 0n }, within: { n: 0, money: 0n } }]),
    ) as LedgerSums;
  const out = periods.map(empty);
  const scopes = q.scope && 'daily' in q.scope ? q.scope.daily : [q.unitId];
  const units = q.knownAt ? q.unitIds : q.scope && 'moves' in q.scope ? q.scope.moves : undefined;
  if (periods.length === 0 || (units ?? scopes).length === 0) return out;
  const last = periods.reduce((t, p) => (p.to > t ? p.to : t), periods[0].to);
  const columns = periods.flatMap((p, i) => [
    `sum(CASE WHEN day < ? THEN n ELSE 0 END) AS "nb${i}"`,
    `sum(CASE WHEN day < ? THEN money ELSE 0 END) AS "mb${i}"`,
    `sum(CASE WHEN day >= ? AND day <= ? THEN n ELSE 0 END) AS "nw${i}"`,
    `sum(CASE WHEN day >= ? AND day <= ? THEN money ELSE 0 END) AS "mw${i}"`,
  ]);
  const bound = periods.flatMap((p) => [p.from, p.from, p.from, p.to, p.from, p.to]);
  const marks = (ids: ReadonlyArray<string>) => ids.map(() => '?').join(', ');
  let rows: Array<Record<string, SqlValue>>;
  if (units) {
    const filter = q.knownAt ? knownAtFilter(q.knownAt) : undefined;
    rows = await store.all(
      `SELECT key, ${columns.join(', ')} FROM statistics_moves
       WHERE unit_id IN (${marks(units)}) AND day <= ?${filter ? ` AND ${filter.sql}` : ''} GROUP BY key`,
      [...bound, ...units, last, ...(filter ? [filter.value] : [])],
    );
  } else
    rows = await store.all(
      `SELECT key, ${columns.join(', ')} FROM statistics_daily WHERE scope IN (${marks(scopes)}) AND day <= ? GROUP BY key`,
      [...bound, ...scopes, last],
    );
  for (const r of rows) {
    const key = r.key as LedgerKey;
    if (!(key in out[0])) continue;
    periods.forEach((_, i) => {
      out[i][key] = {
        before: { n: int(r[`nb${i}`]), money: big(r[`mb${i}`]) },
        within: { n: int(r[`nw${i}`]), money: big(r[`mw${i}`]) },
      };
    });
  }
  return out;
};
