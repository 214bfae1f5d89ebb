import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_STATUSES } from './deadline-queries';
import { DeadlineItemSchema } from './deadline-responses';

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
