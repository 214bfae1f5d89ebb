import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UNIT_LEVELS, UnitLevel } from '@thads/domain';
import { ID_PATTERN } from './validators';

export class UnitRequest {
  @ApiProperty({ example: 'hcm-q1' }) @Matches(ID_PATTERN) unitId!: string;
  @ApiProperty({ example: 'Phòng THADS khu vực 1 - TP Hồ Chí Minh' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: UNIT_LEVELS }) @IsIn(UNIT_LEVELS) level!: UnitLevel;
  @ApiPropertyOptional({ example: 'hcm' }) @IsOptional() @Matches(ID_PATTERN) parentId?: string;
}
