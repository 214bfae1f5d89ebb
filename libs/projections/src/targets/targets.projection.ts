import type Database from 'better-sqlite3';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { stmt } from '../runtime/statements';
import { TARGETS_SET, TargetsSetData } from './targets-event';

/** The targets in force per unit and reporting year: the latest TargetsSet of each stream. */
export const targetsProjection: Projection = {
  name: 'targets',
  version: 1,
  setup: (db) => db.exec(`CREATE TABLE IF NOT EXISTS unit_targets (
    unit_id TEXT NOT NULL, year INTEGER NOT NULL, cases TEXT NOT NULL, money TEXT NOT NULL, periods TEXT NOT NULL,
    set_on TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (unit_id, year))`),
  reset: (db) => db.exec('DROP TABLE IF EXISTS unit_targets'),
  apply: (db: Database.Database, { recorded, metadata }: ProjectedEvent) => {
    if (recorded.type !== TARGETS_SET) return;
    const t = recorded.data as unknown as TargetsSetData;
    stmt(db, `INSERT OR REPLACE INTO unit_targets (unit_id, year, cases, money, periods, set_on, position) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(t.unitId, t.year, t.cases, t.money, JSON.stringify(t.periods ?? {}), metadata?.on ?? '', Number(recorded.position));
  },
};
