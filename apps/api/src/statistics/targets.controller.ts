import { Body, Controller, Get, NotFoundException, Param, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ID_PATTERN } from '@thads/application';
import { CaseNotFound } from '@thads/domain';
import { TargetQueries } from '@thads/projections';
import { CommandCtx, RequestContext } from '../http/command-context';
import { ValidationProblem } from '../http/problem.filter';
import { ReadDatabase } from '../infrastructure/read-database';
import { ProjectorService } from '../infrastructure/projector.service';
import { SetTargets, TargetsResult } from './set-targets';
import { normalisePercent, periodProblems, TargetsRequest } from './targets-request';
import { ApiProblems } from '../http/api-problems';
import { STATISTICS_EXTRA_MODELS, TargetsResponse, TargetsSetResponse } from './statistics-responses';

const yearOf = (year: string): number => {
  const n = Number(year);
  if (!/^\d{4}$/.test(year) || n < 2000 || n > 2100) throw new ValidationProblem(['year must be a reporting year such as 2021 (1 October 2020 – 30 September 2021)']);
  return n;
};

const unitOf = (unitId: string): string => {
  if (!ID_PATTERN.test(unitId)) throw new CaseNotFound(unitId, 'unit.not-found');
  return unitId;
};

@ApiTags('statistics')
@ApiExtraModels(...STATISTICS_EXTRA_MODELS)
@Controller('api/units')
export class TargetsController {
  constructor(private readonly commands: CommandBus, private readonly read: ReadDatabase, private readonly projector: ProjectorService) {}

  @Put(':unitId/targets/:year')
  @ApiOkResponse({ type: TargetsSetResponse })
  @ApiProblems('validation', 'unit.not-found', 'targets.revision-conflict')
  @ApiOperation({ summary: 'Giao chỉ tiêu (năm và phân kỳ) cho một đơn vị, một năm báo cáo', description: 'Recorded as a TargetsSet event on stream targets-<unitId>-<year>; the latest one is in force. `periods` keys are months since 1 October (e.g. "4" for 1 October – 31 January).' })
  set(@Param('unitId') unitId: string, @Param('year') year: string, @Body() body: TargetsRequest, @CommandCtx() context: RequestContext): Promise<TargetsResult> {
    const problems = periodProblems(body.periods);
    if (problems.length) throw new ValidationProblem(problems);
    const periods = body.periods && Object.fromEntries(Object.entries(body.periods).map(([m, r]) => [m, { cases: normalisePercent(r.cases), money: normalisePercent(r.money) }]));
    const targets = { unitId: unitOf(unitId), year: yearOf(year), cases: normalisePercent(body.cases), money: normalisePercent(body.money), ...(periods ? { periods } : {}) };
    return this.commands.execute(new SetTargets(targets, context, body.expectedRevision));
  }

  @Get(':unitId/targets/:year')
  @ApiOperation({ summary: 'Chỉ tiêu đang áp dụng của một đơn vị cho một năm báo cáo' })
  @ApiQuery({ name: 'minPosition', required: false, description: 'Wait until the read models reach this log position (read your writes)' })
  @ApiOkResponse({ type: TargetsResponse })
  @ApiProblems('validation', 'unit.not-found', 'targets.not-found')
  async get(@Param('unitId') unitId: string, @Param('year') year: string, @Query('minPosition') minPosition?: string) {
    const y = yearOf(year);
    await this.projector.readYourWrites(minPosition);
    const targets = await new TargetQueries(this.read.store).find(unitOf(unitId), y);
    if (!targets) throw new NotFoundException({ code: 'targets.not-found', message: `no targets set for unit ${unitId}, year ${y}` });
    return targets;
  }
}
