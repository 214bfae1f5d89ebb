import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseAmounts, JudgmentSchema, PartySchema, STATE_NAMES, STATISTIC_CLASSES } from '../cases/case-responses';
import { DeadlineItemSchema } from '../deadlines/deadline-responses';
import { AnchorSummarySchema } from '../integrity/integrity-responses';

// GET /api/cases/{caseId}/history as described in OpenAPI (docs/api.md);
// libs/application/src/history/case-history.ts builds it.

class ActorSchema {
  @ApiProperty() id!: string;
  @ApiProperty() role!: string;
  @ApiProperty() unitId!: string;
}

export class HistoryEntrySchema {
  @ApiProperty() position!: number;
  @ApiProperty() revision!: number;
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'CaseReceived' }) type!: string;
  @ApiProperty({ type: String, nullable: true, example: 'receive' }) step!: string | null;
  @ApiProperty() stepLabel!: string;
  @ApiProperty({ format: 'date' }) on!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: ActorSchema }) actor!: ActorSchema;
  @ApiProperty() recordingDelayDays!: number;
  @ApiProperty() lateRecorded!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data as recorded" })
  data!: Record<string, unknown>;
  @ApiProperty({ description: 'False when the lifecycle did not accept the event (kept in the log, changes nothing)' })
  applied!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The correction that voided this step' }) correctedBy!:
    string | null;
  @ApiProperty({ enum: STATE_NAMES }) stateAfter!: string;
  @ApiProperty() stateAfterLabel!: string;
  @ApiProperty({ type: CaseAmounts }) amountsAfter!: CaseAmounts;
  @ApiProperty({ type: [DeadlineItemSchema] }) deadlinesOpened!: DeadlineItemSchema[];
  @ApiProperty({ type: [DeadlineItemSchema] }) deadlinesMet!: DeadlineItemSchema[];
}

class CaseFactsSchema {
  @ApiProperty() unitId!: string;
  @ApiProperty() origin!: string;
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty({ type: JudgmentSchema }) judgment!: JudgmentSchema;
  @ApiProperty({ type: PartySchema }) creditor!: PartySchema;
  @ApiProperty({ type: PartySchema }) debtor!: PartySchema;
}

export class CaseHistoryResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) asOf!: string | null;
  @ApiProperty({ type: String, nullable: true }) asKnownAt!: string | null;
  @ApiProperty() lateRecordingDays!: number;
  @ApiProperty({
    type: String,
    enum: STATE_NAMES,
    nullable: true,
    description: 'Null when the case was not yet received as of that date',
  })
  state!: string | null;
  @ApiProperty() stateLabel!: string;
  @ApiProperty({ type: String, enum: STATISTIC_CLASSES, nullable: true }) statisticClass!: string | null;
  @ApiProperty({ type: CaseAmounts, nullable: true }) amounts!: CaseAmounts | null;
  @ApiProperty({ type: [String] }) allowedSteps!: string[];
  @ApiProperty({ type: [DeadlineItemSchema] }) deadlines!: DeadlineItemSchema[];
  @ApiProperty({ type: Number, nullable: true }) revision!: number | null;
  @ApiProperty({ type: CaseFactsSchema, nullable: true }) case!: CaseFactsSchema | null;
  @ApiProperty({ type: [HistoryEntrySchema] }) events!: HistoryEntrySchema[];
  @ApiPropertyOptional({ type: AnchorSummarySchema, description: "The log's latest anchor when the history was read" })
  anchor?: AnchorSummarySchema;
  @ApiPropertyOptional({ description: 'Events recorded after the anchor' }) eventsAfterAnchor?: number;
}
