import { ReadStore, int, big, SqlValue } from '../store/read-store';
import { TargetQueries } from '../targets/target-queries';
import { UnitQueries, UnitRow } from '../units/unit-queries';
import { columnsOf, formatFigures } from './compose-report';
import { KnownAt, knownAtText } from './known-at';
import { LEDGER_KEYS, LedgerKey } from './ledger-keys';
import { LedgerSums, readLedgerSums } from './ledger-sums';
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

/** total − Σ parts, key by key: the ledger's sums add up over units, so the unit's own cases are the difference. */
const minus = (total: LedgerSums, parts: LedgerSums[]): LedgerSums => {
  const out = emptySums();
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
  const rows = await store.all<Row>(
    `SELECT scope, key,
      sum(CASE WHEN day < ? THEN n ELSE 0 END) AS "nBefore", sum(CASE WHEN day < ? THEN money ELSE 0 END) AS "mBefore",
      sum(CASE WHEN day >= ? THEN n ELSE 0 END) AS "nWithin", sum(CASE WHEN day >= ? THEN money ELSE 0 END) AS "mWithin"
    FROM statistics_daily WHERE scope IN (${scopes.map(() => '?').join(', ')}) AND day <= ? GROUP BY scope, key`,
    [from, from, from, from, ...scopes, to],
  );
  const sums = new Map(scopes.map((s) => [s, emptySums()]));
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
 * its own cases, and each unit directly under it with everything under that one. Each row but
 * `own` equals GET /api/statistics for its unit; `own` is the total less the subunits.
 */
export const statisticsByUnit = async (
  store: ReadStore,
  q: { unitId: string; from: string; to: string; knownAt?: KnownAt },
) => {
  const units = await new UnitQueries(store).list();
  const top = units.find((u) => u.unitId === q.unitId)!;
  const children = units.filter((u) => u.parentId === q.unitId);
  const scopes = [top, ...children];
  const sums = q.knownAt
    ? new Map(
        await Promise.all(
          scopes.map(
            async (u) =>
              [
                u.unitId,
                await readLedgerSums(store, {
                  unitId: u.unitId,
                  unitIds: units.filter((x) => x.path.startsWith(u.path)).map((x) => x.unitId),
                  from: q.from,
                  to: q.to,
                  knownAt: q.knownAt,
                }),
              ] as const,
          ),
        ),
      )
    : await scopeSums(
        store,
        scopes.map((u) => u.unitId),
        q.from,
        q.to,
      );
  const targets = new Map(
    (
      await new TargetQueries(store).forUnits(
        scopes.map((u) => u.unitId),
        reportingYearOf(q.to),
      )
    ).map((t) => [t.unitId, t]),
  );
  const row = (u: UnitRow, scope: UnitReportRow['scope'], s: LedgerSums): UnitReportRow => {
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
  const total = sums.get(top.unitId)!;
  return {
    unitId: q.unitId,
    from: q.from,
    to: q.to,
    asKnownAt: knownAtText(q.knownAt),
    rows: [
      row(top, 'total', total),
      ...(children.length
        ? [
            row(
              top,
              'own',
              minus(
                total,
                children.map((c) => sums.get(c.unitId)!),
              ),
            ),
          ]
        : []),
      ...children.map((c) => row(c, 'subtree', sums.get(c.unitId)!)),
    ],
  };
};
