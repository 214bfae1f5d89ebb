import { LocalDate } from './local-date';

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

/**
 * Who may receive an entrustment (Luật THADS Điều 55–57): a civil judgment enforcement agency
 * that enforces cases (province, district or regional office), existing on the day of the
 * entrustment. The central department (Tổng cục, then Cục Quản lý THADS) manages and does not
 * enforce, so it receives none. Undefined when it may, else why not (Vietnamese, with the article).
 */
export const entrustmentRefusal = (unit: UnitRegisteredData, on: LocalDate): string | undefined => {
  if (unit.level === 'central') {
    return `${unit.unitId} là cơ quan quản lý thi hành án dân sự ở trung ương, không tổ chức thi hành án: chỉ ủy thác cho cơ quan thi hành án dân sự (Luật THADS Điều 13, 55, 56)`;
  }
  if (unit.from !== undefined && on < unit.from)
    return `${unit.unitId} chưa được thành lập vào ngày ${on} (từ ${unit.from}) (Luật THADS Điều 55)`;
  if (unit.until !== undefined && on > unit.until)
    return `${unit.unitId} không còn tồn tại vào ngày ${on} (đến ${unit.until}) (Luật THADS Điều 55)`;
  return undefined;
};

export const unitStream = (unitId: string) => `unit-${unitId}`;
export const caseStream = (caseId: string) => `case-${caseId}`;
export const UNIT_REGISTERED = 'UnitRegistered';

/** A parent must sit one level above its child: a district under a province, a province under the centre. */
export const PARENT_LEVEL: Record<UnitLevel, UnitLevel | undefined> = {
  central: undefined,
  province: 'central',
  district: 'province',
};
