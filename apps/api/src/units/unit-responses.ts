import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UNIT_LEVELS } from '@thads/domain';

// The answers of /api/units as described in OpenAPI (docs/api.md).

export class UnitRegisteredResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'Log position of the event: pass as minPosition to read your write' }) position!: number;
  @ApiPropertyOptional({ description: 'True when an Idempotency-Key matched an earlier command' }) replayed?: boolean;
}

class UnitRowSchema {
  @ApiProperty({ example: 'kg-pq' }) unitId!: string;
  @ApiProperty({ example: 'Chi cục THADS Phú Quốc' }) name!: string;
  @ApiProperty({ enum: UNIT_LEVELS }) level!: string;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiPropertyOptional({ example: '/vn/kg/kg-pq/', description: 'The unit and its ancestors now (without asOf)' })
  path?: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'With asOf: first day the unit exists (null: always)',
  })
  validFrom?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'With asOf: last day it exists (null: still exists)',
  })
  validTo?: string | null;
  @ApiPropertyOptional({
    type: [String],
    description: 'With asOf: the units it continues (merged, split, renamed into it)',
  })
  predecessors?: string[];
  @ApiPropertyOptional({ type: [String], description: 'With asOf: the units that continue it' })
  successors?: string[];
}

export class UnitListResponse {
  @ApiPropertyOptional({
    example: '2025-07-01',
    description: 'The date asked: the units existing that day, as they were',
  })
  asOf?: string;
  @ApiProperty({ type: [UnitRowSchema] }) items!: UnitRowSchema[];
}

/** A unit as it was on a date (GET /api/units?asOf=, GET /api/units/{unitId}). */
export class UnitOnDateSchema {
  @ApiProperty({ example: 'ag' }) unitId!: string;
  @ApiProperty({ example: 'Thi hành án dân sự tỉnh An Giang' }) name!: string;
  @ApiProperty({ enum: UNIT_LEVELS }) level!: string;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'First day the unit exists (null: always)' })
  validFrom!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Last day the unit exists (null: still exists)' })
  validTo!: string | null;
  @ApiProperty({ type: [String], description: 'Units merged into, split into or renamed to this one by then' })
  predecessors!: string[];
  @ApiProperty({ type: [String], description: 'Units this one was merged, split or renamed into by then' })
  successors!: string[];
}

class TransferPlanSchema {
  @ApiProperty() caseId!: string;
  @ApiProperty() fromUnitId!: string;
  @ApiProperty() toUnitId!: string;
}

export class ReorganisationResponse {
  @ApiProperty() reorganisationId!: string;
  @ApiProperty({ example: '2025-07-01' }) on!: string;
  @ApiProperty({ enum: ['merge', 'split', 'rename', 'close'] }) kind!: string;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'Open cases transferred (or that would be) to a successor' }) movedCases!: number;
  @ApiProperty({ type: [TransferPlanSchema], description: 'The transfers, the first 1,000' })
  transfers!: TransferPlanSchema[];
  @ApiProperty({ type: [String] }) newUnits!: string[];
  @ApiProperty({ type: [String] }) changedUnits!: string[];
  @ApiPropertyOptional({ description: 'Log position of the last event appended (pass as minPosition)' })
  position?: number;
}
