import { Provider } from '@nestjs/common';
import { UnitRegistry, UnitReorganiser } from '@thads/application';
import { FINAL_STATES } from '@thads/domain';
import { EventStore } from '@thads/event-store';
import { ReadDatabase } from '../infrastructure/read-database';

/**
 * The reorganiser reads the units under a unit and a unit's open cases from the read models; the
 * controller first waits for them to reach the log's head, so nothing recorded is missed.
 */
export const UNIT_REORGANISER: Provider = {
  provide: UnitReorganiser,
  useFactory: (store: EventStore, registry: UnitRegistry, read: ReadDatabase) =>
    new UnitReorganiser(store, registry, {
      subunitsOf: async (unitId) =>
        (await read.store.all<{ unit_id: string }>('SELECT unit_id FROM units WHERE parent_id = ?', [unitId])).map(
          (r) => r.unit_id,
        ),
      openCasesOf: async (unitIds) =>
        unitIds.length === 0
          ? []
          : (
              await read.store.all<{ case_id: string; unit_id: string }>(
                `SELECT case_id, unit_id FROM cases WHERE unit_id IN (${unitIds.map(() => '?').join(', ')})
                 AND state NOT IN (${FINAL_STATES.map(() => '?').join(', ')}) ORDER BY case_id`,
                [...unitIds, ...FINAL_STATES],
              )
            ).map((r) => ({ caseId: r.case_id, unitId: r.unit_id })),
    }),
  inject: [EventStore, UnitRegistry, ReadDatabase],
};
