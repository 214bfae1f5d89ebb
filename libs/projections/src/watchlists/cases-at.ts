import { CreditorKind, JudgmentKind, LocalDate } from '@thads/domain';
import { big, ReadStore, SqlValue } from '../store/read-store';
import { KnownAt, knownAtFilter } from '../statistics/known-at';
import { AssetFact } from './watch-facts.projection';
import { CaseAt } from './watch-rule';

/** The stock a case is in on the as-of day, as the ledger keys it. */
export type Standing = 'unclassified' | 'inProgress' | 'withoutConditions' | 'postponed' | 'suspended' | 'completed';

export interface CaseAtRow extends CaseAt {
  standing: Standing;
}

/** The watch_facts columns a list's rule reads, as a query selects them (here and in watch-span-queries.ts). */
export type WatchFactColumns = {
  creditor_kind: string | null;
  judgment_kind: string | null;
  steering: SqlValue;
  due: string | null;
  assets: string | null;
};

type Row = {
  caseId: string;
  unitId: string;
  uncl: SqlValue;
  inprog: SqlValue;
  wo: SqlValue;
  post: SqlValue;
  susp: SqlValue;
  money: SqlValue;
  done: SqlValue;
  since: string | null;
} & WatchFactColumns;

const sumOf = (key: string, column = 'n') => `sum(CASE WHEN key = '${key}' THEN ${column} ELSE 0 END)`;
const ACTIVE = `'unclassified', 'inProgress', 'withoutConditions', 'postponed', 'suspended'`;
const WITH_CONDITIONS = `'inProgress', 'postponed', 'suspended'`;

/**
 * Every case of these units in the caseload on `asOf` (and the completed ones that had an
 * auction: a sale may still await delivery), from the same per-case ledger moves the report and
 * its drill-down sum, so a list's cases are among the report's; `knownAt` limits the moves as the
 * report's `asKnownAt` does. Kinds, amount ordered and assets are as the case stands now
 * (watch_facts), the assets cut at `asOf`.
 */
export const casesAt = async (
  store: ReadStore,
  q: { unitIds: ReadonlyArray<string>; asOf: LocalDate; knownAt?: KnownAt; withConditionsOnly?: boolean },
): Promise<CaseAtRow[]> => {
  if (q.unitIds.length === 0) return [];
  const params: SqlValue[] = [...q.unitIds, q.asOf];
  let known = '';
  if (q.knownAt) {
    const filter = knownAtFilter(q.knownAt);
    known = ` AND ${filter.sql}`;
    params.push(filter.value);
  }
  // Only the with-conditions stocks when that is all the caller asks (the outlook's open cases): fewer rows.
  const keys = q.withConditionsOnly ? WITH_CONDITIONS : `${ACTIVE}, 'completed'`;
  const rows = await store.all<Row>(
    `SELECT g.case_id AS "caseId", g.unit_id AS "unitId", g.uncl, g.inprog, g.wo, g.post, g.susp, g.money, g.done,
        g.since, f.creditor_kind, f.judgment_kind, f.steering, f.due, f.assets
      FROM (SELECT case_id, min(unit_id) AS unit_id, ${sumOf('unclassified')} AS uncl, ${sumOf('inProgress')} AS inprog,
          ${sumOf('withoutConditions')} AS wo, ${sumOf('postponed')} AS post, ${sumOf('suspended')} AS susp,
          sum(CASE WHEN key IN (${ACTIVE}) THEN money ELSE 0 END) AS money, ${sumOf('completed')} AS done,
          min(CASE WHEN key IN (${WITH_CONDITIONS}) AND n > 0 THEN day END) AS since
        FROM statistics_moves
        WHERE unit_id IN (${q.unitIds.map(() => '?').join(', ')}) AND key IN (${keys}) AND day <= ?${known}
        GROUP BY case_id) g
      LEFT JOIN watch_facts f ON f.case_id = g.case_id
      WHERE g.uncl + g.inprog + g.wo + g.post + g.susp <> 0 OR (g.done <> 0 AND f.assets IS NOT NULL)`,
    params,
  );
  return rows.map((r): CaseAtRow => {
    const standing: Standing =
      big(r.inprog) !== 0n
        ? 'inProgress'
        : big(r.post) !== 0n
          ? 'postponed'
          : big(r.susp) !== 0n
            ? 'suspended'
            : big(r.uncl) !== 0n
              ? 'unclassified'
              : big(r.wo) !== 0n
                ? 'withoutConditions'
                : 'completed';
    const assets = r.assets ? (JSON.parse(r.assets) as AssetFact[]).filter((f) => f[1] <= q.asOf) : [];
    return {
      caseId: r.caseId,
      unitId: r.unitId,
      standing,
      active: standing !== 'completed',
      withConditions: standing === 'inProgress' || standing === 'postponed' || standing === 'suspended',
      completed: standing === 'completed',
      ...(r.since ? { withConditionsSince: r.since } : {}),
      remaining: big(r.money),
      due: big(r.due),
      ...(r.creditor_kind ? { creditorKind: r.creditor_kind as CreditorKind } : {}),
      ...(r.judgment_kind ? { judgmentKind: r.judgment_kind as JudgmentKind } : {}),
      ...(r.steering !== null && r.steering !== undefined ? { steeringCommittee: big(r.steering) === 1n } : {}),
      assets,
    };
  });
};
