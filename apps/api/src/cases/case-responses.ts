import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORIGINS, STATE_LABELS, STATISTIC_CLASS } from '@thads/domain';
import { DeadlineItemSchema } from '../deadlines/deadline-responses';

// The answers of /api/cases as described in OpenAPI (docs/api.md); case-view.ts,
// libs/application/src/case-write-path.ts and the case-list read model build them.

export const STATE_NAMES = Object.keys(STATE_LABELS);
export const STATISTIC_CLASSES = [...new Set(Object.values(STATISTIC_CLASS))];

export class CommandResultResponse {
  @ApiProperty({ example: 'pq-2025-001' }) caseId!: string;
  @ApiProperty({ enum: STATE_NAMES, description: 'The state after the command' }) state!: string;
  @ApiProperty({ description: "The case stream's revision after the command: send it as expectedRevision next time" })
  revision!: number;
  @ApiProperty({ description: 'Log position of the event: pass as minPosition to read your write' }) position!: number;
  @ApiPropertyOptional({ description: 'True when an Idempotency-Key matched an earlier command: nothing was appended' })
  replayed?: boolean;
}

/** Whole đồng as decimal strings. */
export class CaseListAmounts {
  @ApiProperty({ example: '228188311000', description: 'Phải thi hành' }) due!: string;
  @ApiProperty({ example: '0', description: 'Đã thu' }) collected!: string;
  @ApiProperty({ example: '0', description: 'Đã chi trả' }) disbursed!: string;
  @ApiProperty({ example: '0', description: 'Được miễn, giảm' }) reduced!: string;
}

export class CaseAmounts extends CaseListAmounts {
  @ApiProperty({ example: '228188311000', description: 'Còn phải thi hành' }) remaining!: string;
}

export class JudgmentSchema {
  @ApiProperty({ example: 'TAND huyện Phú Quốc' }) court!: string;
  @ApiProperty({ example: '45/2024/DS-ST' }) number!: string;
  @ApiProperty({ format: 'date' }) date!: string;
}

export class PartySchema {
  @ApiProperty({ example: 'Trần Văn Bình' }) name!: string;
}

export class LatestStepSchema {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The event a correction would void' })
  eventId!: string | null;
  @ApiProperty() step!: string;
  @ApiProperty({ example: 'Xác minh điều kiện thi hành án' }) stepLabel!: string;
  @ApiProperty({ format: 'date' }) on!: string;
}

export class CaseLinkSchema {
  @ApiProperty({ example: 'pq-2025-001.ut' }) caseId!: string;
  @ApiProperty() unitId!: string;
}

export class NextDeadlineSchema {
  @ApiProperty() ruleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: ['open', 'overdue'] }) status!: string;
  @ApiPropertyOptional() daysOverdue?: number;
}

export class CaseViewResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ORIGINS }) origin!: string;
  @ApiProperty({ enum: STATE_NAMES }) state!: string;
  @ApiProperty({ example: 'Đã tiếp nhận' }) stateLabel!: string;
  @ApiProperty({ enum: STATISTIC_CLASSES }) statisticClass!: string;
  @ApiProperty({ type: CaseAmounts }) amounts!: CaseAmounts;
  @ApiProperty({ type: [String], description: 'Steps the lifecycle allows now' }) allowedSteps!: string[];
  @ApiProperty() revision!: number;
  @ApiProperty() position!: number;
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty({ format: 'date' }) lastStepOn!: string;
  @ApiProperty({ type: String, nullable: true }) enforcerId!: string | null;
  @ApiProperty({ type: JudgmentSchema }) judgment!: JudgmentSchema;
  @ApiProperty({ type: PartySchema }) creditor!: PartySchema;
  @ApiProperty({ type: PartySchema }) debtor!: PartySchema;
  @ApiProperty({ type: [DeadlineItemSchema], description: 'The procedural deadlines as of today' })
  deadlines!: DeadlineItemSchema[];
  @ApiProperty({
    type: LatestStepSchema,
    nullable: true,
    description: 'The latest effective step, the only one a correction may void',
  })
  latestStep!: LatestStepSchema | null;
  @ApiProperty({
    type: CaseLinkSchema,
    nullable: true,
    description: 'The case this one was entrusted from (Luật THADS Điều 57)',
  })
  entrustedFrom!: CaseLinkSchema | null;
  @ApiProperty({
    type: CaseLinkSchema,
    nullable: true,
    description: 'The case the receiving unit got when this one was entrusted',
  })
  entrustedTo!: CaseLinkSchema | null;
}

export class CaseListItem {
  @ApiProperty() caseId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ORIGINS }) origin!: string;
  @ApiProperty({ enum: STATE_NAMES }) state!: string;
  @ApiProperty({ enum: STATISTIC_CLASSES }) statisticClass!: string;
  @ApiProperty({ type: CaseListAmounts }) amounts!: CaseListAmounts;
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty({ format: 'date' }) lastStepOn!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: String, nullable: true }) enforcerId!: string | null;
  @ApiProperty({ description: "The creditor's name" }) creditor!: string;
  @ApiProperty({ description: "The debtor's name" }) debtor!: string;
  @ApiProperty() judgmentNumber!: string;
  @ApiProperty({
    type: NextDeadlineSchema,
    nullable: true,
    description: 'The nearest open or overdue procedural deadline, as of today',
  })
  nextDeadline!: NextDeadlineSchema | null;
}

export class CaseListPage {
  @ApiProperty() unitId!: string;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ description: 'Cases matching the filter, over all pages' }) total!: number;
  @ApiProperty({ type: [CaseListItem] }) items!: CaseListItem[];
}
