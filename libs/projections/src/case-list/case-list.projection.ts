import type Database from 'better-sqlite3';
import { stmt } from '../runtime/statements';
import { STATISTIC_CLASS, stateNameOf } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';

/** One row per case with its current state and amounts: the paged case list and its filters. */
export const caseListProjection: Projection = {
  name: 'case-list',
  version: 1,
  setup: (db) => db.exec(`CREATE TABLE IF NOT EXISTS cases (
      case_id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, origin TEXT NOT NULL, state TEXT NOT NULL,
      statistic_class TEXT NOT NULL, due TEXT NOT NULL, collected TEXT NOT NULL, disbursed TEXT NOT NULL,
      reduced TEXT NOT NULL, received_on TEXT NOT NULL, last_on TEXT NOT NULL, revision INTEGER NOT NULL,
      position INTEGER NOT NULL, enforcer_id TEXT, creditor TEXT, debtor TEXT, judgment_number TEXT);
    CREATE INDEX IF NOT EXISTS cases_unit_state ON cases (unit_id, state);`),
  reset: (db) => db.exec('DROP TABLE IF EXISTS cases'),
  apply: (db: Database.Database, { recorded, case: folded }: ProjectedEvent) => {
    if (!folded) return;
    const { after, event } = folded;
    const state = stateNameOf(after.lifecycle);
    const a = after.lifecycle.context.amounts;
    if (event.type === 'CaseReceived') {
      stmt(db, `INSERT OR REPLACE INTO cases (case_id, unit_id, origin, state, statistic_class, due, collected, disbursed, reduced,
          received_on, last_on, revision, position, enforcer_id, creditor, debtor, judgment_number)
        VALUES (?, ?, ?, ?, ?, ?, '0', '0', '0', ?, ?, ?, ?, NULL, ?, ?, ?)`)
        .run(after.caseId, after.unitId, after.origin, state, STATISTIC_CLASS[state], a.due.toString(), event.on, event.on,
          Number(recorded.revision), Number(recorded.position), event.data.creditor.name, event.data.debtor.name, event.data.judgment.number);
      return;
    }
    stmt(db, `UPDATE cases SET state = ?, statistic_class = ?, collected = ?, disbursed = ?, reduced = ?, last_on = ?,
        revision = ?, position = ?, enforcer_id = ? WHERE case_id = ?`)
      .run(state, STATISTIC_CLASS[state], a.collected.toString(), a.disbursed.toString(), a.reduced.toString(), after.lastOn,
        Number(recorded.revision), Number(recorded.position), after.enforcerId ?? null, after.caseId);
  },
};
