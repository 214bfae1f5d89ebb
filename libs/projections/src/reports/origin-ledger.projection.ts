import { UNIT_REGISTERED, UnitRegisteredData } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { placedMovesOf } from '../statistics/transfer-moves';
import { UnitScopes } from '../statistics/unit-scopes';
import { big, DdlTypes, ReadStore, SqlValue } from '../store/read-store';
import { inKeyOrder } from '../store/key-order';
import { RowWrites, TableSpec } from '../store/row-writes';

/**
 * The ledger's daily sums again, split by the case's origin (chủ động / theo yêu cầu, fixed when a
 * case is received): forms 01 and 02 (docs/reports.md) then read a few thousand rows per unit, as
 * GET /api/statistics does, instead of every case's moves. Kept for the unit and each unit above
 * it, from the same moves as `statistics_daily` (statistics.projection.ts); `asKnownAt` and the
 * splits by enforcer still read the per-case moves.
 */
export const STATISTICS_ORIGIN_DAILY: TableSpec = {
  table: 'statistics_origin_daily',
  columns: ['scope', 'origin', 'day', 'key', 'n', 'money'],
  key: ['scope', 'origin', 'day', 'key'],
  add: ['n', 'money'],
};

export const originLedgerProjection = (): Projection => {
  const scopes = new UnitScopes();
  return {
    name: 'statistics-by-origin',
    // 2: a transfer moves the case's figures between units (transfer-moves.ts).
    version: 2,
    tables: ['statistics_origin_daily'],
    schema: (t: DdlTypes) => `CREATE TABLE IF NOT EXISTS statistics_origin_daily (
      scope TEXT NOT NULL, origin TEXT NOT NULL, day TEXT NOT NULL, key TEXT NOT NULL, n ${t.int64} NOT NULL, money ${t.int64} NOT NULL,
      PRIMARY KEY (scope, origin, day, key)) ${t.clustered}`,
    load: (store) => scopes.load(store),
    apply: (_out: RowWrites, { recorded }: ProjectedEvent) => {
      if (recorded.type === UNIT_REGISTERED) scopes.register(recorded.data as unknown as UnitRegisteredData);
    },
    sums: {
      add: (out: RowWrites, { case: folded }: ProjectedEvent) => {
        if (!folded) return;
        const { origin } = folded.after;
        // One unit's deltas, or both sides of a transfer (statistics/transfer-moves.ts).
        for (const move of placedMovesOf(folded))
          for (const d of move.deltas)
            for (const scope of scopes.of(move.unitId))
              out.increment(STATISTICS_ORIGIN_DAILY, [scope, origin, move.day, d.key, d.n, d.money]);
      },
      // As the statistics ledger's daily sums: from the moves, each case's origin from the case list.
      recompute: async (store: ReadStore) => {
        await scopes.load(store);
        const rows = await store.all<{
          unit_id: string;
          origin: string;
          day: string;
          key: string;
          n: SqlValue;
          money: SqlValue;
        }>(
          `SELECT m.unit_id, c.origin, m.day, m.key, SUM(m.n) AS n, SUM(m.money) AS money
           FROM statistics_moves m JOIN cases c ON c.case_id = m.case_id GROUP BY m.unit_id, c.origin, m.day, m.key`,
        );
        const out = new RowWrites();
        for (const r of rows) {
          for (const scope of scopes.of(r.unit_id))
            out.increment(STATISTICS_ORIGIN_DAILY, [scope, r.origin, r.day, r.key, Number(r.n), big(r.money)]);
        }
        await store.write(inKeyOrder(out.drain()));
      },
    },
  };
};
