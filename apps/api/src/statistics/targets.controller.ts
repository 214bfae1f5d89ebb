import { Body, Controller, Get, NotFoundException, Param, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ID_PATTERN } from '@thads/application';
import { CaseNotFound } from '@thads/domain';
import { QueryParams } from '../http/query-params';
import { UnitTargetsListSchema } from './targets-schema';
import { CommandCtx, RequestContext } from '../http/command-context';
import { ValidationProblem } from '../http/problem.filter';
import { ProjectorService } from '../infrastructure/projector.service';
import { SetTargets, TargetsResult } from './set-targets';
import { normalisePercent, periodProblems, TargetsRequest } from './targets-request';

const yearOf = (year: string): number => {
  const n = Number(year);
  if (!/^\d{4}$/.test(year) || n < 2000 || n > 2100)
    throw new ValidationProblem(['year must be a reporting year such as 2021 (1 October 2020 – 30 September 2021)']);
  return n;
};

const unitOf = (unitId: string): string => {
  if (!ID_PATTERN.test(unitId)) throw new CaseNotFound(unitId, 'unit.not-found');
  return unitId;
};
import { ApiProblems } from '../http/api-problems';
import { STATISTICS_EXTRA_MODELS, TargetsResponse, TargetsSetResponse } from './statistics-responses';
import { ReadQueries } from '../infrastructure/read-queries';

@ApiTags('statistics')
@ApiExtraModels(...STATISTICS_EXTRA_MODELS)
@Controller('api/units')
export class TargetsController {
  constructor(
    private readonly queries: ReadQueries,
    private readonly commands: CommandBus,
    private readonly projector: ProjectorService,
  ) {}

  @Put(':unitId/targets/:year')
  @ApiOkResponse({ type: TargetsSetResponse })
  @ApiProblems('validation', 'unit.not-found', 'targets.revision-conflict')
  @ApiOperation({
    summary: 'Giao chỉ tiêu (năm và phân kỳ) cho một đơn vị, một năm báo cáo',
    description:
      'Recorded as a TargetsSet event on stream targets-<unitId>-<year>; the latest one is in force. `periods` keys are months since 1 October (e.g. "4" for 1 October – 31 January).',
  })
  set(
    @Param('unitId') unitId: string,
    @Param('year') year: string,
    @Body() body: TargetsRequest,
    @CommandCtx() context: RequestContext,
  ): Promise<TargetsResult> {
    const problems = periodProblems(body.periods);
    if (problems.length) throw new ValidationProblem(problems);
    const periods =
      body.periods &&
      Object.fromEntries(
        Object.entries(body.periods).map(([m, r]) => [
          m,
          { cases: normalisePercent(r.cases), money: normalisePercent(r.money) },
        ]),
      );
    const targets = {
      unitId: unitOf(unitId),
      year: yearOf(year),
      cases: normalisePercent(body.cases),
      money: normalisePercent(body.money),
      ...(periods ? { periods } : {}),
    };
    return this.commands.execute(new SetTargets(targets, context, body.expectedRevision));
  }

  @Get(':unitId/targets')
  @ApiProblems('validation', 'unit.not-found')
  @ApiOperation({
    summary: 'Chỉ tiêu của một đơn vị và các đơn vị cấp dưới cho một năm báo cáo (bảng quản trị chỉ tiêu)',
    description:
      'One item per unit of the subtree, in tree order, with the targets in force for `year` or null when none were set. Access: `statistics.read` over `unitId`. Problems: 400 `validation` (year), 403 `forbidden`, 404 `unit.not-found`.',
  })
  @ApiQuery({
    name: 'year',
    required: true,
    example: 2026,
    description: 'Reporting year N: 1 October N-1 to 30 September N',
  })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: UnitTargetsListSchema })
  async list(@Param('unitId') unitId: string, @Query() query: Record<string, unknown>) {
    const q = new QueryParams(query);
    const year = q.required('year');
    const minPosition = q.text('minPosition');
    q.done();
    const y = yearOf(year);
    await this.projector.readYourWrites(minPosition);
    const units = this.queries.units;
    const top = await units.find(unitOf(unitId));
    if (!top) throw new CaseNotFound(unitId, 'unit.not-found');
    const all = (await units.list()).filter((u) => u.path.startsWith(top.path));
    const targets = new Map(
      (
        await this.queries.targets.forUnits(
          all.map((u) => u.unitId),
          y,
        )
      ).map((t) => [t.unitId, t]),
    );
    return {
      unitId,
      year: y,
      items: all.map((u) => ({
        unitId: u.unitId,
        name: u.name,
        level: u.level,
        parentId: u.parentId,
        targets: targets.get(u.unitId) ?? null,
      })),
    };
  }

  @Get(':unitId/targets/:year')
  @ApiQuery({
    name: 'minPosition',
    required: false,
    description: 'Wait until the read models reach this log position (read your writes)',
  })
  @ApiOkResponse({ type: TargetsResponse })
  @ApiProblems('validation', 'unit.not-found', 'targets.not-found')
  @ApiOperation({ summary: 'Chỉ tiêu đang áp dụng của một đơn vị cho một năm báo cáo' })
  async get(@Param('unitId') unitId: string, @Param('year') year: string, @Query('minPosition') minPosition?: string) {
    const y = yearOf(year);
    await this.projector.readYourWrites(minPosition);
    const targets = await this.queries.targets.find(unitOf(unitId), y);
    if (!targets)
      throw new NotFoundException({
        code: 'targets.not-found',
        message: `no targets set for unit ${unitId}, year ${y}`,
      });
    return targets;
  }
}
