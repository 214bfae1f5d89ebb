import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, localDateInVietnam } from '@thads/application';
import { CaseNotFound } from '@thads/domain';
import { reportingYearOf } from '@thads/projections';
import { ApiProblems } from '../http/api-problems';
import { ProjectorService } from '../infrastructure/projector.service';
import { ReadQueries } from '../infrastructure/read-queries';
import { outlookParams } from '../watchlists/watch-params';
import { OutlookResponse } from '../watchlists/watchlists-schema';

@ApiTags('statistics')
@Controller('api/statistics/outlook')
export class OutlookController {
  constructor(
    private readonly queries: ReadQueries,
    private readonly projector: ProjectorService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Dự báo tỷ lệ cuối năm báo cáo (30/9) so với chỉ tiêu, và những việc có thể bù phần thiếu',
    description: [
      'For `unitId` (its subunits included) and the reporting `year` (1 October of year − 1 to 30 September; default the year today falls in): the rate of cases and of money expected on 30 September, with a range (`low`..`high`), from where the unit stands on `asOf` (default today) and how the rest of each of its past five years went from the same day (docs/outlook.md, which quotes the backtest). Beside it the annual target and the gap (expected − target, percentage points), and `toCloseTheGap`: what more must be resolved to reach it.',
      '`closeTheGap` lists up to `limit` (0..200, default 20) open cases with conditions, most money first: completing each adds `adds.cases` points to the cases rate and `adds.money` to the money rate; each says what stands in the way (standing, latest step, nearest deadline, unsold auctions).',
      'Access: `statistics.read` over `unitId`. Problems: 400 `validation`, 403 `forbidden`, 404 `unit.not-found`.',
    ].join('\n\n'),
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'year', required: false, example: 2026 })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'asKnownAt', required: false })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: OutlookResponse })
  @ApiProblems('validation', 'unit.not-found')
  async outlook(@Query() query: Record<string, unknown>) {
    const today = localDateInVietnam(this.clock.now());
    const q = outlookParams(query, today, reportingYearOf(today));
    await this.projector.readYourWrites(q.minPosition);
    if (q.knownAt && 'position' in q.knownAt) await this.projector.readYourWrites(q.knownAt.position.toString());
    if (!(await this.queries.units.find(q.unitId))) throw new CaseNotFound(q.unitId, 'unit.not-found');
    return this.queries.outlook.outlook(q);
  }
}
