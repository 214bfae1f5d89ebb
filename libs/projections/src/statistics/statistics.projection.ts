import { UNIT_REGISTERED, UnitRegisteredData } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { big, ReadStore, SqlValue } from '../store/read-store';
import { inKeyOrder } from '../store/key-order';
import { RowWrites } from '../store/row-writes';
import { placedMovesOf } from './transfer-moves';
import { LEDGER_TABLES, ledgerSchema, STATISTICS_DAILY, STATISTICS_MOVES, STATISTICS_UNITS } from './ledger-tables';
import { UnitScopes } from './unit-scopes';

/**
 * The statistics ledger (issue 3, docs/architecture.md §7): every case event, folded through the
 * lifecycle machine, moves the case between statistic classes on its business date. The moves
 * are stored, not the report: any period, unit and `asKnownAt` is then a range sum.
 * Bump `version` when a policy that shapes the moves changes (see policies.ts).
 */
export const statisticsProjection = (): Projection => {
  const scopes = new UnitScopes();
  return {
    name: 'statistics',
    // 4: moves of cases received by entrustment also write 'acceptedEntrustedIn'.
    // 5: a transfer moves the case's stock between units (transfer-moves.ts).
    version: 5,
    tables: LEDGER_TABLES,
    schema: ledgerSchema,
    load: (store) => scopes.load(store),
    apply: (out: RowWrites, { recorded, case: folded }: ProjectedEvent) => {
      if (recorded.type === UNIT_REGISTERED) {
        const unit = recorded.data as unknown as UnitRegisteredData;
        scopes.register(unit);
        out.upsert(STATISTICS_UNITS, [unit.unitId, unit.parentId ?? null]);
        return;
      }
      if (!folded) return;
      const { caseId } = folded.after;
      // One unit's deltas, or both sides of a transfer (transfer-moves.ts).
      for (const move of placedMovesOf(folded))
        for (const d of move.deltas)
          out.insert(STATISTICS_MOVES, [
            move.unitId,
            move.day,
            d.key,
            caseId,
            recorded.position,
            folded.knownAt,
            d.n,
            d.money,
          ]);
    },
    // The daily sums of the moves, for the case's unit and every unit above it.
    sums: {
      add: (out: RowWrites, { case: folded }: ProjectedEvent) => {
        if (!folded) return;
        for (const move of placedMovesOf(folded)) {
          const above = scopes.of(move.unitId);
          for (const d of move.deltas)
            for (const scope of above) out.increment(STATISTICS_DAILY, [scope, move.day, d.key, d.n, d.money]);
        }
      },
      recompute: (store) => dailySumsOfMoves(store, scopes),
    },
  };
};

/**
 * The daily sums after a rebuild: summed by the store from the moves it wrote (a scan of the
 * moves in key order), then added up for each unit above (the same UnitScopes as live). Kept up
 * in the rebuild's threads instead, they cost a good share of the threads' time and memory
 * (README, Measurements behind the design).
 */
const dailySumsOfMoves = async (store: ReadStore, scopes: UnitScopes): Promise<void> => {
  const out = new RowWrites();
  const rows = await store.all<{ unit_id: string; day: string; key: string; n: SqlValue; money: SqlValue }>(
    'SELECT unit_id, day, key, SUM(n) AS n, SUM(money) AS money FROM statistics_moves GROUP BY unit_id, day, key',
  );
  for (const r of rows) {
    for (const scope of scopes.of(r.unit_id))
      out.increment(STATISTICS_DAILY, [scope, r.day, r.key, Number(r.n), big(r.money)]);
  }
  await store.write(inKeyOrder(out.drain()));
};
