import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { REPORT_LEVELS } from '@thads/domain';
import { PERIOD_LIST_IDS } from '@thads/projections';
import { XLSX } from './form-output';

// The answers of /api/reports* as described in OpenAPI (docs/api.md); the types they mirror are
// libs/projections/src/reports/form-shape.ts (ReportForm), period-lists.ts, form-changes.ts and
// ./submissions.ts (SubmissionSummary).

/** A row's or the totals' figures by column key, every figure a string (docs/reports.md). */
const FIGURES = {
  type: 'object',
  additionalProperties: { type: 'string' },
  description: 'Figures by column key, as strings (việc, or nghìn đồng for money forms; rate a percentage "47.30")',
} as const;

export class ReportFormCatalogueEntry {
  @ApiProperty({ example: '01', description: "TT 05/2024/TT-BTP's two-digit form number" }) id!: string;
  @ApiProperty({ example: 'TT 05/2024/TT-BTP' }) regime!: string;
  @ApiProperty({ format: 'date', description: 'First period end the form applies to' }) appliesFrom!: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last period end it applies to; null: still in force',
  })
  appliesUntil!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The instrument and article the form comes from' }) basis!: string;
  @ApiProperty({ description: 'false: the recorded events do not carry what the form needs (`why`)' })
  available!: boolean;
  @ApiPropertyOptional({ enum: ['việc', 'nghìn đồng'] }) unit?: string;
  @ApiPropertyOptional({
    enum: ['subunits', 'enforcers'],
    description: 'Rows by subunit, or by enforcer of the agency',
  })
  rows?: string;
  @ApiPropertyOptional({ description: 'Each row split into chủ động and theo yêu cầu' }) splitByOrigin?: boolean;
  @ApiPropertyOptional() layoutKnown?: boolean;
  @ApiPropertyOptional() layoutNote?: string;
  @ApiPropertyOptional({ description: 'Why the form is not built (available: false)' }) why?: string;
}

export class PeriodListCatalogueEntry {
  @ApiProperty({ enum: PERIOD_LIST_IDS }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() available!: boolean;
  @ApiPropertyOptional({ description: 'Why the list cannot be built (available: false)' }) why?: string;
}

export class ReportCatalogueResponse {
  @ApiProperty({ type: [ReportFormCatalogueEntry] }) forms!: ReportFormCatalogueEntry[];
  @ApiProperty({ type: [PeriodListCatalogueEntry], description: 'The period-end lists (TT 05/2024/TT-BTP Điều 8)' })
  lists!: PeriodListCatalogueEntry[];
}

export class ReportFormColumnSchema {
  @ApiProperty({ example: 'newlyAccepted', description: 'The report key of GET /api/statistics, or a sum of keys' })
  key!: string;
  @ApiProperty({ type: 'integer', description: 'The number printed under the heading' }) number!: number;
  @ApiProperty() label!: string;
  @ApiPropertyOptional({ description: 'The heading spanning this column and its neighbours with the same group' })
  group?: string;
}

export class ReportFormRowSchema {
  @ApiProperty({ description: 'The agency the row belongs to' }) unitId!: string;
  @ApiProperty({
    example: 'kg-pq/exOfficio',
    description: '`<unitId>`, `<unitId>/exOfficio`, `<unitId>/enforcer:<id>`',
  })
  rowKey!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: 'integer', description: '0: a unit or agency; 1: its split (origin or enforcer)' })
  depth!: number;
  @ApiPropertyOptional({ enum: ['exOfficio', 'onRequest'] }) origin?: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'On a row by enforcer: null for the cases assigned to no one',
  })
  enforcerId?: string | null;
  @ApiProperty(FIGURES) cells!: Record<string, string>;
}

class ConsolidatedSubmissionSchema {
  @ApiProperty() unitId!: string;
  @ApiProperty() submissionId!: string;
}

class ReportConsolidationSchema {
  @ApiProperty({ enum: ['submitted'] }) basis!: string;
  @ApiProperty({
    type: [ConsolidatedSubmissionSchema],
    description: "Each subunit's latest submission the rows are taken from",
  })
  submissions!: ConsolidatedSubmissionSchema[];
  @ApiProperty({ type: [String], description: 'The subunits that sent none' }) notSubmitted!: string[];
}

export class ReportFormResponse {
  @ApiProperty({ example: '01' }) form!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiPropertyOptional({
    type: [String],
    description:
      'As in the statistics report: the unit as it was on `to`; these are the units besides those under it then whose figures it covers (its predecessors)',
  })
  includes?: string[];
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ example: 'TT 05/2024/TT-BTP' }) regime!: string;
  @ApiProperty() title!: string;
  @ApiProperty() basis!: string;
  @ApiProperty({ enum: ['việc', 'nghìn đồng'] }) unit!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The log position or instant the figures were restricted to; null: all known now',
  })
  asKnownAt!: string | null;
  @ApiProperty() layoutKnown!: boolean;
  @ApiProperty() layoutNote!: string;
  @ApiPropertyOptional({ description: 'Money forms: how whole đồng became nghìn đồng' }) rounding?: string;
  @ApiProperty({
    type: [String],
    example: ['total = carriedOver + newlyAccepted'],
    description: 'Identities between columns, in column keys',
  })
  identities!: string[];
  @ApiProperty({ type: [ReportFormColumnSchema] }) columns!: ReportFormColumnSchema[];
  @ApiProperty({ type: [ReportFormRowSchema] }) rows!: ReportFormRowSchema[];
  @ApiProperty(FIGURES) totals!: Record<string, string>;
  @ApiPropertyOptional({
    type: ReportConsolidationSchema,
    description: "basis=submitted: built from the subunits' submissions",
  })
  consolidated?: ReportConsolidationSchema;
}

class PeriodListItemSchema {
  @ApiProperty() caseId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date' }) on!: string;
  @ApiProperty({ description: 'Whole đồng, decimal string' }) amount!: string;
  @ApiProperty({ type: String, nullable: true }) creditor!: string | null;
  @ApiProperty({ type: String, nullable: true }) debtor!: string | null;
  @ApiProperty({ type: String, nullable: true }) judgmentNumber!: string | null;
}

export class PeriodListResponse {
  @ApiProperty({ enum: PERIOD_LIST_IDS }) list!: string;
  @ApiProperty() title!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: String, nullable: true }) asKnownAt!: string | null;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: [PeriodListItemSchema] }) items!: PeriodListItemSchema[];
}

class ReportDeadlineSchema {
  @ApiProperty({ format: 'date', description: 'The last day to send (TT 05/2024/TT-BTP Điều 10)' }) due!: string;
  @ApiProperty({ enum: ['met', 'late', 'open', 'overdue'], description: 'met, late: sent; open, overdue: not yet' })
  status!: string;
  @ApiProperty({ enum: REPORT_LEVELS }) level!: string;
}

export class ReportSubmissionSchema {
  @ApiProperty() submissionId!: string;
  @ApiProperty({ example: '01' }) form!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ description: 'The log position the figures were taken at' }) position!: string;
  @ApiProperty({ description: "The event's hash in its stream's chain (docs/integrity.md)" }) hash!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty() submittedBy!: string;
  @ApiPropertyOptional({ description: 'Why it was sent again (gửi lại báo cáo)' }) reason?: string;
  @ApiPropertyOptional({ description: 'The submission this one replaces' }) replaces?: string;
  @ApiPropertyOptional({ type: ReportDeadlineSchema, description: 'Absent for the central unit, which has none' })
  deadline?: ReportDeadlineSchema;
}

export class ReportSubmissionResponse extends ReportSubmissionSchema {
  @ApiProperty({ type: [ReportFormColumnSchema] }) columns!: ReportFormColumnSchema[];
  @ApiProperty({ type: [ReportFormRowSchema] }) rows!: ReportFormRowSchema[];
  @ApiProperty(FIGURES) totals!: Record<string, string>;
  @ApiProperty({ type: ReportFormResponse, description: 'The form exactly as sent' }) report!: ReportFormResponse;
}

class SubunitSubmissionSchema {
  @ApiProperty() unitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Its first submission for the period; null: none yet' })
  firstSubmissionId!: string | null;
  @ApiProperty({ type: ReportDeadlineSchema, nullable: true }) deadline!: ReportDeadlineSchema | null;
}

export class ReportSubmissionsResponse {
  @ApiProperty({ example: '01' }) form!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({
    type: ReportDeadlineSchema,
    nullable: true,
    description: "The unit's deadline, judged on its first submission; null for the central unit",
  })
  deadline!: ReportDeadlineSchema | null;
  @ApiProperty({ type: [ReportSubmissionSchema], description: 'Oldest first' }) submissions!: ReportSubmissionSchema[];
  @ApiProperty({ type: [SubunitSubmissionSchema], description: 'Each unit directly below' })
  subunits!: SubunitSubmissionSchema[];
}

class ReportCellChangeSchema {
  @ApiProperty() rowUnitId!: string;
  @ApiProperty({ description: 'The row, or `totals`' }) rowKey!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'The column key' }) column!: string;
  @ApiProperty() submitted!: string;
  @ApiProperty() now!: string;
  @ApiProperty({ type: [String], description: 'The cases this cell counts with a move recorded after the submission' })
  caseIds!: string[];
}

export class ReportChangesResponse {
  @ApiProperty() submissionId!: string;
  @ApiProperty({ example: '01' }) form!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ description: "The submission's log position" }) position!: string;
  @ApiProperty({ type: [ReportCellChangeSchema], description: 'The cells that differ' })
  cells!: ReportCellChangeSchema[];
}

/** A form's answer in each `format`: JSON (`model`), CSV, the A4 print view, or an .xlsx workbook. */
export const ApiFormAnswer = (model: Type<unknown>, description: string): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(model) } },
        'text/csv': { schema: { type: 'string' } },
        'text/html': { schema: { type: 'string' } },
        [XLSX]: { schema: { type: 'string', format: 'binary' } },
      },
    }),
  );
