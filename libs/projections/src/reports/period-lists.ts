import { drillDown } from '../statistics/drill-down';
import { DrillColumn } from '../statistics/drill-down-parts';
import { KnownAt } from '../statistics/known-at';
import { monthsSinceOctober } from '../statistics/reporting-period';
import { ReadStore } from '../store/read-store';
import { UnitQueries } from '../units/unit-queries';

/**
 * The lists an office sends with its quarter, half-year, 10-month and year-end reports
 * (TT 05/2024/TT-BTP Điều 8, docs/reports.md "Period-end lists"). Two are built from the
 * ledger; the other two need a mark no event records, and say so.
 */
export const PERIOD_LISTS = {
  'separate-tracking': {
    title: 'Danh sách việc chuyển sổ theo dõi riêng trong kỳ',
    column: 'toSeparateTracking' as const,
  },
  'in-progress': { title: 'Danh sách việc đang thi hành (cuối kỳ)', column: 'inProgress' as const },
  'state-compensation': {
    title: 'Danh sách việc thi hành án liên quan bồi thường nhà nước',
    why: 'no event marks a case as a State-compensation case (Luật Trách nhiệm bồi thường của Nhà nước)',
  },
  'credit-institutions': {
    title: 'Danh sách việc thi hành án liên quan tổ chức tín dụng',
    why: 'no event says that the creditor or debtor is a credit institution (a name is not a legal status)',
  },
} as const;
export type PeriodListId = keyof typeof PERIOD_LISTS;
export const PERIOD_LIST_IDS = Object.keys(PERIOD_LISTS) as PeriodListId[];

/** Months since 1 October at which the lists are due: quarter, half-year, 9 months, 10 months, year. */
export const LIST_MONTHS = [3, 6, 9, 10, 12];

export const isListPeriodEnd = (to: string): boolean => {
  const [y, m, d] = to.split('-').map(Number);
  return d === new Date(Date.UTC(y, m, 0)).getUTCDate() && LIST_MONTHS.includes(monthsSinceOctober(to));
};

export interface PeriodListItem {
  caseId: string;
  unitId: string;
  on: string;
  amount: string;
  creditor: string | null;
  debtor: string | null;
  judgmentNumber: string | null;
}

export const periodList = async (
  store: ReadStore,
  list: 'separate-tracking' | 'in-progress',
  q: { unitId: string; from: string; to: string; knownAt?: KnownAt },
): Promise<PeriodListItem[]> => {
  const unitIds = await new UnitQueries(store).subtree(q.unitId);
  const column = PERIOD_LISTS[list].column;
  // toSeparateTracking is a flow of its own, outside the report's keys: listed from its moves directly.
  const items =
    column === 'toSeparateTracking'
      ? await flowItems(store, unitIds, q.from, q.to, q.knownAt)
      : await drillDown(store, {
          unitIds,
          from: q.from,
          to: q.to,
          column: column as DrillColumn,
          money: true,
          knownAt: q.knownAt,
        });
  if (items.length === 0) return [];
  const ids = [...new Set(items.map((i) => i.caseId))];
  const details = new Map<string, { creditor: string | null; debtor: string | null; judgmentNumber: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await store.all<{
      caseId: string;
      creditor: string | null;
      debtor: string | null;
      judgmentNumber: string | null;
    }>(
      `SELECT case_id AS "caseId", creditor, debtor, judgment_number AS "judgmentNumber" FROM cases WHERE case_id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const r of rows) details.set(r.caseId, r);
  }
  return items.map((i) => ({
    caseId: i.caseId,
    unitId: i.unitId,
    on: i.on,
    amount: i.amount,
    ...(details.get(i.caseId) ?? { creditor: null, debtor: null, judgmentNumber: null }),
  }));
};

const flowItems = async (store: ReadStore, unitIds: string[], from: string, to: string, knownAt?: KnownAt) => {
  if (unitIds.length === 0) return [];
  const params: Array<string | bigint> = [...unitIds, from, to];
  let known = '';
  if (knownAt) {
    known = 'position' in knownAt ? ' AND position <= ?' : ' AND known_at <= ?';
    params.push('position' in knownAt ? knownAt.position : knownAt.recordedAt);
  }
  const rows = await store.all<{
    caseId: string;
    unitId: string;
    on: string;
    n: number | string;
    money: number | string;
  }>(
    `SELECT case_id AS "caseId", min(unit_id) AS "unitId", max(day) AS "on", sum(n) AS n, sum(money) AS money FROM statistics_moves
     WHERE unit_id IN (${unitIds.map(() => '?').join(', ')}) AND key = 'toSeparateTracking' AND day BETWEEN ? AND ?${known}
     GROUP BY case_id HAVING sum(n) > 0 ORDER BY "unitId", "on", "caseId"`,
    params,
  );
  return rows.map((r) => ({ caseId: r.caseId, unitId: r.unitId, on: r.on, amount: String(r.money) }));
};
