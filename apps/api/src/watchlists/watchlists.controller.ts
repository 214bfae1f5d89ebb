import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, localDateInVietnam } from '@thads/application';
import { CaseNotFound } from '@thads/domain';
import { KnownAt, knownAtText, WATCH_LISTS, watchListById } from '@thads/projections';
import { ApiProblems } from '../http/api-problems';
import { ProjectorService } from '../infrastructure/projector.service';
import { ReadQueries } from '../infrastructure/read-queries';
import { watchPageParams, watchParams } from './watch-params';
import { WatchListCasesResponse, WatchListsResponse } from './watchlists-schema';

const ACCESS =
  'Access: `statistics.read` over `unitId` (its subunits included). Problems: 400 `validation`, 403 `forbidden`, 404 `unit.not-found`.';

@ApiTags('statistics')
@Controller('api/watchlists')
export class WatchListsController {
  constructor(
    private readonly queries: ReadQueries,
    private readonly projector: ProjectorService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Danh sách theo dõi của lãnh đạo: số việc, số tiền, tăng giảm từ đầu năm báo cáo',
    description: [
      `The watch lists (docs/watchlists.md): ${WATCH_LISTS.map((l) => '`' + l.id + '`').join(', ')}. Each is a rule over the case's state, amounts, kinds, dates and step history, evaluated for \`unitId\` and the units under it as of \`asOf\` (default today) and, with \`asKnownAt\`, from what was recorded by then (state and money; kinds and auctions as the case stands now).`,
      '`sinceYearStart` compares with the list on 30 September before the reporting year. `unknownKind` counts cases that meet every condition but a creditor or judgment kind never recorded: they are not guessed into the list.',
      ACCESS,
    ].join('\n\n'),
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  @ApiQuery({ name: 'asKnownAt', required: false })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: WatchListsResponse })
  @ApiProblems('validation', 'unit.not-found')
  async lists(@Query() query: Record<string, unknown>) {
    const q = watchParams(query, this.today());
    await this.ready(q.unitId, q.minPosition, q.knownAt);
    const lists = await this.queries.watchLists.summary(q);
    return { unitId: q.unitId, asOf: q.asOf, asKnownAt: knownAtText(q.knownAt), lists };
  }

  @Get(':id/cases')
  @ApiOperation({
    summary: 'Các việc trong một danh sách theo dõi, với bước hiện tại và thời hạn gần nhất',
    description: [
      "The cases on one list as of `asOf`, most money first, paged by `limit` (1..1000, default 100) and `offset`; `total` and `money` cover every page. Each item carries the case's standing, its latest step by the day and the office's nearest running deadline as of the day (docs/deadlines.md), its unsold auctions and an undelivered sale.",
      ACCESS + ' 404 `watchlist.not-found` for an unknown list.',
    ].join('\n\n'),
  })
  @ApiParam({ name: 'id', enum: WATCH_LISTS.map((l) => l.id) })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'asKnownAt', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: WatchListCasesResponse })
  @ApiProblems('validation', 'unit.not-found', 'watchlist.not-found')
  async cases(@Param('id') id: string, @Query() query: Record<string, unknown>) {
    const list = watchListById(id);
    if (!list)
      throw new NotFoundException({
        code: 'watchlist.not-found',
        message: `no watch list ${JSON.stringify(id.slice(0, 40))}: the lists are ${WATCH_LISTS.map((l) => l.id).join(', ')}`,
      });
    const q = watchPageParams(query, this.today());
    await this.ready(q.unitId, q.minPosition, q.knownAt);
    const page = await this.queries.watchLists.cases(list, q);
    return {
      id: list.id,
      label: list.label,
      unitId: q.unitId,
      asOf: q.asOf,
      asKnownAt: knownAtText(q.knownAt),
      total: page.total,
      money: page.money,
      limit: q.limit,
      offset: q.offset,
      items: page.items,
    };
  }

  private today(): string {
    return localDateInVietnam(this.clock.now());
  }

  private async ready(unitId: string, minPosition?: string, knownAt?: KnownAt): Promise<void> {
    await this.projector.readYourWrites(minPosition);
    if (knownAt && 'position' in knownAt) await this.projector.readYourWrites(knownAt.position.toString());
    if (!(await this.queries.units.find(unitId))) throw new CaseNotFound(unitId, 'unit.not-found');
  }
}
