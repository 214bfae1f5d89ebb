import { DomainEvent } from '../events';
import { LocalDate } from '../local-date';
import type { UnitReorganised } from './unit-history';

// Enforcement agencies form a tree: the central department, provinces, districts or regional
// offices (docs/domain.md §6). A unit's reports include its subunits.
export const UNIT_LEVELS = ['central', 'province', 'district'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface UnitRegisteredData {
  unitId: string;
  name: string;
  level: UnitLevel;
  parentId?: string;
  /**
   * The days the unit exists as an enforcement agency (established / dissolved or merged), when
   * known: e.g. a district Chi cục THADS until 30 June 2025 (docs/domain.md §6). A unit registered
   * without them is taken to exist on every date.
   */
  from?: LocalDate;
  until?: LocalDate;
}

/** Units are streams too (`unit-<id>`): registering one is an appended, hash-chained fact. */
export const unitStream = (unitId: string) => `unit-${unitId}`;
export const UNIT_REGISTERED = 'UnitRegistered';

export type UnitRegistered = DomainEvent<typeof UNIT_REGISTERED, UnitRegisteredData>;
/** Every event of a unit stream; a new kind joins this union and unit-decider.ts. */
export type UnitEvent = UnitRegistered | UnitReorganised;
