import type Database from 'better-sqlite3';
import { TargetRates, TargetsSetData } from './targets-event';

export interface UnitTargets extends TargetsSetData {
  periods: Record<string, TargetRates>;
  setOn: string;
  position: number;
}

export class TargetQueries {
  constructor(private readonly db: Database.Database) {}

  find(unitId: string, year: number): UnitTargets | undefined {
    const row = this.db.prepare('SELECT * FROM unit_targets WHERE unit_id = ? AND year = ?').get(unitId, year) as
      | { unit_id: string; year: number; cases: string; money: string; periods: string; set_on: string; position: number } | undefined;
    return row && {
      unitId: row.unit_id, year: row.year, cases: row.cases, money: row.money,
      periods: JSON.parse(row.periods), setOn: row.set_on, position: row.position,
    };
  }
}
