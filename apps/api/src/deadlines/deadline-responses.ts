import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONFIDENCES, HOLIDAY_OCCASIONS } from '@thads/domain';
import { DEADLINE_STATUSES } from './deadline-queries';

// The answers of /api/deadlines (the board, its counts by unit), /api/deadlines/summary, /api/deadlines/rules and /api/calendar,
// as described in OpenAPI (docs/api.md). The types they mirror are in libs/domain/src/deadlines.

export class LegalBasisSchema {
  @ApiProperty({ example: 'Luật Thi hành án dân sự 2008, sửa đổi, bổ sung bởi Luật số 64/2014/QH13' }) law!: string;
  @ApiProperty({ example: 'Điều 36.1' }) article!: string;
}

export class StepRefSchema {
  @ApiProperty({ example: 'receive' }) step!: string;
  @ApiProperty({ example: '2025-01-24', format: 'date' }) on!: string;
  @ApiPropertyOptional() eventId?: string;
  @ApiPropertyOptional() revision?: number;
}

export class DeadlineItemSchema {
  @ApiProperty({ example: 'decide-on-request' }) rule!: string;
  @ApiProperty({ example: 'Ra quyết định thi hành án theo yêu cầu' }) title!: string;
  @ApiProperty({ type: LegalBasisSchema }) legalBasis!: LegalBasisSchema;
  @ApiProperty({ enum: ['2009', '2015', '2026'] }) regime!: string;
  @ApiProperty({ enum: ['agency', 'debtor', 'buyer'] }) actor!: string;
  @ApiProperty({ enum: ['agency', 'civil'], description: 'Whose rest days end the term' }) calendar!: string;
  @ApiProperty({ type: StepRefSchema }) trigger!: StepRefSchema;
  @ApiProperty({ format: 'date', description: 'The day the term runs from (not counted)' }) startsOn!: string;
  @ApiPropertyOptional({ description: 'Why a stand-in start date is used, in Vietnamese' }) startAssumed?: string;
  @ApiProperty({ format: 'date' }) due!: string;
  @ApiProperty({ enum: ['days', 'workingDays', 'months', 'immediately'] }) unit!: string;
  @ApiProperty() length!: number;
  @ApiProperty({ enum: DEADLINE_STATUSES }) status!: string;
  @ApiPropertyOptional({ format: 'date' }) satisfiedOn?: string;
  @ApiPropertyOptional({ type: StepRefSchema }) satisfiedBy?: StepRefSchema;
  @ApiPropertyOptional() daysLate?: number;
  @ApiPropertyOptional() daysOverdue?: number;
  @ApiPropertyOptional({ type: StepRefSchema }) cancelledBy?: StepRefSchema;
  @ApiPropertyOptional({ format: 'date' }) lapsedOn?: string;
  @ApiPropertyOptional({ enum: ['case-ended', 'superseded', 'rule-lapsed'] }) cancelReason?: string;
  @ApiPropertyOptional() caseEndedAs?: string;
  @ApiPropertyOptional() daysPastDueWhenCancelled?: number;
  @ApiPropertyOptional() pausedUnits?: number;
  @ApiPropertyOptional({ format: 'date' }) pausedSince?: string;
}

/** One deadline of the inspection board: a case's deadline (DeadlineItemSchema) with its case, unit and enforcer. */
export class BoardDeadlineItemSchema extends DeadlineItemSchema {
  @ApiProperty({ example: 'tet-1' }) caseId!: string;
  @ApiProperty({ example: 'kg-pq' }) unitId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'chv-07',
    description: 'The enforcer assigned to the case now',
  })
  enforcerId!: string | null;
}

export class DeadlineListSchema {
  @ApiProperty({ example: 'kg' }) unitId!: string;
  @ApiProperty({ example: '2025-02-28' }) asOf!: string;
  @ApiProperty({ type: String, nullable: true, example: 'late,overdue' }) status!: string | null;
  @ApiProperty({ type: String, nullable: true }) rule!: string | null;
  @ApiProperty({ type: String, nullable: true }) enforcerId!: string | null;
  @ApiProperty({ example: 1234, description: 'Matching deadlines in all pages' }) total!: number;
  @ApiProperty({ example: 100 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
  @ApiProperty({ type: [BoardDeadlineItemSchema] }) items!: BoardDeadlineItemSchema[];
}

export class StatusCountsSchema {
  @ApiProperty() open!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() met!: number;
  @ApiProperty() late!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty() total!: number;
}

export class UnitStatusCountsSchema extends StatusCountsSchema {
  @ApiProperty({ example: 'kg-pq' }) unitId!: string;
  @ApiProperty({ example: 'Chi cục THADS Phú Quốc' }) name!: string;
  @ApiProperty({ example: 'district' }) level!: string;
  @ApiProperty({
    enum: ['own', 'subtree'],
    description: 'own: the cases of the unit asked for itself; subtree: a unit under it with everything under that one',
  })
  scope!: string;
}

export class DeadlinesByUnitSchema {
  @ApiProperty({ example: 'kg' }) unitId!: string;
  @ApiProperty({ example: '2025-02-28' }) asOf!: string;
  @ApiProperty({ type: String, nullable: true }) rule!: string | null;
  @ApiProperty({ type: String, nullable: true }) enforcerId!: string | null;
  @ApiProperty({ enum: DEADLINE_STATUSES, isArray: true }) statuses!: string[];
  @ApiProperty({ type: StatusCountsSchema }) total!: StatusCountsSchema;
  @ApiProperty({ type: [UnitStatusCountsSchema] }) units!: UnitStatusCountsSchema[];
}

class RuleViolations {
  @ApiProperty() rule!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: LegalBasisSchema }) legalBasis!: LegalBasisSchema;
  @ApiProperty() late!: number;
  @ApiProperty() missed!: number;
}

class UnitViolations {
  @ApiProperty() unitId!: string;
  @ApiProperty() late!: number;
  @ApiProperty() missed!: number;
}

export class DeadlineSummaryResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ description: 'Deadlines due in the period' }) due!: number;
  @ApiProperty({ description: 'Met after the due date' }) late!: number;
  @ApiProperty({ description: 'Not met' }) missed!: number;
  @ApiProperty({ type: [RuleViolations] }) byRule!: RuleViolations[];
  @ApiProperty({ type: [UnitViolations] }) byUnit!: UnitViolations[];
}

const ANY_OBJECT = { type: 'object', additionalProperties: true } as const;

export class DeadlineRulesResponse {
  @ApiProperty({
    type: 'array',
    items: ANY_OBJECT,
    description: 'The legal regimes and their decrees, with dates in force',
  })
  regimes!: Record<string, unknown>[];
  @ApiProperty({
    type: 'array',
    items: ANY_OBJECT,
    description: 'Every modelled rule: id, title, regime, term, trigger, metBy, legalBasis, confidence…',
  })
  rules!: Record<string, unknown>[];
  @ApiProperty({
    type: 'array',
    items: ANY_OBJECT,
    description: 'Deadlines of the law that no step records, so not checked',
  })
  unchecked!: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: ANY_OBJECT, description: 'Statistical reporting deadlines' }) reports!: Record<
    string,
    unknown
  >[];
}

class NonWorkingDay {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ['weekend', 'holiday', 'compensatory', 'swapOff'] }) kind!: string;
  @ApiPropertyOptional({ enum: HOLIDAY_OCCASIONS }) occasion?: string;
  @ApiProperty({ example: 'Tết Dương lịch' }) reason!: string;
  @ApiProperty({ example: 'Bộ luật Lao động 2019 (45/2019/QH14) Điều 112.1' }) source!: string;
  @ApiPropertyOptional({ enum: CONFIDENCES }) confidence?: string;
}

export class CalendarResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [NonWorkingDay] }) nonWorkingDays!: NonWorkingDay[];
}
