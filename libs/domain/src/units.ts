// Enforcement agencies form a tree: the central department, provinces, districts or regional
// offices (docs/domain.md §6). A unit's reports include its subunits.
export const UNIT_LEVELS = ['central', 'province', 'district'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface UnitRegisteredData {
  unitId: string;
  name: string;
  level: UnitLevel;
  parentId?: string;
}

export const unitStream = (unitId: string) => `unit-${unitId}`;
export const caseStream = (caseId: string) => `case-${caseId}`;
export const UNIT_REGISTERED = 'UnitRegistered';

/** A parent must sit one level above its child: a district under a province, a province under the centre. */
export const PARENT_LEVEL: Record<UnitLevel, UnitLevel | undefined> = {
  central: undefined,
  province: 'central',
  district: 'province',
};
