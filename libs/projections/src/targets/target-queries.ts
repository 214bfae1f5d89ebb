import { int, ReadStore, SqlValue } from '../store/read-store';
import { TargetRates, TargetsSetData } from './targets-event';

export interface UnitTargets extends TargetsSetData {
  periods: Record<string, TargetRates>;
  setOn: string;
  position: number;
}

export class TargetQueries {
  constructor(private readonly store: ReadStore) {}

  async find(unitId: string, year: number): Promise<UnitTargets | undefined> {
    const [row] = await this.store.all<{ unit_id: string; year: SqlValue; cases: string; money: string; periods: string; set_on: string; position: SqlValue }>(
      'SELECT * FROM unit_targets WHERE unit_id = ? AND year = ?', [unitId, year]);
    return row && {
      unitId: row.unit_id, year: int(row.year), cases: row.cases, money: row.money,
      periods: JSON.parse(row.periods), setOn: row.set_on, position: int(row.position),
    };
  }
}
