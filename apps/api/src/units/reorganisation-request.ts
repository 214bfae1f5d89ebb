import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { REORGANISATION_KINDS, ReorganisationKind, UNIT_LEVELS, UnitLevel } from '@thads/domain';
import { ID_PATTERN, IsLocalDate } from '@thads/application';

export class SuccessorRequest {
  @ApiProperty({ example: 'ag' }) @Matches(ID_PATTERN) unitId!: string;
  @ApiProperty({ example: 'Thi hành án dân sự tỉnh An Giang' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
  @ApiProperty({ enum: UNIT_LEVELS }) @IsIn(UNIT_LEVELS) level!: UnitLevel;
  @ApiPropertyOptional({ example: 'vn' }) @IsOptional() @Matches(ID_PATTERN) parentId?: string;
}

/** `assign`: case ids (or `*`, every other case) to successor unit ids, all codes of the safe alphabet. */
function IsAssignment() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAssignment',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          Object.entries(value).length <= 1_000_000 &&
          Object.entries(value).every(
            ([k, v]) =>
              (k === '*' || new RegExp(ID_PATTERN).test(k)) && typeof v === 'string' && new RegExp(ID_PATTERN).test(v),
          ),
        defaultMessage: () => 'assign must map case ids (or "*") to unit ids',
      },
    });
}

/** POST /api/units/reorganisations (issue 26, docs/reorganisation.md). */
export class ReorganisationRequest {
  @ApiPropertyOptional({ example: 'sx-2025-07-01-ag', description: 'Given again, the request is not recorded twice' })
  @IsOptional()
  @Matches(ID_PATTERN)
  reorganisationId?: string;
  @ApiProperty({ example: '2025-07-01', description: 'Ngày hiệu lực: đơn vị cũ hoạt động đến ngày trước đó' })
  @IsLocalDate()
  on!: string;
  @ApiProperty({ enum: REORGANISATION_KINDS }) @IsIn(REORGANISATION_KINDS) kind!: ReorganisationKind;
  @ApiProperty({ type: [String], example: ['ag', 'kg'] })
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(ID_PATTERN, { each: true })
  predecessors!: string[];
  @ApiProperty({ type: [SuccessorRequest] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SuccessorRequest)
  successors!: SuccessorRequest[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { '*': 'ag-kv1', 'c-123': 'ag-kv2' },
    description: 'Việc (mã việc, hoặc "*" cho các việc còn lại) → đơn vị kế thừa nhận việc; bắt buộc đủ khi chia tách',
  })
  @IsOptional()
  @IsObject()
  @IsAssignment()
  assign?: Record<string, string>;
  @ApiPropertyOptional({ description: 'Chỉ cho biết sẽ chuyển những việc nào, không ghi gì' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
