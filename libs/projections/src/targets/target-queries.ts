import { int, ReadStore, SqlValue } from '../store/read-store';
import { TargetRates, TargetsSetData } from '@thads/domain';

export interface UnitTargets extends TargetsSetData {
  periods: Record<string, TargetRates>;
  setOn: string;
  position: number;
}

export class TargetQueries {
  constructor(private readonly store: ReadStore) {}

  async find(unitId: string, year: number): Promise<UnitTargets | undefined> {
    return (await this.rows('unit_id = ?', [unitId], year))[0];
  }

  /** The targets set for these units for a reporting year (units without any are absent). */
  async forUnits(unitIds: ReadonlyArray<string>, year: number): Promise<UnitTargets[]> {
    if (unitIds.length === 0) return [];
    return this.rows(`unit_id IN (${unitIds.map(() => '?').join(', ')})`, unitIds, year);
  }

  private async rows(where: string, params: ReadonlyArray<string>, year: number): Promise<UnitTargets[]> {
    const rows = await this.store.all<{
      unit_id: string;
      year: SqlValue;
      cases: string;
      money: string;
      periods: string;
      set_on: string;
      position: SqlValue;
    }>(`SELECT * FROM unit_targets WHERE ${where} AND year = ?`, [...params, year]);
    return rows.map((row) => ({
      unitId: row.unit_id,
      year: int(row.year),
      cases: row.cases,
      money: row.money,
      periods: JSON.parse(row.periods),
      setOn: row.set_on,
      position: int(row.position),
    }));
  }
}
