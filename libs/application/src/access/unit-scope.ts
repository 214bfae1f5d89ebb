/**
 * The unit tree as access needs it. A unit's users act on that unit; a province's also on its
 * districts; a central (national) user on every unit (issue 7; docs/domain.md §6).
 */
export interface UnitScope {
  /** Is `unitId` the unit `scopeUnitId` or one under it? */
  contains(scopeUnitId: string, unitId: string): Promise<boolean>;
  /** True when the unit is central: its users see the whole country. */
  isNational(unitId: string): Promise<boolean>;
  /** The day a reorganisation ended the unit (docs/reorganisation.md); its users write nothing from then. */
  closedSince?(unitId: string): Promise<string | undefined>;
}
