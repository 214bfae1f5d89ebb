import { UnitRegistry } from '../unit-registry';
import { UnitScope } from './unit-scope';

// The tree is three levels deep (central, province, district); the bound only stops a cycle.
const MAX_DEPTH = 8;

/**
 * The scope read from the unit streams themselves (strongly consistent, unlike a read model that
 * may lag a registration). A unit's parent is its latest (a reorganisation may move it); the
 * registry forgets the units it reorganises.
 */
export class RegistryUnitScope implements UnitScope {
  constructor(private readonly units: UnitRegistry) {}

  async isNational(unitId: string): Promise<boolean> {
    return (await this.units.find(unitId))?.level === 'central';
  }

  async contains(scopeUnitId: string, unitId: string): Promise<boolean> {
    if (await this.isNational(scopeUnitId)) return true;
    let id: string | undefined = unitId;
    for (let depth = 0; id !== undefined && depth < MAX_DEPTH; depth++) {
      if (id === scopeUnitId) return true;
      id = (await this.units.find(id))?.parentId;
    }
    // A unit a reorganisation ended keeps its sight of the cases that went to its successors: its
    // auditors read the history made there (writes are refused from the closing day, access-policy.ts).
    const history = await this.units.history(scopeUnitId);
    for (const successor of history?.successors ?? [])
      if (successor.unitId !== scopeUnitId && (await this.contains(successor.unitId, unitId))) return true;
    return false;
  }

  closedSince(unitId: string): Promise<string | undefined> {
    return this.units.closedSince(unitId);
  }
}
