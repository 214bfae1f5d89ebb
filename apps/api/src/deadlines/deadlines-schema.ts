import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_STATUSES } from './deadline-queries';

export class LegalBasisSchema {
  @ApiProperty({ example: 'Luật THADS 2008 (sửa đổi 2014)' }) law!: string;
  @ApiProperty({ example: 'Điều 36.1' }) article!: string;
}

export class StepRefSchema {
  @ApiProperty({ example: 'receive' }) step!: string;
  @ApiProperty({ example: '2025-01-24' }) on!: string;
}

/** One deadline of one case (libs/domain/src/deadlines/evaluate.ts DeadlineItem) with its case, unit and enforcer. */
export class DeadlineItemSchema {
  @ApiProperty({ example: 'tet-1' }) caseId!: string;
  @ApiProperty({ example: 'kg-pq' }) unitId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'chv-07', description: 'The enforcer assigned to the case now' }) enforcerId!: string | null;
  @ApiProperty({ example: 'decide-on-request' }) rule!: string;
  @ApiProperty({ example: 'Ra quyết định thi hành án theo yêu cầu' }) title!: string;
  @ApiProperty({ type: LegalBasisSchema }) legalBasis!: LegalBasisSchema;
  @ApiProperty({ example: '2015' }) regime!: string;
  @ApiProperty({ example: 'agency' }) actor!: string;
  @ApiProperty({ example: 'agency' }) calendar!: string;
  @ApiProperty({ type: StepRefSchema }) trigger!: StepRefSchema;
  @ApiProperty({ example: '2025-01-24' }) startsOn!: string;
  @ApiProperty({ example: '2025-02-07' }) due!: string;
  @ApiProperty({ example: 'working days' }) unit!: string;
  @ApiProperty({ example: 5 }) length!: number;
  @ApiProperty({ enum: DEADLINE_STATUSES }) status!: string;
  @ApiPropertyOptional({ example: '2025-02-10' }) satisfiedOn?: string;
  @ApiPropertyOptional({ example: 3, description: 'Calendar days from the due date to the act (late)' }) daysLate?: number;
  @ApiPropertyOptional({ example: 12, description: 'Calendar days past due as of asOf (overdue)' }) daysOverdue?: number;
  @ApiPropertyOptional({ description: 'cancelled: case-ended, superseded or rule-lapsed' }) cancelReason?: string;
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
  @ApiProperty({ type: [DeadlineItemSchema] }) items!: DeadlineItemSchema[];
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
  @ApiProperty({ enum: ['own', 'subtree'], description: 'own: the cases of the unit asked for itself; subtree: a unit under it with everything under that one' }) scope!: string;
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
