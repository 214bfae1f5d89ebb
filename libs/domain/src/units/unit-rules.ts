import { LocalDate } from '../local-date';
import { UnitLevel, UnitRegisteredData } from './unit-events';
import { UnitRuleViolation } from './unit-errors';

/** A parent must sit one level above its child: a district under a province, a province under the centre. */
export const PARENT_LEVEL: Record<UnitLevel, UnitLevel | undefined> = {
  central: undefined,
  province: 'central',
  district: 'province',
};

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

/**
 * What a registration must satisfy whatever the unit's stream holds: its dates in order, its
 * parent registered (`parent` as the registry found it) one level above. Throws the rule broken.
 */
export const assertRegistrable = (unit: UnitRegisteredData, parent: UnitRegisteredData | undefined): void => {
  if (unit.from !== undefined && unit.until !== undefined && unit.until < unit.from) {
    throw new UnitRuleViolation(
      'unit.dates-reversed',
      unit.unitId,
      `ngày kết thúc ${unit.until} trước ngày thành lập ${unit.from}`,
    );
  }
  const expectedParent = PARENT_LEVEL[unit.level];
  // A province or a district outside the tree would be counted in no report above it.
  if (!unit.parentId) {
    if (expectedParent === undefined) return;
    throw new UnitRuleViolation(
      'unit.parent-not-found',
      unit.unitId,
      `đơn vị cấp ${unit.level} phải có đơn vị cấp trên (cấp ${expectedParent}): parentId`,
    );
  }
  if (!parent)
    throw new UnitRuleViolation(
      'unit.parent-not-found',
      unit.unitId,
      `đơn vị cấp trên ${unit.parentId} chưa được đăng ký`,
    );
  if (parent.level !== expectedParent) {
    throw new UnitRuleViolation(
      'unit.parent-level',
      unit.unitId,
      `đơn vị cấp ${unit.level} phải thuộc đơn vị cấp ${expectedParent}, không phải ${parent.level}`,
    );
  }
};
