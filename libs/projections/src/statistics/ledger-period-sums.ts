import { addDays } from '@thads/domain';
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
  // Each period's own objects: the buckets are added into them.
  const out = periods.map(empty);
  const scopes = q.scope && 'daily' in q.scope ? q.scope.daily : [q.unitId];
  const units = q.knownAt ? q.unitIds : q.scope && 'moves' in q.scope ? q.scope.moves : undefined;
  if (periods.length === 0 || (units ?? scopes).length === 0) return out;
  // Each day falls between two consecutive bounds (every period's first day and the day after its
  // last): the store sums each key's rows by that bucket in one pass, and each period adds up the
  // buckets before it and within it. One CASE a row, where sums per period took one per period.
  const bounds = [...new Set(periods.flatMap((p) => [p.from, addDays(p.to, 1)]))].sort();
  const bucket = `CASE ${bounds.map((_, i) => `WHEN day < ? THEN ${i}`).join(' ')} ELSE ${bounds.length} END`;
  const last = periods.reduce((t, p) => (p.to > t ? p.to : t), periods[0].to);
  const marks = (ids: ReadonlyArray<string>) => ids.map(() => '?').join(', ');
  let rows: Array<{ key: LedgerKey; bucket: SqlValue; n: SqlValue; money: SqlValue }>;
  if (units) {
    const filter = q.knownAt ? knownAtFilter(q.knownAt) : undefined;
    rows = await store.all(
      `SELECT key, ${bucket} AS bucket, sum(n) AS n, sum(money) AS money FROM statistics_moves
       WHERE unit_id IN (${marks(units)}) AND day <= ?${filter ? ` AND ${filter.sql}` : ''} GROUP BY key, bucket`,
      [...bounds, ...units, last, ...(filter ? [filter.value] : [])],
    );
  } else
    rows = await store.all(
      `SELECT key, ${bucket} AS bucket, sum(n) AS n, sum(money) AS money FROM statistics_daily
       WHERE scope IN (${marks(scopes)}) AND day <= ? GROUP BY key, bucket`,
      [...bounds, ...scopes, last],
    );
  const ranges = periods.map((p) => ({ from: bounds.indexOf(p.from), to: bounds.indexOf(addDays(p.to, 1)) }));
  for (const r of rows) {
    if (!(r.key in out[0])) continue;
    // Bucket b holds the days before bounds[b] and from bounds[b - 1] on.
    const b = int(r.bucket);
    ranges.forEach((range, i) => {
      const sum = b <= range.from ? out[i][r.key].before : b <= range.to ? out[i][r.key].within : undefined;
      if (!sum) return;
      sum.n += int(r.n);
      sum.money += big(r.money);
    });
  }
  return out;
};
