import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ANNOUNCED_DAY_KINDS, CONFIDENCES, HOLIDAY_OCCASIONS } from '@thads/domain';

export class CalendarNoticeSchema {
  @ApiProperty({ example: 'CV 8726/VPCP-KGVX 26/11/2024; TB 6150/TB-BLĐTBXH' }) source!: string;
  @ApiPropertyOptional({ enum: CONFIDENCES }) confidence?: string;
}

export class CalendarDaySchema {
  @ApiProperty({ example: '2025-01-28' }) date!: string;
  @ApiProperty({
    enum: ANNOUNCED_DAY_KINDS,
    description: 'holiday, compensatory (nghỉ bù), swapOff (nghỉ hoán đổi), swapWork (a Saturday or Sunday worked)',
  })
  kind!: string;
  @ApiProperty({ description: 'false for a day off; true for a weekend day worked by a swap' }) working!: boolean;
  @ApiPropertyOptional({ enum: HOLIDAY_OCCASIONS }) occasion?: string;
  @ApiProperty({ example: 'Tết Nguyên đán' }) reason!: string;
  @ApiProperty({
    example: 'CV 8726/VPCP-KGVX 26/11/2024',
    description: 'The notice, or the article of the Labour Code the day was computed from',
  })
  source!: string;
  @ApiPropertyOptional({ enum: CONFIDENCES }) confidence?: string;
}

export class CalendarWeekendSchema {
  @ApiProperty({ example: ['Thứ Bảy', 'Chủ nhật'] }) days!: string[];
  @ApiProperty({ example: 'QĐ 188/1999/QĐ-TTg Điều 1' }) source!: string;
}

export class CalendarYearSchema {
  @ApiProperty({ example: 2025 }) year!: number;
  @ApiProperty({
    type: CalendarNoticeSchema,
    nullable: true,
    description:
      'The yearly notice the days come from; null when every day is computed (lunar holidays, days given back)',
  })
  notice!: CalendarNoticeSchema | null;
  @ApiProperty({ type: CalendarWeekendSchema }) weekend!: CalendarWeekendSchema;
  @ApiProperty({ example: 247, description: "Working days of the civil servants' calendar in the year" })
  workingDays!: number;
  @ApiProperty({ type: [CalendarDaySchema] }) days!: CalendarDaySchema[];
}
