import { big, ReadStore, SqlValue } from '../store/read-store';
import { KnownAt, knownAtFilter } from './known-at';
import { DrillColumn, Part, partsOf } from './drill-down-parts';

export interface DrillDownQuery {
  unitIds: ReadonlyArray<string>;
  from: string;
  to: string;
  column: DrillColumn;
  /** List the cases behind the money figure (amounts) instead of the count. */
  money: boolean;
  knownAt?: KnownAt;
}

export interface DrillDownItem {
  caseId: string;
  unitId: string;
  /** The ledger key the case is counted under (e.g. `unclassified` inside inProgress). */
  key: string;
  /** Business date of the latest move behind the item (for a flow: the day it happened). */
  on: string;
  /** The case's share of the money figure, whole đồng. */
  amount: string;
}

type Row = { caseId: string; unitId: string; key: string; on: string; n: SqlValue; money: SqlValue };

/**
 * The cases behind one figure, from the same per-case moves the figure sums, so the list always
 * adds up: as many items as the count (a case that entered the caseload twice in the period is
 * listed twice, with each date), or, for money, amounts adding up to the amount.
 */
export const drillDown = async (store: ReadStore, q: DrillDownQuery): Promise<DrillDownItem[]> => {
  if (q.unitIds.length === 0) return [];
  const items: DrillDownItem[] = [];
  for (const part of partsOf(q.column, q.money)) {
    for (const r of await partRows(store, q, part)) {
      const item = { caseId: r.caseId, unitId: r.unitId, key: r.key, on: r.on, amount: big(r.money).toString() };
      if (q.money) items.push(item);
      else for (let i = 0n; i < big(r.n); i++) items.push(item);
    }
  }
  return items.sort(
    (a, b) => a.unitId.localeCompare(b.unitId) || a.on.localeCompare(b.on) || a.caseId.localeCompare(b.caseId),
  );
};

const partRows = (store: ReadStore, q: DrillDownQuery, part: Part): Promise<Row[]> => {
  const params: SqlValue[] = [...q.unitIds, ...part.keys];
  const where = [
    `unit_id IN (${q.unitIds.map(() => '?').join(', ')})`,
    `key IN (${part.keys.map(() => '?').join(', ')})`,
  ];
  if (part.kind === 'stockBefore') {
    where.push('day < ?');
    params.push(q.from);
  } else if (part.kind === 'stockAt') {
    where.push('day <= ?');
    params.push(q.to);
  } else {
    where.push('day BETWEEN ? AND ?');
    params.push(q.from, q.to);
  }
  if (q.knownAt) {
    const filter = knownAtFilter(q.knownAt);
    where.push(filter.sql);
    params.push(filter.value);
  }
  const group = part.kind === 'flow' ? 'case_id, key, day' : 'case_id, key';
  return store.all<Row>(
    `SELECT case_id AS "caseId", min(unit_id) AS "unitId", key, max(day) AS "on", sum(n) AS n, sum(money) AS money
      FROM statistics_moves WHERE ${where.join(' AND ')} GROUP BY ${group} HAVING ${q.money ? 'sum(money)' : 'sum(n)'} <> 0`,
    params,
  );
};
