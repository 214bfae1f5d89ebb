import { LEDGER_KEYS, LedgerKey } from '../statistics/ledger-keys';
import { LedgerSums } from '../statistics/ledger-sums';
import { KnownAt } from '../statistics/known-at';
import { big, int, ReadStore, SqlValue } from '../store/read-store';

/** The ledger's sums split by unit, origin and (for forms by enforcer) the case's enforcer. */
export interface SplitSums {
  unitId: string;
  origin: string;
  enforcerId: string | null;
  sums: LedgerSums;
}

export interface SplitQuery {
  unitIds: ReadonlyArray<string>;
  from: string;
  to: string;
  knownAt?: KnownAt;
  byEnforcer: boolean;
}

type Row = { unitId: string; origin: string; enforcerId: string | null; key: LedgerKey; nBefore: SqlValue; mBefore: SqlValue; nWithin: SqlValue; mWithin: SqlValue };

export const emptySums = (): LedgerSums =>
  Object.fromEntries(LEDGER_KEYS.map((k) => [k, { before: { n: 0, money: 0n }, within: { n: 0, money: 0n } }])) as LedgerSums;

/** SQL condition on the moves `m` for `asKnownAt` (qualified: the case list has a position too). */
export const knownAtOnMoves = (knownAt: KnownAt): { sql: string; value: bigint | string } =>
  'position' in knownAt ? { sql: 'm.position <= ?', value: knownAt.position } : { sql: 'm.known_at <= ?', value: knownAt.recordedAt };

/**
 * One pass over the per-case moves, joined to the case list for what the ledger does not split
 * by: the origin (fixed when a case is received) and the enforcer the case is assigned to now
 * (docs/reports.md "Rows by enforcer": the assignment at the time of each move is not kept).
 */
export const readSplitSums = async (store: ReadStore, q: SplitQuery): Promise<SplitSums[]> => {
  if (q.unitIds.length === 0) return [];
  const params: SqlValue[] = [q.from, q.from, q.from, q.from, ...q.unitIds, q.to];
  const where = [`m.unit_id IN (${q.unitIds.map(() => '?').join(', ')})`, 'm.day <= ?'];
  if (q.knownAt) {
    const f = knownAtOnMoves(q.knownAt);
    where.push(f.sql);
    params.push(f.value);
  }
  const enforcer = q.byEnforcer ? 'c.enforcer_id' : 'NULL';
  const rows = await store.all<Row>(`SELECT m.unit_id AS "unitId", c.origin AS origin, ${enforcer} AS "enforcerId", m.key AS key,
      sum(CASE WHEN m.day < ? THEN m.n ELSE 0 END) AS "nBefore", sum(CASE WHEN m.day < ? THEN m.money ELSE 0 END) AS "mBefore",
      sum(CASE WHEN m.day >= ? THEN m.n ELSE 0 END) AS "nWithin", sum(CASE WHEN m.day >= ? THEN m.money ELSE 0 END) AS "mWithin"
    FROM statistics_moves m JOIN cases c ON c.case_id = m.case_id
    WHERE ${where.join(' AND ')}
    GROUP BY m.unit_id, c.origin, ${q.byEnforcer ? 'c.enforcer_id, ' : ''}m.key`, params);
  const out = new Map<string, SplitSums>();
  for (const r of rows) {
    const id = `${r.unitId}\u0000${r.origin}\u0000${r.enforcerId ?? ''}`;
    let split = out.get(id);
    if (!split) out.set(id, (split = { unitId: r.unitId, origin: r.origin, enforcerId: r.enforcerId ?? null, sums: emptySums() }));
    if (!(r.key in split.sums)) continue;
    split.sums[r.key] = { before: { n: int(r.nBefore), money: big(r.mBefore) }, within: { n: int(r.nWithin), money: big(r.mWithin) } };
  }
  return [...out.values()];
};
