import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The answers of /api/integrity/* and /api/cases/{caseId}/verify as described in OpenAPI
// (docs/api.md, docs/integrity.md); libs/application/src/integrity builds them.

export class AnchorSummarySchema {
  @ApiProperty() seq!: number;
  @ApiProperty({ description: 'Log position covered up to, as a decimal string' }) position!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() digest!: string;
  @ApiProperty({ example: 'ed25519:5d4adc89deddc066d87d443476427b38' }) keyFingerprint!: string;
}

export class BrokenLinkSchema {
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'The first revision at which the stream stops being the one that was written' })
  revision!: number;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional() expected?: string;
  @ApiPropertyOptional() actual?: string;
  @ApiProperty() position!: number;
}

export class CaseVerifyResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty() valid!: boolean;
  @ApiProperty({ description: 'Events read' }) checked!: number;
  @ApiPropertyOptional({ type: BrokenLinkSchema }) firstBroken?: BrokenLinkSchema;
}

export class AnchorFindingSchema {
  @ApiProperty() kind!: string;
  @ApiPropertyOptional() anchor?: number;
  @ApiPropertyOptional() line?: number;
  @ApiPropertyOptional() from?: string;
  @ApiPropertyOptional() to?: string;
  @ApiPropertyOptional() expected?: number;
  @ApiPropertyOptional() found?: number;
  @ApiProperty() detail!: string;
}

class AnchorWindow {
  @ApiProperty() afterPosition!: string;
  @ApiProperty() events!: number;
}

export class AnchorReportSchema {
  @ApiProperty() valid!: boolean;
  @ApiPropertyOptional() keyFingerprint?: string;
  @ApiProperty() anchors!: number;
  @ApiProperty() checked!: number;
  @ApiPropertyOptional({ type: AnchorSummarySchema }) latest?: AnchorSummarySchema;
  @ApiProperty({ type: AnchorWindow, description: 'Events after the latest anchor: no anchor covers them yet' })
  window!: AnchorWindow;
  @ApiProperty({ type: [AnchorFindingSchema] }) findings!: AnchorFindingSchema[];
}

export class LogVerificationResponse {
  @ApiProperty() valid!: boolean;
  @ApiProperty() checked!: number;
  @ApiProperty() streams!: number;
  @ApiProperty() brokenStreams!: number;
  @ApiPropertyOptional({ type: BrokenLinkSchema }) firstBroken?: BrokenLinkSchema;
  @ApiProperty({ type: [BrokenLinkSchema] }) broken!: BrokenLinkSchema[];
  @ApiProperty({ type: AnchorReportSchema }) anchors!: AnchorReportSchema;
}

class AnchorFileCheck {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [AnchorFindingSchema] }) findings!: AnchorFindingSchema[];
}

export class AnchorListResponse {
  @ApiProperty({ type: String, nullable: true }) keyFingerprint!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'PEM' }) publicKey!: string | null;
  @ApiProperty({ description: 'Anchors in the file' }) total!: number;
  @ApiProperty({ type: AnchorSummarySchema, nullable: true }) latest!: AnchorSummarySchema | null;
  @ApiProperty({ type: AnchorFileCheck, description: 'The file checked on its own (signatures, chain of anchors)' })
  file!: AnchorFileCheck;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'The latest anchors as written, or { line, error } for a line that cannot be read',
  })
  anchors!: Record<string, unknown>[];
}

export class AnchorWrittenResponse {
  @ApiProperty({ description: 'False when nothing was appended since the latest anchor' }) written!: boolean;
  @ApiProperty({ type: AnchorSummarySchema, nullable: true }) anchor!: AnchorSummarySchema | null;
  @ApiProperty({ type: String, nullable: true }) keyFingerprint!: string | null;
}
