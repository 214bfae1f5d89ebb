import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, localDateInVietnam } from '@thads/application';
import { deadlineRulesTable } from '@thads/domain';
import { UnitQueries } from '@thads/projections';
import { ReadDatabase } from '../infrastructure/read-database';
import { ProjectorService } from '../infrastructure/projector.service';
import { QueryParams } from '../http/query-params';
import { DeadlineEngine } from './deadline-engine';
import { ApiProblems } from '../http/api-problems';
import { CalendarResponse, DeadlineListResponse, DeadlineRulesResponse, DeadlineSummaryResponse } from './deadline-responses';
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
  @ApiOkResponse({ type: DeadlineListResponse })
  @ApiProblems('validation', 'unit.not-found')
  @ApiQuery({ name: 'unitId', required: true }) @ApiQuery({ name: 'asOf', required: false }) @ApiQuery({ name: 'status', required: false, enum: DEADLINE_STATUSES })
  @ApiQuery({ name: 'minPosition', required: false })
  async list(@Query() query: Record<string, unknown>) {
    const q = new QueryParams(query);
    const unitId = q.id('unitId', true)!;
    const day = q.date('asOf', false) ?? localDateInVietnam(this.clock.now());
    const status = q.oneOf('status', DEADLINE_STATUSES);
    const minPosition = q.text('minPosition');
    q.done();
    await this.projector.readYourWrites(minPosition);
    await this.requireUnit(unitId);
    const items = await new DeadlineQueries(this.read.store, this.engine).list(unitId, day, status as DeadlineStatus | undefined);
    return { unitId, asOf: day, status: status ?? null, total: items.length, items };
  }

  @Get('deadlines/summary')
  @ApiOperation({ summary: 'Số thời hạn bị vi phạm (thực hiện muộn hoặc chưa thực hiện) theo quy định và theo đơn vị trong kỳ' })
  @ApiOkResponse({ type: DeadlineSummaryResponse })
  @ApiProblems('validation', 'unit.not-found')
  @ApiQuery({ name: 'unitId', required: true }) @ApiQuery({ name: 'from', required: true }) @ApiQuery({ name: 'to', required: true }) @ApiQuery({ name: 'minPosition', required: false })
  async summary(@Query() query: Record<string, unknown>) {
    const q = new QueryParams(query);
    const unitId = q.id('unitId', true)!;
    const [from, to] = [q.date('from', true), q.date('to', true)];
    if (from && to && from > to) q.problem('from must not be after to');
    const minPosition = q.text('minPosition');
    q.done();
    await this.projector.readYourWrites(minPosition);
    await this.requireUnit(unitId);
    return new DeadlineQueries(this.read.store, this.engine).summary(unitId, from!, to!);
  }

  @Get('deadlines/rules')
  @ApiOperation({ summary: 'Toàn bộ quy định về thời hạn của mọi chế độ pháp lý: thời hạn, cách tính, sự kiện, ngày nghỉ của ai, điều luật, độ tin cậy' })
  @ApiOkResponse({ type: DeadlineRulesResponse })
  rules() {
    return deadlineRulesTable();
  }

  @Get('calendar')
  @ApiOperation({ summary: 'Ngày nghỉ (cuối tuần, lễ, Tết, nghỉ bù, hoán đổi) trong khoảng thời gian' })
  @ApiOkResponse({ type: CalendarResponse })
  @ApiProblems('validation')
  @ApiQuery({ name: 'from', required: true }) @ApiQuery({ name: 'to', required: true })
  calendar(@Query() query: Record<string, unknown>) {
    const q = new QueryParams(query);
    const [from, to] = [q.date('from', true), q.date('to', true)];
    if (from && to && from > to) q.problem('from must not be after to');
    if (from && to && Date.parse(to) - Date.parse(from) > 5 * 366 * 86_400_000) q.problem('at most 5 years at a time');
    q.done();
    return { from, to, nonWorkingDays: this.engine.calendar.nonWorkingDays(from!, to!) };
  }

  private async requireUnit(unitId: string): Promise<void> {
    if (!(await new UnitQueries(this.read.store).find(unitId))) throw new CaseNotFound(unitId, 'unit.not-found');
  }
}
