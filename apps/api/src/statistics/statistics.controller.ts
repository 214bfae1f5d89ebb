import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CaseNotFound } from '@thads/domain';
import {
  DRILL_COLUMNS,
  KnownAt,
  knownAtText,
  MAX_SERIES_POINTS,
  POLICY_LIST,
  SERIES_INTERVALS,
  statisticsByUnit,
} from '@thads/projections';
import { ReadDatabase } from '../infrastructure/read-database';
import { ProjectorService } from '../infrastructure/projector.service';
import { REPORT_DESCRIPTION } from './statistics-docs';
import { drillParams, ReportQuery, reportParams, seriesParams } from './statistics-params';
import { StatisticsSeriesSchema } from './series-schema';
import { StatisticsByUnitSchema } from './by-unit-schema';
import { ApiProblems } from '../http/api-problems';
import { ApiReportQuery } from './report-query-docs';
import { DrillDownResponse, PolicyListResponse, StatisticsReportResponse } from './statistics-responses';
import { ReadQueries } from '../infrastructure/read-queries';

@ApiTags('statistics')
@Controller('api/statistics')
export class StatisticsController {
  constructor(
    private readonly queries: ReadQueries,
    private readonly read: ReadDatabase,
    private readonly projector: ProjectorService,
  ) {}

  @Get()
  @ApiOkResponse({ type: StatisticsReportResponse })
  @ApiProblems('validation', 'unit.not-found')
  @ApiOperation({
    summary: 'Báo cáo thống kê thi hành án dân sự (việc và tiền) của một đơn vị, một kỳ, tại một thời điểm',
    description: REPORT_DESCRIPTION,
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @ApiQuery({ name: 'asKnownAt', required: false })
  @ApiQuery({ name: 'minPosition', required: false })
  async report(@Query() query: ReportQuery) {
    const q = reportParams(query);
    await this.ready(q.unitId, q.minPosition, q.knownAt);
    return this.queries.statistics.report(q);
  }

  @Get('series')
  @ApiProblems('validation', 'unit.not-found')
  @ApiOperation({
    summary: 'Chuỗi số liệu theo tháng (cộng dồn từ 1/10) cho biểu đồ xu hướng',
    description: [
      'One point per month that `from`..`to` touches (at most ' +
        MAX_SERIES_POINTS +
        '). Each point runs from 1 October of its reporting year to the end of its month (the last one to `to`), as the offices count (báo cáo cộng dồn, TT 06/2019/TT-BTP Điều 4): a range crossing 1 October starts counting again there.',
      "Each point's `cases`, `money`, `includes`, `target`, `entrustedIn` and `transferred` equal those of GET /api/statistics for the point's `from`..`to` with the same `asKnownAt`: the unit as it was on the point's own end, with the predecessors it continues (docs/reorganisation.md), so a series across a merge changes its units where the merge does. `samePeriodLastYear` is left out (ask for last year's series). One read of the ledger serves every point with the same units.",
      'Access as for the report: `statistics.read` over `unitId`. Problems: 400 `validation` (dates, from after to, too many months, interval), 403 `forbidden`, 404 `unit.not-found`.',
    ].join('\n\n'),
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'from', required: true, example: '2025-10-01' })
  @ApiQuery({ name: 'to', required: true, example: '2026-09-30' })
  @ApiQuery({ name: 'interval', required: false, enum: SERIES_INTERVALS })
  @ApiQuery({ name: 'asKnownAt', required: false })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: StatisticsSeriesSchema })
  async series(@Query() query: ReportQuery) {
    const q = seriesParams(query);
    await this.ready(q.unitId, q.minPosition, q.knownAt);
    return this.queries.statistics.series({
      unitId: q.unitId,
      from: q.from,
      to: q.to,
      interval: q.interval,
      knownAt: q.knownAt,
    });
  }

  @Get('units')
  @ApiProblems('validation', 'unit.not-found')
  @ApiOperation({
    summary:
      'Báo cáo thống kê theo đơn vị: tổng, việc của chính đơn vị, và mỗi đơn vị trực thuộc (bảng về việc, về tiền)',
    description:
      "Rows for one table of the report, the units as they were on `to` (docs/reorganisation.md): `total` (equal to GET /api/statistics for `unitId`), `own` (the unit's own cases and those of the units it continues: the total less its subunits; present when it has subunits) and one `subtree` row per unit directly under it on `to` (each equal to GET /api/statistics for that unit), with `target` where the row's unit has targets. `samePeriodLastYear` is left out. Access: `statistics.read` over `unitId`. Problems: 400 `validation`, 403 `forbidden`, 404 `unit.not-found`.",
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @ApiQuery({ name: 'asKnownAt', required: false })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: StatisticsByUnitSchema })
  async byUnit(@Query() query: ReportQuery) {
    const q = reportParams(query);
    await this.ready(q.unitId, q.minPosition, q.knownAt);
    return statisticsByUnit(this.read.store, q);
  }

  @Get('cases')
  @ApiReportQuery()
  @ApiQuery({ name: 'limit', required: false, description: '1..10000, default 1000' })
  @ApiQuery({ name: 'offset', required: false, description: '0..100000000, default 0' })
  @ApiOkResponse({ type: DrillDownResponse })
  @ApiProblems('validation', 'unit.not-found')
  @ApiOperation({
    summary: 'Danh sách việc tạo nên một chỉ tiêu của báo cáo (drill-down)',
    description:
      'The cases behind one figure of GET /api/statistics with the same parameters. `count` equals the figure in `cases` (a case that entered the caseload twice in the period is listed twice); with `money=true`, `amount` equals the figure in `money` and each item carries its share. Items are paged by `limit` (default 1000, at most 10000) and `offset`; `count` and `amount` cover them all.',
  })
  @ApiQuery({ name: 'column', required: true, enum: DRILL_COLUMNS })
  @ApiQuery({ name: 'money', required: false, enum: ['true', 'false'] })
  async cases(@Query() query: ReportQuery) {
    const q = drillParams(query);
    await this.ready(q.unitId, q.minPosition, q.knownAt);
    const items = await this.queries.statistics.cases({ ...q, column: q.column, money: q.money });
    return {
      unitId: q.unitId,
      from: q.from,
      to: q.to,
      asKnownAt: knownAtText(q.knownAt),
      column: q.column,
      measure: q.money ? 'money' : 'cases',
      count: items.length,
      ...(q.money ? { amount: items.reduce((t, i) => t + BigInt(i.amount), 0n).toString() } : {}),
      limit: q.limit,
      offset: q.offset,
      items: items.slice(q.offset, q.offset + q.limit),
    };
  }

  @Get('policies')
  @ApiOkResponse({ type: PolicyListResponse })
  @ApiOperation({
    summary: 'Các quy ước thống kê (where the law leaves room, how the report counts), with their sources',
  })
  policies() {
    return { items: POLICY_LIST };
  }

  /** Read-your-writes, and an `asKnownAt` position not yet projected is waited for likewise. */
  private async ready(unitId: string, minPosition?: string, knownAt?: KnownAt): Promise<void> {
    await this.projector.readYourWrites(minPosition);
    if (knownAt && 'position' in knownAt) await this.projector.readYourWrites(knownAt.position.toString());
    if (!(await this.queries.units.find(unitId))) throw new CaseNotFound(unitId, 'unit.not-found');
  }
}
