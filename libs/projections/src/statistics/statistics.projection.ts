import { UNIT_REGISTERED, UnitRegisteredData } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { RowWrites } from '../store/row-writes';
import { movesOf } from './ledger-move';
import { LEDGER_TABLES, ledgerSchema, STATISTICS_DAILY, STATISTICS_MOVES, STATISTICS_UNITS } from './ledger-tables';
import { UnitScopes } from './unit-scopes';

/**
 * The statistics ledger (issue 3, ARCHITECTURE.md §7): every case event, folded through the
 * lifecycle machine, moves the case between statistic classes on its business date. The moves
 * are stored, not the report: any period, unit and `asKnownAt` is then a range sum.
 * Bump `version` when a policy that shapes the moves changes (see policies.ts).
 */
export const statisticsProjection = (): Projection => {
  const scopes = new UnitScopes();
  return {
    name: 'statistics',
    version: 3,
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
      const move = movesOf(folded);
      if (!move) return;
      const { unitId, caseId } = folded.after;
      const above = scopes.of(unitId);
      for (const d of move.deltas) {
        out.insert(STATISTICS_MOVES, [unitId, move.day, d.key, caseId, recorded.position, folded.knownAt, d.n, d.money]);
        for (const scope of above) out.increment(STATISTICS_DAILY, [scope, move.day, d.key, d.n, d.money]);
      }
    },
  };
};
