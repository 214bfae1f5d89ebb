import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { CREDITOR_KINDS, CreditorKind, JUDGMENT_KINDS, JudgmentKind, ORIGINS, Origin } from '@thads/domain';
import { ID_PATTERN, IsLocalDate, IsVnd } from './validators';

export class JudgmentRequest {
  @ApiProperty({ example: 'TAND TP Hồ Chí Minh' }) @IsString() @IsNotEmpty() @MaxLength(200) court!: string;
  @ApiProperty({ example: '123/2024/KDTM-PT' }) @IsString() @IsNotEmpty() @MaxLength(100) number!: string;
  @ApiProperty({ example: '2024-08-20' }) @IsLocalDate() date!: string;
  @ApiPropertyOptional({
    example: '2024-09-20',
    description:
      'Ngày bản án, quyết định có hiệu lực pháp luật: thời hiệu yêu cầu 5 năm tính từ ngày này (Luật THADS Điều 30.1). ' +
      'Không trước ngày bản án; khi không ghi, tạm tính từ ngày bản án.',
  })
  @IsOptional()
  @IsLocalDate()
  @NotBeforeJudgmentDate()
  effectiveOn?: string;
  @ApiPropertyOptional({
    enum: JUDGMENT_KINDS,
    description:
      'Loại bản án: dân sự, kinh doanh thương mại, lao động, hành chính, hình sự (tham nhũng, kinh tế, khác); ' +
      'không ghi thì việc được tính là "chưa rõ" (docs/watchlists.md)',
  })
  @IsOptional()
  @IsIn(JUDGMENT_KINDS)
  kind?: JudgmentKind;
}

/** A judgment takes effect on or after its own date. */
function NotBeforeJudgmentDate() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notBeforeJudgmentDate',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const date = (args?.object as JudgmentRequest).date;
          return typeof value === 'string' && typeof date === 'string' && value >= date;
        },
        defaultMessage: () => 'effectiveOn must not be before the judgment date',
      },
    });
}

export class PartyRequest {
  @ApiProperty({ example: 'Nguyễn Văn A' }) @IsString() @IsNotEmpty() @MaxLength(300) name!: string;
}

export class CreditorRequest extends PartyRequest {
  @ApiPropertyOptional({
    enum: CREDITOR_KINDS,
    description:
      'Loại người được thi hành án: tổ chức tín dụng, ngân sách nhà nước, cơ quan tổ chức khác, cá nhân; ' +
      'không ghi thì việc được tính là "chưa rõ" (docs/watchlists.md)',
  })
  @IsOptional()
  @IsIn(CREDITOR_KINDS)
  kind?: CreditorKind;
}

/**
 * POST /api/cases (docs/architecture.md §6): the required minimum of a received judgment or request.
 * The bulk import's quick check (quick-accept.ts) must accept nothing these rules refuse.
 */
export class CreateCaseRequest {
  @ApiPropertyOptional({ description: 'Generated when absent (from the Idempotency-Key if one is sent)' })
  @IsOptional()
  @Matches(ID_PATTERN)
  caseId?: string;
  @ApiProperty({ example: 'hcm-q1' }) @Matches(ID_PATTERN) unitId!: string;
  @ApiProperty({ enum: ORIGINS, description: 'exOfficio = chủ động; onRequest = theo yêu cầu' })
  @IsIn(ORIGINS)
  origin!: Origin;
  @ApiProperty({ example: '2025-01-24', description: 'Ngày nhận bản án / đơn yêu cầu' }) @IsLocalDate() on!: string;
  @ApiProperty({ type: JudgmentRequest })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => JudgmentRequest)
  judgment!: JudgmentRequest;
  @ApiProperty({ type: CreditorRequest })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CreditorRequest)
  creditor!: CreditorRequest;
  @ApiProperty({ type: PartyRequest })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PartyRequest)
  debtor!: PartyRequest;
  @ApiProperty({ example: '228188311000', description: 'Số tiền phải thi hành, đồng; "0" for a non-money obligation' })
  @IsVnd()
  amountDue!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) obligation?: string;
  @ApiPropertyOptional({
    description: 'Quyết định áp dụng biện pháp khẩn cấp tạm thời: ra quyết định thi hành án ngay (Điều 36.2)',
  })
  @IsOptional()
  @IsBoolean()
  interimMeasure?: boolean;
  @ApiPropertyOptional({
    description:
      'Quyết định của Tòa án giải quyết phá sản: ra quyết định thi hành án trong 3 ngày làm việc (Luật THADS Điều 36.2 điểm e)',
  })
  @IsOptional()
  @IsBoolean()
  bankruptcyDecision?: boolean;
  @ApiPropertyOptional({ description: 'Việc được Ban chỉ đạo theo dõi (docs/watchlists.md)' })
  @IsOptional()
  @IsBoolean()
  steeringCommittee?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
