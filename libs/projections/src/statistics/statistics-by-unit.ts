import { UnitLevel } from '@thads/domain';
import { ReadStore } from '../store/read-store';
import { TargetQueries } from '../targets/target-queries';
import { reportLayoutOf } from '../units/report-rows';
import { UnitHistoryQueries } from '../units/unit-history-queries';
import { columnsOf, formatFigures } from './compose-report';
import { KnownAt, knownAtText } from './known-at';
import { LEDGER_KEYS } from './ledger-keys';
import { LedgerSums, readLedgerSums } from './ledger-sums';
import { registeredParents, scopeOf } from './report-scope';
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

/** total − Σ parts, key by key: the ledger's sums add up over units, so the unit's own cases are the difference. */
const minus = (total: LedgerSums, parts: LedgerSums[]): LedgerSums => {
  const out = Object.fromEntries(
    LEDGER_KEYS.map((k) => [k, { before: { n: 0, money: 0n }, within: { n: 0, money: 0n } }]),
  ) as LedgerSums;
  for (const k of LEDGER_KEYS) {
    for (const side of ['before', 'within'] as const) {
      out[k][side] = parts.reduce(
        (s, p) => ({ n: s.n - p[k][side].n, money: s.money - p[k][side].money }),
        total[k][side],
      );
    }
  }
  return out;
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
  const [histories, parents] = await Promise.all([
    new UnitHistoryQueries(store).histories(q.knownAt),
    registeredParents(store),
  ]);
  const layout = reportLayoutOf(histories, q.unitId, q.to);
  // Each set's daily sums when they add up to it, else its per-case moves (report-scope.ts), as its report reads them.
  const sumsOf = (members: string[]) =>
    readLedgerSums(store, { ...q, unitIds: members, scope: scopeOf(parents, members) });
  const [total, ...parts] = await Promise.all([layout.members, ...layout.children.map((c) => c.members)].map(sumsOf));
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
      ...(layout.children.length ? [row(layout, 'own', minus(total, parts))] : []),
      ...layout.children.map((c, i) => row(c, 'subtree', parts[i])),
    ],
  };
};
