import type Database from 'better-sqlite3';
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

type Row = { caseId: string; unitId: string; key: string; on: string; n: bigint; money: bigint };

/**
 * The cases behind one figure, from the same per-case moves the figure sums, so the list always
 * adds up: as many items as the count (a case that entered the caseload twice in the period is
 * listed twice, with each date), or, for money, amounts adding up to the amount.
 */
export const drillDown = (db: Database.Database, q: DrillDownQuery): DrillDownItem[] => {
  if (q.unitIds.length === 0) return [];
  const items: DrillDownItem[] = [];
  for (const part of partsOf(q.column, q.money)) {
    for (const r of partRows(db, q, part)) {
      const item = { caseId: r.caseId, unitId: r.unitId, key: r.key, on: r.on, amount: r.money.toString() };
      if (q.money) items.push(item);
      else for (let i = 0n; i < r.n; i++) items.push(item);
    }
  }
  return items.sort((a, b) => a.unitId.localeCompare(b.unitId) || a.on.localeCompare(b.on) || a.caseId.localeCompare(b.caseId));
};

const partRows = (db: Database.Database, q: DrillDownQuery, part: Part): Row[] => {
  const params: Record<string, unknown> = { from: q.from, to: q.to };
  const named = (prefix: string, values: ReadonlyArray<string>) => values.map((v, i) => { params[`${prefix}${i}`] = v; return `@${prefix}${i}`; }).join(', ');
  const where = [`unit_id IN (${named('u', q.unitIds)})`, `key IN (${named('k', part.keys)})`];
  where.push(part.kind === 'stockBefore' ? 'day < @from' : part.kind === 'stockAt' ? 'day <= @to' : 'day BETWEEN @from AND @to');
  if (q.knownAt) {
    const filter = knownAtFilter(q.knownAt);
    where.push(filter.sql.replace('?', '@known'));
    params.known = filter.value;
  }
  const group = part.kind === 'flow' ? 'case_id, key, day' : 'case_id, key';
  return db.prepare(`SELECT case_id AS caseId, min(unit_id) AS unitId, key, max(day) AS "on", sum(n) AS n, sum(money) AS money
      FROM statistics_moves WHERE ${where.join(' AND ')} GROUP BY ${group} HAVING ${q.money ? 'sum(money)' : 'sum(n)'} <> 0`)
    .safeIntegers(true).all(params) as Row[];
};
