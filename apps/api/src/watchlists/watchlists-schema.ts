import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The answers of /api/watchlists* and /api/statistics/outlook as described in OpenAPI (docs/watchlists.md,
// docs/outlook.md); libs/projections/src/watchlists and outlook hold their own types.

class ChangeSchema {
  @ApiProperty({ description: 'Cases on the list now less those on 30 September before' }) cases!: number;
  @ApiProperty({ description: 'The same for the money, whole đồng (may be negative)' }) money!: string;
  @ApiProperty({ format: 'date', description: '1 October: the start of the reporting year' }) from!: string;
}

class SourceSchema {
  @ApiProperty({ description: 'The report or instruction that asks for the list' }) text!: string;
  @ApiProperty({ enum: ['high', 'medium', 'low'] }) confidence!: string;
  @ApiPropertyOptional({ description: 'What of the rule is our reading' }) note?: string;
}

class WatchListSummarySchema {
  @ApiProperty({ example: 'credit-over-20bn-3y' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Cases on the list as of the day' }) cases!: number;
  @ApiProperty({ description: 'Their money, whole đồng' }) money!: string;
  @ApiProperty({ type: ChangeSchema }) sinceYearStart!: ChangeSchema;
  @ApiProperty({ description: 'Cases meeting every condition but a kind never recorded ("unknown")' })
  unknownKind!: number;
  @ApiProperty({ type: SourceSchema }) source!: SourceSchema;
}

export class WatchListsResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: String, nullable: true }) asKnownAt!: string | null;
  @ApiProperty({ type: [WatchListSummarySchema] }) lists!: WatchListSummarySchema[];
}

class StepSchema {
  @ApiProperty() step!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date' }) on!: string;
}

class NextDeadlineSchema {
  @ApiProperty() rule!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) due!: string;
  @ApiProperty({ enum: ['open', 'overdue'] }) status!: string;
  @ApiPropertyOptional() daysOverdue?: number;
}

class SaleSchema {
  @ApiProperty({ format: 'date' }) soldOn!: string;
  @ApiProperty() price!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) paidInFullOn!: string | null;
}

export class CaseStandingSchema {
  @ApiProperty() caseId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ description: 'Amount ordered, whole đồng' }) due!: string;
  @ApiProperty({ description: 'What remains to be enforced on the day, whole đồng' }) remaining!: string;
  @ApiProperty({
    enum: ['unclassified', 'inProgress', 'withoutConditions', 'postponed', 'suspended', 'completed'],
  })
  standing!: string;
  @ApiProperty({ type: String, nullable: true }) creditorKind!: string | null;
  @ApiProperty({ type: String, nullable: true }) judgmentKind!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) withConditionsSince!: string | null;
  @ApiProperty({ type: StepSchema, nullable: true, description: 'The latest step by the day' })
  currentStep!: StepSchema | null;
  @ApiProperty({ type: NextDeadlineSchema, nullable: true, description: "The office's nearest running deadline" })
  nextDeadline!: NextDeadlineSchema | null;
  @ApiProperty({ description: 'Auctions without a sale since the last sale' }) unsoldAuctions!: number;
  @ApiProperty({ type: SaleSchema, nullable: true, description: 'A sale not yet delivered to the buyer' })
  undeliveredSale!: SaleSchema | null;
}

class WatchListItemSchema extends CaseStandingSchema {
  @ApiProperty({ description: "The case's share of the list's money" }) money!: string;
}

export class WatchListCasesResponse {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: String, nullable: true }) asKnownAt!: string | null;
  @ApiProperty({ description: 'Cases on the list (all pages)' }) total!: number;
  @ApiProperty({ description: 'Their money (all pages), whole đồng' }) money!: string;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: [WatchListItemSchema] }) items!: WatchListItemSchema[];
}

class OutlookMeasureSchema {
  @ApiProperty({ type: String, nullable: true, description: 'The rate from 1 October to the day, percent' })
  now!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Expected on 30 September' }) expected!: string | null;
  @ApiProperty({ type: String, nullable: true }) low!: string | null;
  @ApiProperty({ type: String, nullable: true }) high!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The annual target' }) target!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'expected − target, percentage points' })
  gap!: string | null;
  @ApiProperty() resolvedNow!: string;
  @ApiProperty() withConditionsNow!: string;
  @ApiProperty({ type: String, nullable: true }) resolvedExpected!: string | null;
  @ApiProperty({ type: String, nullable: true }) withConditionsExpected!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'More to resolve than expected to reach the target' })
  toCloseTheGap!: string | null;
}

class AddsSchema {
  @ApiProperty({ description: 'Percentage points to the cases rate' }) cases!: string;
  @ApiProperty({ description: 'Percentage points to the money rate' }) money!: string;
}

class CloseTheGapSchema extends CaseStandingSchema {
  @ApiProperty({ type: AddsSchema }) adds!: AddsSchema;
}

export class OutlookResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: [Number], description: 'The past reporting years the forecast drew on' }) basedOn!: number[];
  @ApiProperty({ type: OutlookMeasureSchema }) cases!: OutlookMeasureSchema;
  @ApiProperty({ type: OutlookMeasureSchema }) money!: OutlookMeasureSchema;
  @ApiProperty({ type: [CloseTheGapSchema] }) closeTheGap!: CloseTheGapSchema[];
}
