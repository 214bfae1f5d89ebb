import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseFiguresSchema, MoneyFiguresSchema, TargetComparisonSchema } from './figures-schema';

export class UnitReportRowSchema {
  @ApiProperty({ example: 'kg-pq' }) unitId!: string;
  @ApiProperty({ example: 'Chi cục THADS Phú Quốc' }) name!: string;
  @ApiProperty({ example: 'district' }) level!: string;
  @ApiProperty({
    enum: ['total', 'own', 'subtree'],
    description:
      'total: the unit asked for, as its report; own: its own cases only (total less the subunits); subtree: a unit directly under it, as its report',
  })
  scope!: string;
  @ApiProperty({ type: CaseFiguresSchema }) cases!: CaseFiguresSchema;
  @ApiProperty({ type: MoneyFiguresSchema }) money!: MoneyFiguresSchema;
  @ApiPropertyOptional({
    type: TargetComparisonSchema,
    description: "The row unit's own targets for the reporting year of `to`, when set (not on `own`)",
  })
  target?: TargetComparisonSchema;
}

export class StatisticsByUnitSchema {
  @ApiProperty({ example: 'kg' }) unitId!: string;
  @ApiProperty({ example: '2025-10-01' }) from!: string;
  @ApiProperty({ example: '2026-03-31' }) to!: string;
  @ApiProperty({ type: String, nullable: true }) asKnownAt!: string | null;
  @ApiProperty({ type: [UnitReportRowSchema] }) rows!: UnitReportRowSchema[];
}
