import { big, int, ReadStore, SqlValue } from '../store/read-store';
import { KnownAt, knownAtFilter } from './known-at';
import { LEDGER_KEYS, LedgerKey } from './ledger-keys';
import { LedgerSums, Sum } from './ledger-sums';
import { ReportScope } from './report-scope';
import { SeriesPeriod } from './series-periods';

export interface SeriesSumsQuery {
  /** The members' daily sums or per-case moves, as a report of the same members reads them (report-scope.ts). */
  scope: ReportScope;
  /** The members, for the per-case moves (asKnownAt). */
  unitIds: ReadonlyArray<string>;
  periods: ReadonlyArray<SeriesPeriod>;
  knownAt?: KnownAt;
}

type Row = { key: LedgerKey; month: string; n: SqlValue; money: SqlValue };
type KeyTotals = Record<LedgerKey, Sum>;

const zeros = (): KeyTotals => Object.fromEntries(LEDGER_KEYS.map((k) => [k, { n: 0, money: 0n }])) as KeyTotals;
const add = (into: KeyTotals, from: KeyTotals) => {
  for (const k of LEDGER_KEYS) into[k] = { n: into[k].n + from[k].n, money: into[k].money + from[k].money };
};
const copy = (t: KeyTotals): KeyTotals => Object.fromEntries(LEDGER_KEYS.map((k) => [k, { ...t[k] }])) as KeyTotals;

// Rows before the earliest start fold into one bucket ('' sorts before every month).
const BUCKETS = `key, CASE WHEN day < ? THEN '' ELSE substr(day, 1, 7) END AS month, sum(n) AS n, sum(money) AS money`;

/**
 * The ledger sums of every period of a series in one pass: the moves summed by key and month
 * (and everything before the first period in one bucket), then each period's `before` and
 * `within` as prefix sums over the months. The same rows a report reads (ledger-sums.ts), so each
 * period's sums equal those of a report for it, at the cost of one report rather than one per point.
 */
export const readSeriesSums = async (store: ReadStore, q: SeriesSumsQuery): Promise<LedgerSums[]> => {
  if (q.periods.length === 0) return [];
  const first = q.periods.reduce((m, p) => (p.from < m ? p.from : m), q.periods[0].from);
  const last = q.periods.reduce((m, p) => (p.to > m ? p.to : m), q.periods[0].to);
  const marks = (ids: ReadonlyArray<string>) => ids.map(() => '?').join(', ');
  const rows = q.knownAt
    ? await knownRows(store, q, q.knownAt, first, last)
    : 'moves' in q.scope
      ? q.scope.moves.length === 0
        ? []
        : await store.all<Row>(
            `SELECT ${BUCKETS} FROM statistics_moves WHERE unit_id IN (${marks(q.scope.moves)}) AND day <= ? GROUP BY 1, 2`,
            [first, ...q.scope.moves, last],
          )
      : q.scope.daily.length === 0
        ? []
        : await store.all<Row>(
            `SELECT ${BUCKETS} FROM statistics_daily WHERE scope IN (${marks(q.scope.daily)}) AND day <= ? GROUP BY 1, 2`,
            [first, ...q.scope.daily, last],
          );
  const byMonth = new Map<string, KeyTotals>();
  for (const r of rows) {
    if (!LEDGER_KEYS.includes(r.key)) continue;
    const bucket = byMonth.get(r.month) ?? zeros();
    bucket[r.key] = { n: bucket[r.key].n + int(r.n), money: bucket[r.key].money + big(r.money) };
    byMonth.set(r.month, bucket);
  }
  // cumulative[i]: everything dated before month i of the ordered months ('' first).
  const months = [...byMonth.keys()].sort();
  const cumulative: KeyTotals[] = [zeros()];
  for (const m of months) {
    const next = copy(cumulative[cumulative.length - 1]);
    add(next, byMonth.get(m)!);
    cumulative.push(next);
  }
  /** Totals of every move dated before the month `month` (YYYY-MM), or up to it with `through`. */
  const upTo = (month: string, through: boolean): KeyTotals => {
    let i = 0;
    while (i < months.length && (through ? months[i] <= month : months[i] < month)) i++;
    return cumulative[i];
  };
  return q.periods.map((p) => {
    const before = upTo(p.from.slice(0, 7), false);
    const through = upTo(p.to.slice(0, 7), true);
    return Object.fromEntries(
      LEDGER_KEYS.map((k) => [
        k,
        {
          before: before[k],
          within: { n: through[k].n - before[k].n, money: through[k].money - before[k].money },
        },
      ]),
    ) as LedgerSums;
  });
};

const knownRows = async (
  store: ReadStore,
  q: SeriesSumsQuery,
  knownAt: KnownAt,
  first: string,
  last: string,
): Promise<Row[]> => {
  if (q.unitIds.length === 0) return [];
  const filter = knownAtFilter(knownAt);
  return store.all<Row>(
    `SELECT ${BUCKETS} FROM statistics_moves
      WHERE unit_id IN (${q.unitIds.map(() => '?').join(', ')}) AND day <= ? AND ${filter.sql} GROUP BY 1, 2`,
    [first, ...q.unitIds, last, filter.value],
  );
};
