import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UNIT_LEVELS, UnitLevel } from '@thads/domain';
import { ID_PATTERN, IsLocalDate } from './validators';

export class UnitRequest {
  @ApiProperty({ example: 'hcm-q1' }) @Matches(ID_PATTERN) unitId!: string;
  @ApiProperty({ example: 'Phòng THADS khu vực 1 - TP Hồ Chí Minh' })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name!: string;
  @ApiProperty({ enum: UNIT_LEVELS }) @IsIn(UNIT_LEVELS) level!: UnitLevel;
  @ApiPropertyOptional({ example: 'hcm' }) @IsOptional() @Matches(ID_PATTERN) parentId?: string;
  @ApiPropertyOptional({
    example: '2025-07-01',
    description: 'Ngày đơn vị bắt đầu tồn tại (thành lập); không ghi: mọi ngày',
  })
  @IsOptional()
  @IsLocalDate()
  from?: string;
  @ApiPropertyOptional({
    example: '2025-06-30',
    description: 'Ngày cuối đơn vị tồn tại (giải thể, sáp nhập): không nhận ủy thác sau ngày này',
  })
  @IsOptional()
  @IsLocalDate()
  until?: string;
}
