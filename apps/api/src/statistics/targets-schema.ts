import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class UnitTargetsSchema {
  @ApiProperty({ example: 'kg' }) unitId!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: '83.90', description: 'Annual target about cases (%)' }) cases!: string;
  @ApiProperty({ example: '51.90', description: 'Annual target about money (%)' }) money!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'object', properties: { cases: { type: 'string' }, money: { type: 'string' } } },
    example: { 4: { cases: '27.17', money: '13.37' } },
    description: 'Period targets keyed by months since 1 October',
  })
  periods?: Record<string, { cases: string; money: string }>;
  @ApiProperty({ example: '2025-11-03', description: 'The business date the targets were set' }) setOn!: string;
  @ApiProperty({ example: 1234 }) position!: number;
}

export class UnitTargetsItemSchema {
  @ApiProperty({ example: 'kg-pq' }) unitId!: string;
  @ApiProperty({ example: 'Chi cục THADS Phú Quốc' }) name!: string;
  @ApiProperty({ example: 'district' }) level!: string;
  @ApiProperty({ type: String, nullable: true, example: 'kg' }) parentId!: string | null;
  @ApiProperty({ type: UnitTargetsSchema, nullable: true }) targets!: UnitTargetsSchema | null;
}

export class UnitTargetsListSchema {
  @ApiProperty({ example: 'kg' }) unitId!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: [UnitTargetsItemSchema] }) items!: UnitTargetsItemSchema[];
}
