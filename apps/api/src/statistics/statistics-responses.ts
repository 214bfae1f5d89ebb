import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CaseFiguresSchema,
  EntrustedInSchema,
  MoneyFiguresSchema,
  TargetComparisonSchema,
  TransferredSchema,
} from './figures-schema';
import { DRILL_COLUMNS } from '@thads/projections';

// The answers of /api/statistics* and /api/units/{unitId}/targets/{year} as described in OpenAPI
// (docs/api.md); libs/projections/src/statistics/report-shape.ts is the report's own type.

// The figures' schemas are built from the report's fixed keys (figures-schema.ts).

class FiguresSchema {
  @ApiProperty({ type: CaseFiguresSchema, description: 'Việc: counts (rate is a percentage string)' }) cases!: Record<
    string,
    number | string
  >;
  @ApiProperty({ type: MoneyFiguresSchema, description: 'Tiền: whole đồng as decimal strings' }) money!: Record<
    string,
    string
  >;
}

export class StatisticsReportResponse {
  @ApiProperty({ type: CaseFiguresSchema, description: 'Việc: counts (rate is a percentage string)' }) cases!: Record<
    string,
    number | string
  >;
  @ApiProperty({ type: MoneyFiguresSchema, description: 'Tiền: whole đồng as decimal strings' }) money!: Record<
    string,
    string
  >;
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The position or instant the report was restricted to' })
  asKnownAt!: string | null;
  @ApiPropertyOptional({ type: EntrustedInSchema, description: 'Of newlyAccepted, the cases received by entrustment' })
  entrustedIn?: EntrustedInSchema;
  @ApiPropertyOptional({
    type: TransferredSchema,
    description:
      'Cases moved in and out by transfer (chuyển giao, docs/reorganisation.md) during the period; total = carriedOver + newlyAccepted + in − out',
  })
  transferred?: TransferredSchema;
  @ApiPropertyOptional({
    type: [String],
    description:
      'The unit is taken as it was on `to`; these are the units besides those under it then whose figures it includes: the predecessors it continues',
  })
  includes?: string[];
  @ApiPropertyOptional({ type: TargetComparisonSchema }) target?: TargetComparisonSchema;
  @ApiPropertyOptional({
    type: FiguresSchema,
    description: 'The same units (includes) over the same period a year before',
  })
  samePeriodLastYear?: FiguresSchema;
}

class DrillItemSchema {
  @ApiProperty() caseId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ description: 'The ledger key the case is counted under' }) key!: string;
  @ApiProperty({ format: 'date' }) on!: string;
  @ApiProperty({ description: "The case's share of the money figure, whole đồng" }) amount!: string;
}

export class DrillDownResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: String, nullable: true }) asKnownAt!: string | null;
  @ApiProperty({ enum: DRILL_COLUMNS }) column!: string;
  @ApiProperty({ enum: ['cases', 'money'] }) measure!: string;
  @ApiProperty({ description: 'Equals the figure in `cases`' }) count!: number;
  @ApiPropertyOptional({ description: 'With money=true: equals the figure in `money`' }) amount?: string;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: [DrillItemSchema] }) items!: DrillItemSchema[];
}

class PolicySchema {
  @ApiProperty() id!: string;
  @ApiProperty() rule!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ enum: ['sure', 'likely', 'unsure'] }) confidence!: string;
}

export class PolicyListResponse {
  @ApiProperty({ type: [PolicySchema] }) items!: PolicySchema[];
}

class TargetRatesSchema {
  @ApiProperty({ example: '27.17' }) cases!: string;
  @ApiProperty({ example: '13.37' }) money!: string;
}

const PERIODS = {
  type: 'object' as const,
  additionalProperties: { $ref: '#/components/schemas/TargetRatesSchema' },
  description: 'Keyed by months since 1 October (1–12)',
};

export class TargetsResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ example: '83.90' }) cases!: string;
  @ApiProperty({ example: '51.90' }) money!: string;
  @ApiProperty(PERIODS) periods!: Record<string, TargetRatesSchema>;
  @ApiProperty({ format: 'date' }) setOn!: string;
  @ApiProperty() position!: number;
}

export class TargetsSetResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ example: '83.90' }) cases!: string;
  @ApiProperty({ example: '51.90' }) money!: string;
  @ApiPropertyOptional(PERIODS) periods?: Record<string, TargetRatesSchema>;
  @ApiProperty({ description: 'The targets stream revision: send it as expectedRevision next time' }) revision!: number;
  @ApiProperty() position!: number;
}

/** Registered so that `periods` can refer to it. */
export const STATISTICS_EXTRA_MODELS = [TargetRatesSchema];
