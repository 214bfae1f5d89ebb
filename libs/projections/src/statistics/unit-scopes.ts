import { UnitRegisteredData } from '@thads/domain';
import { ReadStore } from '../store/read-store';

/**
 * The ledger's own copy of the unit tree, fed by the same log, so that it never depends on how
 * far another read model has got. A unit's parent is fixed when it is registered (a unit stream
 * holds one registration), so a unit's scopes never change once its cases are counted.
 */
export class UnitScopes {
  private parents = new Map<string, string | null>();
  private scopes = new Map<string, string[]>();

  async load(store: ReadStore): Promise<void> {
    const rows = await store.all<{ unit_id: string; parent_id: string | null }>(
      'SELECT unit_id, parent_id FROM statistics_units',
    );
    this.parents = new Map(rows.map((r) => [r.unit_id, r.parent_id]));
    this.scopes = new Map();
  }

  register(unit: UnitRegisteredData): void {
    this.parents.set(unit.unitId, unit.parentId ?? null);
    this.scopes = new Map();
  }

  /** The unit itself and every unit above it: the reports whose totals include its cases. */
  of(unitId: string): string[] {
    let scopes = this.scopes.get(unitId);
    if (!scopes) {
      scopes = [];
      for (let id: string | null | undefined = unitId; id && !scopes.includes(id); id = this.parents.get(id))
        scopes.push(id);
      this.scopes.set(unitId, scopes);
    }
    return scopes;
  }
}
