import { LEDGER_KEYS, LedgerKey } from '../statistics/ledger-keys';
import { LedgerSums } from '../statistics/ledger-sums';
import { KnownAt } from '../statistics/known-at';
import { big, int, ReadStore, SqlValue } from '../store/read-store';
import { yearStartOf } from './enforcer-ledger.projection';

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

type Row = {
  unitId: string;
  origin: string;
  enforcerId: string | null;
  key: LedgerKey;
  nBefore: SqlValue;
  mBefore: SqlValue;
  nWithin: SqlValue;
  mWithin: SqlValue;
};

export const emptySums = (): LedgerSums =>
  Object.fromEntries(
    LEDGER_KEYS.map((k) => [k, { before: { n: 0, money: 0n }, within: { n: 0, money: 0n } }]),
  ) as LedgerSums;

/** SQL condition on the moves `m` for `asKnownAt` (qualified: the case list has a position too). */
export const knownAtOnMoves = (knownAt: KnownAt): { sql: string; value: bigint | string } =>
  'position' in knownAt
    ? { sql: 'm.position <= ?', value: knownAt.position }
    : { sql: 'm.known_at <= ?', value: knownAt.recordedAt };

/**
 * A key whose sums before and within the period are all zero is left out: it reads as zero anyway,
 * and so an agency's enforcer whose figures are all zero is not listed, whether the form reads the
 * per-case moves or the daily sums by enforcer (where a reassigned case leaves rows netting to zero).
 */
const NOT_ALL_ZERO = (m: string) =>
  [
    `sum(CASE WHEN ${m}day < ? THEN ${m}n ELSE 0 END) <> 0`,
    `sum(CASE WHEN ${m}day < ? THEN ${m}money ELSE 0 END) <> 0`,
    `sum(CASE WHEN ${m}day >= ? THEN ${m}n ELSE 0 END) <> 0`,
    `sum(CASE WHEN ${m}day >= ? THEN ${m}money ELSE 0 END) <> 0`,
  ].join(' OR ');

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
  const rows = await store.all<Row>(
    `SELECT m.unit_id AS "unitId", c.origin AS origin, ${enforcer} AS "enforcerId", m.key AS key,
      sum(CASE WHEN m.day < ? THEN m.n ELSE 0 END) AS "nBefore", sum(CASE WHEN m.day < ? THEN m.money ELSE 0 END) AS "mBefore",
      sum(CASE WHEN m.day >= ? THEN m.n ELSE 0 END) AS "nWithin", sum(CASE WHEN m.day >= ? THEN m.money ELSE 0 END) AS "mWithin"
    FROM statistics_moves m JOIN cases c ON c.case_id = m.case_id
    WHERE ${where.join(' AND ')}
    GROUP BY m.unit_id, c.origin, ${q.byEnforcer ? 'c.enforcer_id, ' : ''}m.key
    HAVING ${NOT_ALL_ZERO('m.')}`,
    [...params, q.from, q.from, q.from, q.from],
  );
  return collectSplits(rows);
};

/**
 * The same sums for forms by enforcer and what is known now, from the sums by agency and enforcer
 * (enforcer-ledger.projection.ts): whole reporting years before the period's own from the yearly
 * sums, then its year's days up to `to`, whatever the number of cases. Origins are not split
 * (forms 04 and 05 do not split by them): `origin` is ''.
 */
export const readEnforcerDaily = async (
  store: ReadStore,
  unitIds: ReadonlyArray<string>,
  from: string,
  to: string,
): Promise<SplitSums[]> => {
  if (unitIds.length === 0) return [];
  const units = unitIds.map(() => '?').join(', ');
  const yearStart = yearStartOf(from);
  const rows = await store.all<Row>(
    `SELECT unit_id AS "unitId", '' AS origin, enforcer_id AS "enforcerId", key,
      sum(nb) AS "nBefore", sum(mb) AS "mBefore", sum(nw) AS "nWithin", sum(mw) AS "mWithin"
    FROM (
      SELECT unit_id, enforcer_id, key, n AS nb, money AS mb, 0 AS nw, 0 AS mw
      FROM statistics_enforcer_yearly WHERE unit_id IN (${units}) AND year_start < ?
      UNION ALL
      SELECT unit_id, enforcer_id, key,
        CASE WHEN day < ? THEN n ELSE 0 END, CASE WHEN day < ? THEN money ELSE 0 END,
        CASE WHEN day >= ? THEN n ELSE 0 END, CASE WHEN day >= ? THEN money ELSE 0 END
      FROM statistics_enforcer_daily WHERE unit_id IN (${units}) AND day >= ? AND day <= ?
    ) s
    GROUP BY unit_id, enforcer_id, key
    HAVING sum(nb) <> 0 OR sum(mb) <> 0 OR sum(nw) <> 0 OR sum(mw) <> 0`,
    [...unitIds, yearStart, from, from, from, from, ...unitIds, yearStart, to],
  );
  return collectSplits(rows.map((r) => ({ ...r, enforcerId: r.enforcerId === '' ? null : r.enforcerId })));
};

const collectSplits = (rows: ReadonlyArray<Row>): SplitSums[] => {
  const out = new Map<string, SplitSums>();
  for (const r of rows) {
    const id = `${r.unitId}\u0000${r.origin}\u0000${r.enforcerId ?? ''}`;
    let split = out.get(id);
    if (!split)
      out.set(
        id,
        (split = { unitId: r.unitId, origin: r.origin, enforcerId: r.enforcerId ?? null, sums: emptySums() }),
      );
    if (!(r.key in split.sums)) continue;
    split.sums[r.key] = {
      before: { n: int(r.nBefore), money: big(r.mBefore) },
      within: { n: int(r.nWithin), money: big(r.mWithin) },
    };
  }
  return [...out.values()];
};

type DailyRow = {
  scope: string;
  origin: string;
  key: LedgerKey;
  nBefore: SqlValue;
  mBefore: SqlValue;
  nWithin: SqlValue;
  mWithin: SqlValue;
};

/** The origin-split daily sums of each scope (origin-ledger.projection.ts), keyed `<scope>\0<origin>`. */
export const readOriginDaily = async (
  store: ReadStore,
  scopes: ReadonlyArray<string>,
  from: string,
  to: string,
): Promise<Map<string, LedgerSums>> => {
  const out = new Map<string, LedgerSums>();
  if (scopes.length === 0) return out;
  const rows = await store.all<DailyRow>(
    `SELECT scope, origin, key,
      sum(CASE WHEN day < ? THEN n ELSE 0 END) AS "nBefore", sum(CASE WHEN day < ? THEN money ELSE 0 END) AS "mBefore",
      sum(CASE WHEN day >= ? THEN n ELSE 0 END) AS "nWithin", sum(CASE WHEN day >= ? THEN money ELSE 0 END) AS "mWithin"
    FROM statistics_origin_daily WHERE scope IN (${scopes.map(() => '?').join(', ')}) AND day <= ? GROUP BY scope, origin, key`,
    [from, from, from, from, ...scopes, to],
  );
  for (const r of rows) {
    const id = `${r.scope}\u0000${r.origin}`;
    let sums = out.get(id);
    if (!sums) out.set(id, (sums = emptySums()));
    if (!(r.key in sums)) continue;
    sums[r.key] = {
      before: { n: int(r.nBefore), money: big(r.mBefore) },
      within: { n: int(r.nWithin), money: big(r.mWithin) },
    };
  }
  return out;
};

/** Σ parts, key by key: a set of units' sums from those of its registered subtrees. */
export const addSums = (parts: ReadonlyArray<LedgerSums>): LedgerSums => {
  const out = emptySums();
  for (const p of parts)
    for (const k of LEDGER_KEYS)
      for (const side of ['before', 'within'] as const)
        out[k][side] = { n: out[k][side].n + p[k][side].n, money: out[k][side].money + p[k][side].money };
  return out;
};

/** a − Σ b, key by key: a unit's own cases are its scope less its subunits' scopes. */
export const subtractSums = (a: LedgerSums, bs: ReadonlyArray<LedgerSums>): LedgerSums =>
  Object.fromEntries(
    Object.entries(a).map(([k, s]) => {
      const key = k as LedgerKey;
      return [
        key,
        {
          before: {
            n: bs.reduce((t, b) => t - b[key].before.n, s.before.n),
            money: bs.reduce((t, b) => t - b[key].before.money, s.before.money),
          },
          within: {
            n: bs.reduce((t, b) => t - b[key].within.n, s.within.n),
            money: bs.reduce((t, b) => t - b[key].within.money, s.within.money),
          },
        },
      ];
    }),
  ) as LedgerSums;
