import { UnitLevel } from '@thads/domain';
import { big, int, ReadStore, SqlValue } from '../store/read-store';
import { TargetQueries } from '../targets/target-queries';
import { reportLayoutOf } from '../units/report-rows';
import { UnitHistoryQueries } from '../units/unit-history-queries';
import { columnsOf, formatFigures } from './compose-report';
import { KnownAt, knownAtText } from './known-at';
import { LEDGER_KEYS, LedgerKey } from './ledger-keys';
import { LedgerSums, readLedgerSums } from './ledger-sums';
import { registeredTree, scopeOf } from './report-scope';
import { Figures, TargetComparison } from './report-shape';
import { reportingYearOf } from './reporting-period';
import { compareWithTarget } from './target-comparison';

export interface UnitReportRow extends Figures {
  unitId: string;
  name: string;
  level: string;
  /** total: the unit with everything under it (the report); own: its own cases only; subtree: a unit directly under it, with everything under that one. */
  scope: 'total' | 'own' | 'subtree';
  target?: TargetComparison;
}

const emptySums = (): LedgerSums =>
  Object.fromEntries(
    LEDGER_KEYS.map((k) => [k, { before: { n: 0, money: 0n }, within: { n: 0, money: 0n } }]),
  ) as LedgerSums;

/** total ± Σ parts, key by key: the ledger's sums add up over units, so the unit's own cases are a difference. */
const combine = (total: LedgerSums, parts: LedgerSums[], sign: 1n | -1n): LedgerSums => {
  const out = emptySums();
  for (const k of LEDGER_KEYS) {
    for (const side of ['before', 'within'] as const) {
      out[k][side] = parts.reduce(
        (s, p) => ({ n: s.n + Number(sign) * p[k][side].n, money: s.money + sign * p[k][side].money }),
        total[k][side],
      );
    }
  }
  return out;
};

type Row = {
  scope: string;
  key: LedgerKey;
  nBefore: SqlValue;
  mBefore: SqlValue;
  nWithin: SqlValue;
  mWithin: SqlValue;
};

/** The daily sums of several scopes in one pass (what is known now). */
const scopeSums = async (
  store: ReadStore,
  scopes: string[],
  from: string,
  to: string,
): Promise<Map<string, LedgerSums>> => {
  const sums = new Map(scopes.map((s) => [s, emptySums()]));
  if (scopes.length === 0) return sums;
  const rows = await store.all<Row>(
    `SELECT scope, key,
      sum(CASE WHEN day < ? THEN n ELSE 0 END) AS "nBefore", sum(CASE WHEN day < ? THEN money ELSE 0 END) AS "mBefore",
      sum(CASE WHEN day >= ? THEN n ELSE 0 END) AS "nWithin", sum(CASE WHEN day >= ? THEN money ELSE 0 END) AS "mWithin"
    FROM statistics_daily WHERE scope IN (${scopes.map(() => '?').join(', ')}) AND day <= ? GROUP BY scope, key`,
    [from, from, from, from, ...scopes, to],
  );
  for (const r of rows) {
    const s = sums.get(r.scope);
    if (!s || !(r.key in s)) continue;
    s[r.key] = {
      before: { n: int(r.nBefore), money: big(r.mBefore) },
      within: { n: int(r.nWithin), money: big(r.mWithin) },
    };
  }
  return sums;
};

/**
 * The report as the offices lay it out, a row per subunit (báo cáo theo đơn vị): the unit's total,
 * its own cases, and each unit directly under it with everything under that one, as the tree stood
 * on the period's end (report-rows.ts). Each row but `own` equals GET /api/statistics for its unit
 * (a row for a unit that ended and that no other row continues covers what its report does, less
 * what the other rows hold); `own` is the total less the subunits.
 */
export const statisticsByUnit = async (
  store: ReadStore,
  q: { unitId: string; from: string; to: string; knownAt?: KnownAt },
) => {
  const [histories, registered] = await Promise.all([
    new UnitHistoryQueries(store).histories(q.knownAt),
    registeredTree(store),
  ]);
  const layout = reportLayoutOf(histories, q.unitId, q.to);
  // Each row's daily sums when they add up to it, else its per-case moves (report-scope.ts), as its
  // report reads them; when every row has daily sums (no reorganisation cut the tree), one pass reads them all.
  const sets = [layout.members, ...layout.children.map((c) => c.members)];
  const scopes = sets.map((members) => scopeOf(registered, members));
  const tops = scopes.map((s) => ('daily' in s ? s.daily : []));
  const daily = !q.knownAt && scopes.every((s) => 'daily' in s);
  const byScope = daily ? await scopeSums(store, [...new Set(tops.flat())], q.from, q.to) : new Map();
  const [total, ...parts] = daily
    ? tops.map((t) =>
        combine(
          emptySums(),
          t.map((s) => byScope.get(s)!),
          1n,
        ),
      )
    : await Promise.all(sets.map((members, i) => readLedgerSums(store, { ...q, unitIds: members, scope: scopes[i] })));
  const targets = new Map(
    (
      await new TargetQueries(store).forUnits(
        [q.unitId, ...layout.children.map((c) => c.unitId)],
        reportingYearOf(q.to),
      )
    ).map((t) => [t.unitId, t]),
  );
  const row = (
    u: { unitId: string; name: string; level: UnitLevel },
    scope: UnitReportRow['scope'],
    s: LedgerSums,
  ): UnitReportRow => {
    const columns = columnsOf(s);
    const target = scope === 'own' ? undefined : targets.get(u.unitId);
    return {
      unitId: u.unitId,
      name: u.name,
      level: u.level,
      scope,
      ...formatFigures(columns),
      ...(target
        ? { target: compareWithTarget({ cases: columns.cases.rate, money: columns.money.rate }, target, q.to) }
        : {}),
    };
  };
  return {
    unitId: q.unitId,
    from: q.from,
    to: q.to,
    asKnownAt: knownAtText(q.knownAt),
    rows: [
      row(layout, 'total', total),
      ...(layout.children.length ? [row(layout, 'own', combine(total, parts, -1n))] : []),
      ...layout.children.map((c, i) => row(c, 'subtree', parts[i])),
    ],
  };
};
