import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Max,
  Min,
  registerDecorator,
  IsUUID,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';
import {
  ASSET_KINDS,
  AUCTION_RESULTS,
  CASE_CLASSES,
  CREDITOR_KINDS,
  IMMEDIATE_SEIZURE_GROUNDS,
  JUDGMENT_KINDS,
  LIMITATION_GROUNDS,
  NOTICE_RECIPIENTS,
  POSTPONE_REASONS,
  REFUSE_REASONS,
  RELIEF_GROUNDS,
  STATE_BUDGET_ITEMS,
  STEP_NAMES,
  StepName,
  SUSPEND_REASONS,
  TERMINATE_REASONS,
  WITHOUT_CONDITIONS_GROUNDS,
} from '@thads/domain';
import { ID_PATTERN, IsLocalDate, IsPositiveVnd, MAX_REVISION } from './validators';

// Reason codes by step; a correction's reason is free text (why the record was wrong).
export const REASONS: Partial<Record<StepName, ReadonlyArray<string>>> = {
  terminate: TERMINATE_REASONS,
  postpone: POSTPONE_REASONS,
  suspend: SUSPEND_REASONS,
  refuse: REFUSE_REASONS,
};
const is =
  (...steps: StepName[]) =>
  (o: StepRequest) =>
    steps.includes(o.step);
const has = (key: keyof StepRequest) => (o: StepRequest) => o[key] !== undefined;
// recordCaseKinds names at least one kind: an empty one would record nothing.
const noKindNamed = (o: StepRequest) =>
  o.step === 'recordCaseKinds' &&
  o.creditorKind === undefined &&
  o.judgmentKind === undefined &&
  o.steeringCommittee === undefined;

/**
 * POST /api/cases/{caseId}/steps (docs/architecture.md §5–6). Only the fields a step names are
 * required besides `step` and `on`; a field no step uses is refused (forbidNonWhitelisted).
 * The bulk import's quick check (quick-accept.ts) must accept nothing these rules refuse.
 */
export class StepRequest {
  @ApiProperty({ enum: STEP_NAMES }) @IsIn(STEP_NAMES) step!: StepName;
  @ApiProperty({ example: '2025-02-07', description: 'Ngày của bước (ngày ký quyết định, ngày xác minh…)' })
  @IsLocalDate()
  on!: string;
  @ApiPropertyOptional({ description: 'Optimistic concurrency: the revision the client read' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_REVISION)
  expectedRevision?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;

  @ApiPropertyOptional({ description: 'assign' }) @ValidateIf(is('assign')) @Matches(ID_PATTERN) enforcerId?: string;
  @ApiPropertyOptional({ enum: CASE_CLASSES, description: 'classify' })
  @ValidateIf(is('classify'))
  @IsIn(CASE_CLASSES)
  class?: string;
  @ApiPropertyOptional({ enum: WITHOUT_CONDITIONS_GROUNDS, description: 'classify withoutConditions (Điều 44a)' })
  @ValidateIf((o: StepRequest) => o.step === 'classify' && o.class === 'withoutConditions')
  @IsIn(WITHOUT_CONDITIONS_GROUNDS)
  ground?: string;
  @ApiPropertyOptional({ enum: AUCTION_RESULTS, description: 'auction' })
  @ValidateIf(is('auction'))
  @IsIn(AUCTION_RESULTS)
  result?: string;
  @ApiPropertyOptional({ description: 'auction sold (đồng), value (optional)' })
  @ValidateIf((o: StepRequest) => (o.step === 'auction' && o.result === 'sold') || o.price !== undefined)
  @IsPositiveVnd()
  price?: string;
  @ApiPropertyOptional({ description: 'collect, disburse, reduce (đồng)' })
  @ValidateIf(is('collect', 'disburse', 'reduce'))
  @IsPositiveVnd()
  amount?: string;
  @ApiPropertyOptional({
    description: 'terminate (Điều 50), postpone (Điều 48), suspend (Điều 49), refuse (Điều 31.5); correct: why',
  })
  @ValidateIf(
    (o: StepRequest) =>
      ['terminate', 'postpone', 'suspend', 'correct'].includes(o.step) ||
      (['refuse', 'transfer'].includes(o.step) && o.reason !== undefined),
  )
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @ReasonFitsStep()
  reason?: string;
  @ApiPropertyOptional({ description: 'correct: the id of the latest effective event, which this correction voids' })
  @ValidateIf(is('correct'))
  @IsUUID()
  correctsEventId?: string;
  @ApiPropertyOptional({ description: 'entrust, transfer: the receiving unit' })
  @ValidateIf(is('entrust', 'transfer'))
  @Matches(ID_PATTERN)
  toUnitId?: string;
  @ApiPropertyOptional({ description: 'transfer: the reorganisation that moves the case (docs/reorganisation.md)' })
  @ValidateIf(has('reorganisationId'))
  @Matches(ID_PATTERN)
  reorganisationId?: string;
  @ApiPropertyOptional({ enum: ASSET_KINDS }) @ValidateIf(has('assetKind')) @IsIn(ASSET_KINDS) assetKind?: string;
  @ApiPropertyOptional({
    description: 'Ngày phát sinh căn cứ (hoãn, tạm đình chỉ, đình chỉ, ủy thác, tiếp tục, chưa có điều kiện thi hành)',
  })
  @ValidateIf(has('groundOn'))
  @IsLocalDate()
  groundOn?: string;
  @ApiPropertyOptional({
    description:
      'value: ngày ký hợp đồng dịch vụ thẩm định giá (Điều 98.2); auction: ngày ký hợp đồng dịch vụ đấu giá, ' +
      'từ đó tính thời hạn tổ chức đấu giá (Điều 101.2), khi hợp đồng chưa được ghi bằng bước signAuctionContract ' +
      '(bước đó ghi hợp đồng ngay khi ký, trước cuộc đấu giá). Không sau ngày của bước.',
  })
  @ValidateIf(has('contractOn'))
  @IsLocalDate()
  @ContractOfStep()
  contractOn?: string;
  @ApiPropertyOptional({
    description: 'decide (optional); reduce: the number of the court decision on miễn, giảm (Điều 64)',
  })
  @ValidateIf((o: StepRequest) => o.step === 'reduce' || o.decisionNumber !== undefined)
  @IsString()
  @MaxLength(100)
  decisionNumber?: string;
  @ApiPropertyOptional({ description: 'reduce: the court that decided the miễn, giảm (Luật THADS Điều 63–64)' })
  @ValidateIf(is('reduce'))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  court?: string;
  @ApiPropertyOptional({ description: 'reduce: the date of the court decision' })
  @ValidateIf(is('reduce'))
  @IsLocalDate()
  decisionOn?: string;
  @ApiPropertyOptional({
    enum: STATE_BUDGET_ITEMS,
    description: 'reduce: the State-budget receipt waived or reduced (Điều 61)',
  })
  @ValidateIf(is('reduce'))
  @IsIn(STATE_BUDGET_ITEMS)
  stateBudgetItem?: string;
  @ApiPropertyOptional({ enum: RELIEF_GROUNDS, description: 'reduce: waiver on hardship or great merit (Điều 61.4)' })
  @ValidateIf(has('reliefGround'))
  @IsIn(RELIEF_GROUNDS)
  reliefGround?: string;
  @ApiPropertyOptional({
    enum: LIMITATION_GROUNDS,
    description: 'decide: why a request past the 5-year limitation is enforced (Điều 30)',
  })
  @ValidateIf(has('limitationGround'))
  @IsIn(LIMITATION_GROUNDS)
  limitationGround?: string;
  @ApiPropertyOptional({
    enum: IMMEDIATE_SEIZURE_GROUNDS,
    description: 'seize: why before the voluntary period ran out (Điều 45.2)',
  })
  @ValidateIf(has('immediateGround'))
  @IsIn(IMMEDIATE_SEIZURE_GROUNDS)
  immediateGround?: string;
  @ApiPropertyOptional({
    description:
      'collect: với khoản này người mua trúng đấu giá đã nộp đủ tiền (NĐ 62/2015 Điều 27.3; NĐ 152/2026 Điều 65.1); ' +
      'chỉ khi việc có cuộc bán đấu giá thành chưa nộp đủ tiền (nếu không: 409 case.step-not-allowed)',
  })
  @ValidateIf(has('buyerPaidInFull'))
  @IsBoolean()
  @OnlyWith('collect')
  buyerPaidInFull?: boolean;
  @ApiPropertyOptional() @ValidateIf(has('recipient')) @IsString() @MaxLength(300) recipient?: string;
  @ApiPropertyOptional({
    enum: NOTICE_RECIPIENTS,
    description:
      'notify: gửi cho ai — đương sự (mặc định; Điều 39), Viện kiểm sát cùng cấp (gửi quyết định về thi hành án, Điều 38), ' +
      'hoặc công khai thông tin người phải thi hành án chưa có điều kiện (TT 04/2023/TT-BTP Điều 5; NĐ 152/2026 Điều 23)',
  })
  @ValidateIf(has('to'))
  @IsIn(NOTICE_RECIPIENTS)
  @OnlyWith('notify')
  to?: string;
  @ApiPropertyOptional({
    description:
      'verify: ngày nhận kết quả xác minh của người được thi hành án khác với kết quả của Chấp hành viên (hoặc kháng nghị); ' +
      'xác minh lại trong 5 ngày làm việc (Luật THADS Điều 44.5). Không sau ngày của bước.',
  })
  @ValidateIf(has('findingOn'))
  @IsLocalDate()
  @OnlyWith('verify')
  @NotAfterStep()
  findingOn?: string;
  @ApiPropertyOptional({
    enum: CREDITOR_KINDS,
    description:
      'recordCaseKinds: loại người được thi hành án (ít nhất một trong creditorKind, judgmentKind, steeringCommittee)',
  })
  @ValidateIf((o: StepRequest) => has('creditorKind')(o) || noKindNamed(o))
  @IsIn(CREDITOR_KINDS)
  @OnlyWith('recordCaseKinds')
  creditorKind?: string;
  @ApiPropertyOptional({ enum: JUDGMENT_KINDS, description: 'recordCaseKinds: loại bản án, quyết định' })
  @ValidateIf(has('judgmentKind'))
  @IsIn(JUDGMENT_KINDS)
  @OnlyWith('recordCaseKinds')
  judgmentKind?: string;
  @ApiPropertyOptional({ description: 'recordCaseKinds: việc được Ban chỉ đạo theo dõi' })
  @ValidateIf(has('steeringCommittee'))
  @IsBoolean()
  @OnlyWith('recordCaseKinds')
  steeringCommittee?: boolean;
  @ApiPropertyOptional() @ValidateIf(has('description')) @IsString() @MaxLength(2000) description?: string;
}

/** The steps whose service contract is recorded: the valuation's appraisal contract and the auction contract. */
export const CONTRACT_STEPS: ReadonlyArray<StepName> = ['value', 'auction'];

/** A contract date belongs to a valuation or an auction and precedes (or is) the step's own date. */
function ContractOfStep() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'contractOfStep',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const o = args?.object as StepRequest;
          return (
            CONTRACT_STEPS.includes(o.step) && typeof value === 'string' && typeof o.on === 'string' && value <= o.on
          );
        },
        defaultMessage: () => `contractOn is recorded only with ${CONTRACT_STEPS.join(', ')} and must not be after on`,
      },
    });
}

/** A field that belongs to one step only. */
function OnlyWith(step: StepName) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'onlyWith',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (_value: unknown, args?: ValidationArguments) => (args?.object as StepRequest).step === step,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} is recorded only with step ${step}`,
      },
    });
}

/** A date the step reports (a finding received) precedes or is the step's own date. */
function NotAfterStep() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notAfterStep',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const on = (args?.object as StepRequest).on;
          return typeof value === 'string' && typeof on === 'string' && value <= on;
        },
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must not be after on`,
      },
    });
}

/** A reason must be one of the grounds of the step's own article. */
function ReasonFitsStep() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'reasonFitsStep',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const allowed = REASONS[(args?.object as StepRequest).step];
          return !allowed || allowed.includes(value as string);
        },
        defaultMessage: (args?: ValidationArguments) => {
          const step = (args?.object as StepRequest).step;
          return `reason must be one of ${REASONS[step]?.join(', ')} for step ${step}`;
        },
      },
    });
}
