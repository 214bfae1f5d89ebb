import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** POST /api/reports/{form}/submissions. */
export class SubmissionRequest {
  @ApiProperty({ example: 'kg-pq' })
  @IsString()
  @Matches(/^[\w.-]{1,100}$/, { message: 'unitId must be an identifier' })
  unitId!: string;

  @ApiProperty({ example: '2024-10-01' })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2025-03-31' })
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({
    description: 'Required when the form was already sent for this period: why it is sent again (gửi lại báo cáo)',
  })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason?: string;
}
