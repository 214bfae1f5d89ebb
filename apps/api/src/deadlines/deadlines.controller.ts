import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, localDateInVietnam } from '@thads/application';
import { deadlineRulesTable, isLocalDate } from '@thads/domain';
import { UnitQueries } from '@thads/projections';
import { ReadDatabase } from '../infrastructure/read-database';
import { ProjectorService } from '../infrastructure/projector.service';
import { ValidationProblem } from '../http/problem.filter';
import { DeadlineEngine } from './deadline-engine';
import { DEADLINE_STATUSES, DeadlineQueries, DeadlineStatus } from './deadline-queries';
import { CaseNotFound } from '@thads/domain';

@ApiTags('deadlines')
@Controller('api')
export class DeadlinesController {
  constructor(
    private readonly read: ReadDatabase,
    private readonly engine: DeadlineEngine,
    private readonly projector: ProjectorService,
    private readonly clock: Clock,
  ) {}

  @Get('deadlines')
  @ApiOperation({ summary: 'Thời hạn tố tụng của các việc của một đơn vị (gồm cấp dưới) tại một ngày' })
  @ApiQuery({ name: 'status', required: false, enum: DEADLINE_STATUSES })
  async list(@Query('unitId') unitId: string, @Query('asOf') asOf?: string, @Query('status') status?: string, @Query('minPosition') minPosition?: string) {
    const day = asOf ?? localDateInVietnam(this.clock.now());
    const problems = [
      ...(unitId ? [] : ['unitId is required']),
      ...(isLocalDate(day) ? [] : ['asOf must be a date YYYY-MM-DD']),
      ...(status === undefined || (DEADLINE_STATUSES as readonly string[]).includes(status) ? [] : [`status must be one of ${DEADLINE_STATUSES.join(', ')}`]),
    ];
    if (problems.length) throw new ValidationProblem(problems);
    await this.projector.readYourWrites(minPosition);
    await this.requireUnit(unitId);
    const items = await new DeadlineQueries(this.read.store, this.engine).list(unitId, day, status as DeadlineStatus | undefined);
    return { unitId, asOf: day, status: status ?? null, total: items.length, items };
  }

  @Get('deadlines/summary')
  @ApiOperation({ summary: 'Số thời hạn bị vi phạm (thực hiện muộn hoặc chưa thực hiện) theo quy định và theo đơn vị trong kỳ' })
  async summary(@Query('unitId') unitId: string, @Query('from') from: string, @Query('to') to: string, @Query('minPosition') minPosition?: string) {
    const problems = [
      ...(unitId ? [] : ['unitId is required']),
      ...(isLocalDate(from) && isLocalDate(to) ? [] : ['from and to must be dates YYYY-MM-DD']),
      ...(isLocalDate(from) && isLocalDate(to) && from > to ? ['from must not be after to'] : []),
    ];
    if (problems.length) throw new ValidationProblem(problems);
    await this.projector.readYourWrites(minPosition);
    await this.requireUnit(unitId);
    return new DeadlineQueries(this.read.store, this.engine).summary(unitId, from, to);
  }

  @Get('deadlines/rules')
  @ApiOperation({ summary: 'Toàn bộ quy định về thời hạn của mọi chế độ pháp lý: thời hạn, cách tính, sự kiện, ngày nghỉ của ai, điều luật, độ tin cậy' })
  rules() {
    return deadlineRulesTable();
  }

  @Get('calendar')
  @ApiOperation({ summary: 'Ngày nghỉ (cuối tuần, lễ, Tết, nghỉ bù, hoán đổi) trong khoảng thời gian' })
  calendar(@Query('from') from: string, @Query('to') to: string) {
    if (!isLocalDate(from) || !isLocalDate(to) || from > to) throw new ValidationProblem(['from and to must be dates YYYY-MM-DD, from ≤ to']);
    if (Date.parse(to) - Date.parse(from) > 5 * 366 * 86_400_000) throw new ValidationProblem(['at most 5 years at a time']);
    return { from, to, nonWorkingDays: this.engine.calendar.nonWorkingDays(from, to) };
  }

  private async requireUnit(unitId: string): Promise<void> {
    if (!(await new UnitQueries(this.read.store).find(unitId))) throw new CaseNotFound(unitId, 'unit.not-found');
  }
}
