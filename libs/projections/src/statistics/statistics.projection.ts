import type Database from 'better-sqlite3';
import { UNIT_REGISTERED, UnitRegisteredData } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { stmt } from '../runtime/statements';
import { knownAtOf } from './case-clock';
import { dailySums } from './daily-sums';
import { movesOf } from './ledger-move';
import { LEDGER_DROP, LEDGER_SCHEMA } from './ledger-tables';
import { unitScopes } from './unit-scopes';

/**
 * The statistics ledger (issue 3, ARCHITECTURE.md §7): every case event, folded through the
 * lifecycle machine, moves the case between statistic classes on its business date. The moves
 * are stored, not the report: any period, unit and `asKnownAt` is then a range sum.
 * Bump `version` when a policy that shapes the moves changes (see policies.ts).
 */
export const statisticsProjection: Projection = {
  name: 'statistics',
  version: 2,
  setup: (db) => db.exec(LEDGER_SCHEMA),
  reset: (db) => {
    db.exec(LEDGER_DROP);
    dailySums.forget(db);
    unitScopes.forget(db);
  },
  apply: (db: Database.Database, { recorded, metadata, case: folded }: ProjectedEvent) => {
    dailySums.begin(db, recorded.position);
    if (recorded.type === UNIT_REGISTERED) return unitScopes.register(db, recorded.data as unknown as UnitRegisteredData);
    if (!folded) return;
    const { unitId, caseId } = folded.after;
    const knownAt = knownAtOf(db, caseId, metadata?.recordedAt ?? '');
    const move = movesOf(folded);
    if (!move) return;
    const insert = stmt(db, `INSERT INTO statistics_moves (unit_id, day, key, case_id, position, known_at, n, money)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const scopes = unitScopes.of(db, unitId);
    for (const d of move.deltas) {
      insert.run(unitId, move.day, d.key, caseId, Number(recorded.position), knownAt, d.n, d.money);
      for (const scope of scopes) dailySums.add(db, scope, move.day, d.key, d.n, d.money);
    }
  },
  endBatch: (db) => dailySums.flush(db),
};
