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
  @ApiProperty({ example: '/vn/kg/kg-pq/', description: 'The unit and its ancestors' }) path!: string;
}

export class UnitListResponse {
  @ApiProperty({ type: [UnitRowSchema] }) items!: UnitRowSchema[];
}
