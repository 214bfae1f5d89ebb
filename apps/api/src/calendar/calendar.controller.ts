import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { WEEKEND_SOURCE } from '@thads/domain';
import { DeadlineEngine } from '../deadlines/deadline-engine';
import { ValidationProblem } from '../http/problem.filter';
import { CalendarYearSchema } from './calendar-schema';

/**
 * The working-day calendar of one year for the /lich-lam-viec page: every holiday, day given back,
 * swapped day off and worked weekend day, with the notice or article it comes from. Public, like
 * GET /api/calendar: it documents the law the deadlines count by (docs/deadlines.md).
 */
@ApiTags('deadlines')
@Controller('api/calendar')
export class CalendarController {
  constructor(private readonly engine: DeadlineEngine) {}

  @Get(':year')
  @ApiOperation({
    summary: 'Lịch làm việc của một năm: ngày lễ, Tết, nghỉ bù, hoán đổi, với văn bản nguồn',
    description:
      'The days of `year` that are not plain weeks, in date order, each with its kind, reason (Vietnamese) and source; weekends (Saturday, Sunday) are off unless listed as swapWork. Announced years follow their notice (and THADS_CALENDAR_DIR files); others are computed from the Labour Code. Problems: 400 `validation` (year outside 2000–2100).',
  })
  @ApiParam({ name: 'year', example: 2025 })
  @ApiOkResponse({ type: CalendarYearSchema })
  year(@Param('year') text: string) {
    const year = Number(text);
    if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100)
      throw new ValidationProblem(['year must be a calendar year from 2000 to 2100']);
    const calendar = this.engine.calendar;
    const [from, to] = [`${year}-01-01`, `${year}-12-31`];
    return {
      year,
      notice: calendar.noticeOf(year) ?? null,
      weekend: { days: ['Thứ Bảy', 'Chủ nhật'], source: WEEKEND_SOURCE },
      // Days d with 31 December of the year before < d ≤ 31 December.
      workingDays: calendar.workingDaysBetween(`${year - 1}-12-31`, to),
      days: calendar.specialDays(from, to).map((d) => ({ ...d, working: d.kind === 'swapWork' })),
    };
  }
}
