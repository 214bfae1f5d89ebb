import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock, deadlineCsv, localDateInVietnam } from '@thads/application';
import { deadlineRulesTable } from '@thads/domain';
import { ProjectorService } from '../infrastructure/projector.service';
import { QueryParams } from '../http/query-params';
import { DeadlineEngine } from './deadline-engine';
import { DEADLINE_STATUSES } from './deadline-queries';
import { DEADLINE_PAGE, deadlineByUnitParams, deadlineListParams } from './deadline-params';
import { CaseNotFound } from '@thads/domain';
import { ApiProblems } from '../http/api-problems';
import {
  CalendarResponse,
  DeadlineListSchema,
  DeadlineRulesResponse,
  DeadlinesByUnitSchema,
  DeadlineSummaryResponse,
} from './deadline-responses';
import { ReadQueries } from '../infrastructure/read-queries';

@ApiTags('deadlines')
@Controller('api')
export class DeadlinesController {
  constructor(
    private readonly queries: ReadQueries,
    private readonly engine: DeadlineEngine,
    private readonly projector: ProjectorService,
    private readonly clock: Clock,
  ) {}

  @Get('deadlines')
  @ApiProblems('validation', 'unit.not-found')
  @ApiOperation({
    summary:
      'Bảng kiểm sát thời hạn: thời hạn tố tụng của các việc của một đơn vị (gồm cấp dưới) tại một ngày, lọc và phân trang',
    description: [
      'Every deadline of the cases of `unitId` and the units under it as of `asOf` (default today), filtered by `status` (one or several joined by commas, e.g. `late,overdue`), `rule` (an id of GET /api/deadlines/rules) and `enforcerId` (the enforcer assigned to the case now).',
      'Sorted most overdue first: overdue, late, open, met, cancelled; within a status the most days past due first, then the earliest due date, case and rule. Paged by `limit` (1–1000, default 100) and `offset`; `total` counts every match. Before this was paged, the list returned every item in due-date order.',
      "`format=csv` (or GET /api/deadlines.csv) returns every match, unpaged, as CSV with a Vietnamese header row and a UTF-8 BOM (Excel), each row with the rule's article.",
      'Access: `deadlines.read` over `unitId`. Problems: 400 `validation`, 403 `forbidden`, 404 `unit.not-found`.',
    ].join('\n\n'),
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'asOf', required: false, example: '2025-02-28' })
  @ApiQuery({
    name: 'status',
    required: false,
    description: `one or more of ${DEADLINE_STATUSES.join(', ')}, joined by commas`,
  })
  @ApiQuery({ name: 'rule', required: false })
  @ApiQuery({ name: 'enforcerId', required: false })
  @ApiQuery({ name: 'limit', required: false, example: DEADLINE_PAGE.fallback })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: DeadlineListSchema })
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    return this.board(query, res, false);
  }

  @Get('deadlines.csv')
  @ApiProblems('validation', 'unit.not-found')
  @ApiOperation({
    summary: 'Bảng kiểm sát thời hạn, tệp CSV (Excel): như GET /api/deadlines?format=csv, mọi dòng',
    description:
      'The same filters as GET /api/deadlines; every match, unpaged. Problems: 400 `validation`, 403 `forbidden`, 404 `unit.not-found`.',
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'status', required: false })
  @ApiQuery({ name: 'rule', required: false })
  @ApiQuery({ name: 'enforcerId', required: false })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv; charset=utf-8, with a BOM', schema: { type: 'string' } })
  csv(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    return this.board(query, res, true);
  }

  @Get('deadlines/by-unit')
  @ApiProblems('validation', 'unit.not-found')
  @ApiOperation({
    summary: 'Số thời hạn theo tình trạng, theo từng đơn vị trực thuộc, tại một ngày (cho biểu đồ)',
    description:
      'Deadlines as of `asOf` (default today) counted by status: one row for the cases of `unitId` itself (`scope: own`) and one for each unit directly under it, with everything under that one (`scope: subtree`). `rule` and `enforcerId` filter as in GET /api/deadlines. Access: `deadlines.read` over `unitId`. Problems: 400 `validation`, 403 `forbidden`, 404 `unit.not-found`.',
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'rule', required: false })
  @ApiQuery({ name: 'enforcerId', required: false })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: DeadlinesByUnitSchema })
  async byUnit(@Query() query: Record<string, unknown>) {
    const { minPosition, ...filter } = deadlineByUnitParams(query, localDateInVietnam(this.clock.now()));
    await this.projector.readYourWrites(minPosition);
    await this.requireUnit(filter.unitId);
    return this.queries.deadlines.byUnit(filter);
  }

  private async board(query: Record<string, unknown>, res: Response, csv: boolean) {
    const { limit, offset, format, minPosition, ...filter } = deadlineListParams(
      query,
      localDateInVietnam(this.clock.now()),
      csv,
    );
    await this.projector.readYourWrites(minPosition);
    await this.requireUnit(filter.unitId);
    if (format === 'csv') {
      const items = await this.queries.deadlines.list(filter);
      res
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="thoi-han-${filter.unitId}-${filter.asOf}.csv"`);
      return deadlineCsv(items);
    }
    const page = await this.queries.deadlines.page(filter, offset, limit);
    return {
      unitId: filter.unitId,
      asOf: filter.asOf,
      status: filter.statuses?.join(',') ?? null,
      rule: filter.rule ?? null,
      enforcerId: filter.enforcerId ?? null,
      total: page.total,
      limit,
      offset,
      items: page.items,
    };
  }

  @Get('deadlines/summary')
  @ApiOkResponse({ type: DeadlineSummaryResponse })
  @ApiProblems('validation', 'unit.not-found')
  @ApiOperation({
    summary: 'Số thời hạn bị vi phạm (thực hiện muộn hoặc chưa thực hiện) theo quy định và theo đơn vị trong kỳ',
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @ApiQuery({ name: 'minPosition', required: false })
  async summary(@Query() query: Record<string, unknown>) {
    const q = new QueryParams(query);
    const unitId = q.id('unitId', true)!;
    const [from, to] = [q.date('from', true), q.date('to', true)];
    if (from && to && from > to) q.problem('from must not be after to');
    const minPosition = q.text('minPosition');
    q.done();
    await this.projector.readYourWrites(minPosition);
    await this.requireUnit(unitId);
    return this.queries.deadlines.summary(unitId, from!, to!);
  }

  @Get('deadlines/rules')
  @ApiOkResponse({ type: DeadlineRulesResponse })
  @ApiOperation({
    summary:
      'Toàn bộ quy định về thời hạn của mọi chế độ pháp lý: thời hạn, cách tính, sự kiện, ngày nghỉ của ai, điều luật, độ tin cậy',
  })
  rules() {
    return deadlineRulesTable();
  }

  @Get('calendar')
  @ApiOkResponse({ type: CalendarResponse })
  @ApiProblems('validation')
  @ApiOperation({ summary: 'Ngày nghỉ (cuối tuần, lễ, Tết, nghỉ bù, hoán đổi) trong khoảng thời gian' })
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  calendar(@Query() query: Record<string, unknown>) {
    const q = new QueryParams(query);
    const [from, to] = [q.date('from', true), q.date('to', true)];
    if (from && to && from > to) q.problem('from must not be after to');
    if (from && to && Date.parse(to) - Date.parse(from) > 5 * 366 * 86_400_000) q.problem('at most 5 years at a time');
    q.done();
    return { from, to, nonWorkingDays: this.engine.calendar.nonWorkingDays(from!, to!) };
  }

  private async requireUnit(unitId: string): Promise<void> {
    if (!(await this.queries.units.find(unitId))) throw new CaseNotFound(unitId, 'unit.not-found');
  }
}
