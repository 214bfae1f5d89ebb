import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERIES_INTERVALS } from '@thads/projections';
import {
  CaseFiguresSchema,
  EntrustedInSchema,
  MoneyFiguresSchema,
  TargetComparisonSchema,
  TransferredSchema,
} from './figures-schema';

export class SeriesPointSchema {
  @ApiProperty({
    example: '2025-10-01',
    description: '1 October of the reporting year of `to`: points are cumulative, as the offices count',
  })
  from!: string;
  @ApiProperty({
    example: '2026-03-31',
    description: "The last day of the month (the series' own `to` for the last point)",
  })
  to!: string;
  @ApiPropertyOptional({
    type: [String],
    description:
      "As in the report: the unit is taken as it was on the point's `to`, with the predecessors it continues (docs/reorganisation.md)",
  })
  includes?: string[];
  @ApiProperty({ type: CaseFiguresSchema }) cases!: CaseFiguresSchema;
  @ApiProperty({ type: MoneyFiguresSchema }) money!: MoneyFiguresSchema;
  @ApiPropertyOptional({
    type: EntrustedInSchema,
    description: 'As in the report: present when the period has cases received by entrustment',
  })
  entrustedIn?: EntrustedInSchema;
  @ApiPropertyOptional({
    type: TransferredSchema,
    description: 'As in the report: present when cases were transferred in or out during the period',
  })
  transferred?: TransferredSchema;
  @ApiPropertyOptional({
    type: TargetComparisonSchema,
    description: 'As in the report: present when targets were set for the unit and the reporting year',
  })
  target?: TargetComparisonSchema;
}

export class StatisticsSeriesSchema {
  @ApiProperty({ example: 'kg' }) unitId!: string;
  @ApiProperty({ example: '2025-10-01' }) from!: string;
  @ApiProperty({ example: '2026-09-30' }) to!: string;
  @ApiProperty({ enum: SERIES_INTERVALS }) interval!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The position or instant the points were restricted to, or null',
  })
  asKnownAt!: string | null;
  @ApiProperty({ type: [SeriesPointSchema] }) points!: SeriesPointSchema[];
}
