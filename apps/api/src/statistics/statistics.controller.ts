import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CaseNotFound } from '@thads/domain';
import { DRILL_COLUMNS, KnownAt, knownAtText, POLICY_LIST, StatisticsQueries, UnitQueries } from '@thads/projections';
import { ReadDatabase } from '../infrastructure/read-database';
import { ProjectorService } from '../infrastructure/projector.service';
import { REPORT_DESCRIPTION } from './statistics-docs';
import { drillParams, ReportQuery, reportParams } from './statistics-params';
import { ApiProblems } from '../http/api-problems';
import { ApiReportQuery } from './report-query-docs';
import { DrillDownResponse, PolicyListResponse, StatisticsReportResponse } from './statistics-responses';

@ApiTags('statistics')
@Controller('api/statistics')
export class StatisticsController {
  constructor(private readonly read: ReadDatabase, private readonly projector: ProjectorService) {}

  @Get()
  @ApiOperation({ summary: 'Báo cáo thống kê thi hành án dân sự (việc và tiền) của một đơn vị, một kỳ, tại một thời điểm', description: REPORT_DESCRIPTION })
  @ApiQuery({ name: 'unitId', required: true }) @ApiQuery({ name: 'from', required: true }) @ApiQuery({ name: 'to', required: true })
  @ApiQuery({ name: 'asKnownAt', required: false }) @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: StatisticsReportResponse })
  @ApiProblems('validation', 'unit.not-found')
  async report(@Query() query: ReportQuery) {
    const q = reportParams(query);
    await this.ready(q.unitId, q.minPosition, q.knownAt);
    return new StatisticsQueries(this.read.store).report(q);
  }

  @Get('cases')
  @ApiOperation({ summary: 'Danh sách việc tạo nên một chỉ tiêu của báo cáo (drill-down)', description: 'The cases behind one figure of GET /api/statistics with the same parameters. `count` equals the figure in `cases` (a case that entered the caseload twice in the period is listed twice); with `money=true`, `amount` equals the figure in `money` and each item carries its share. Items are paged by `limit` (default 1000, at most 10000) and `offset`; `count` and `amount` cover them all.' })
  @ApiQuery({ name: 'column', required: true, enum: DRILL_COLUMNS }) @ApiQuery({ name: 'money', required: false, enum: ['true', 'false'] })
  @ApiReportQuery()
  @ApiQuery({ name: 'limit', required: false, description: '1..10000, default 1000' }) @ApiQuery({ name: 'offset', required: false, description: '0..100000000, default 0' })
  @ApiOkResponse({ type: DrillDownResponse })
  @ApiProblems('validation', 'unit.not-found')
  async cases(@Query() query: ReportQuery) {
    const q = drillParams(query);
    await this.ready(q.unitId, q.minPosition, q.knownAt);
    const items = await new StatisticsQueries(this.read.store).cases({ ...q, column: q.column, money: q.money });
    return {
      unitId: q.unitId, from: q.from, to: q.to, asKnownAt: knownAtText(q.knownAt), column: q.column, measure: q.money ? 'money' : 'cases',
      count: items.length, ...(q.money ? { amount: items.reduce((t, i) => t + BigInt(i.amount), 0n).toString() } : {}),
      limit: q.limit, offset: q.offset, items: items.slice(q.offset, q.offset + q.limit),
    };
  }

  @Get('policies')
  @ApiOperation({ summary: 'Các quy ước thống kê (where the law leaves room, how the report counts), with their sources' })
  @ApiOkResponse({ type: PolicyListResponse })
  policies() {
    return { items: POLICY_LIST };
  }

  /** Read-your-writes, and an `asKnownAt` position not yet projected is waited for likewise. */
  private async ready(unitId: string, minPosition?: string, knownAt?: KnownAt): Promise<void> {
    await this.projector.readYourWrites(minPosition);
    if (knownAt && 'position' in knownAt) await this.projector.readYourWrites(knownAt.position.toString());
    if (!(await new UnitQueries(this.read.store).find(unitId))) throw new CaseNotFound(unitId, 'unit.not-found');
  }
}
