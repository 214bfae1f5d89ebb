import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock, CommandContext, UnitRegistry, UnitReorganiser, UnitRequest } from '@thads/application';
import { ValidationProblem } from '../http/problem.filter';
import { ReorganisationRequest } from './reorganisation-request';
import { CaseNotFound, isLocalDate } from '@thads/domain';
import { EventStore } from '@thads/event-store';
import { UnitHistoryQueries } from '@thads/projections';
import { CommandCtx } from '../http/command-context';
import { ProjectorService } from '../infrastructure/projector.service';
import { ApiProblems } from '../http/api-problems';
import { ReorganisationResponse, UnitListResponse, UnitOnDateSchema, UnitRegisteredResponse } from './unit-responses';
import { ReadDatabase } from '../infrastructure/read-database';
import { ReadQueries } from '../infrastructure/read-queries';

@ApiTags('units')
@Controller('api/units')
export class UnitsController {
  constructor(
    private readonly queries: ReadQueries,
    private readonly registry: UnitRegistry,
    private readonly clock: Clock,
    private readonly projector: ProjectorService,
    private readonly reorganiser: UnitReorganiser,
    private readonly store: EventStore,
    private readonly read: ReadDatabase,
  ) {}

  @Post('reorganisations')
  @ApiOperation({
    summary: 'Sắp xếp đơn vị: hợp nhất, chia tách, đổi tên, giải thể (docs/reorganisation.md)',
    description:
      'Admin only. Records the unit events on their effective date, then transfers every open case of a unit that ' +
      'ends to its successor (a `transfer` step on each case, with the reorganisation id); closed cases stay. ' +
      '`dryRun: true` answers 200 with what would move and records nothing. Repeated with the same ' +
      '`reorganisationId`, only the transfers still to make are made.',
  })
  @ApiCreatedResponse({ type: ReorganisationResponse, description: 'Recorded; a dry run answers the same with 200' })
  @ApiProblems(
    'validation',
    'unit.not-found@422',
    'unit.parent-not-found',
    'unit.parent-level',
    'unit.closed',
    'reorganisation.invalid',
    'reorganisation.into-descendant',
    'reorganisation.before-unit-existed',
    'reorganisation.date-in-future',
    'reorganisation.case-unassigned',
    'reorganisation.case-stepped-after',
    'reorganisation.already-recorded',
  )
  async reorganise(
    @Body() body: ReorganisationRequest,
    @CommandCtx() context: Omit<CommandContext, 'recordedAt'>,
    @Res({ passthrough: true }) res: Response,
  ) {
    // The open cases and subunits come from the read models: first let them reach the log's head.
    const head = await this.store.headPosition();
    if (head !== undefined && head !== null) await this.projector.readYourWrites(String(head));
    const dryRun = body.dryRun === true;
    const result = await this.reorganiser.reorganise(
      {
        ...(body.reorganisationId !== undefined && { reorganisationId: body.reorganisationId }),
        on: body.on,
        kind: body.kind,
        predecessors: body.predecessors,
        successors: body.successors.map((s) => ({
          unitId: s.unitId,
          name: s.name,
          level: s.level,
          ...(s.parentId !== undefined && { parentId: s.parentId }),
        })),
        ...(body.assign !== undefined && { assign: body.assign }),
      },
      { ...context, recordedAt: this.clock.now() },
      dryRun,
    );
    res.status(dryRun ? 200 : 201);
    return result;
  }

  @Get(':unitId')
  @ApiOperation({ summary: 'Một đơn vị vào một ngày: tên, cấp trên, thời gian tồn tại, đơn vị tiền thân và kế thừa' })
  @ApiParam({ name: 'unitId' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD; default: as it stands now' })
  @ApiQuery({ name: 'minPosition', required: false, description: 'Wait until the read models reach this log position' })
  @ApiOkResponse({ type: UnitOnDateSchema })
  @ApiProblems('validation', 'unit.not-found')
  async one(@Param('unitId') unitId: string, @Query('asOf') asOf?: string, @Query('minPosition') minPosition?: string) {
    await this.projector.readYourWrites(minPosition);
    const unit = await new UnitHistoryQueries(this.read.store).one(unitId, this.asOf(asOf));
    if (!unit) throw new CaseNotFound(unitId, 'unit.not-found');
    return unit;
  }

  private asOf(asOf?: string): string | undefined {
    if (asOf !== undefined && !isLocalDate(asOf)) throw new ValidationProblem(['asOf must be a date YYYY-MM-DD']);
    return asOf;
  }

  @Post()
  @ApiOperation({ summary: 'Đăng ký đơn vị (cơ quan THADS)' })
  @ApiCreatedResponse({ type: UnitRegisteredResponse })
  @ApiProblems('validation', 'unit.already-exists', 'unit.parent-not-found', 'unit.parent-level')
  register(@Body() body: UnitRequest, @CommandCtx() context: Omit<CommandContext, 'recordedAt'>) {
    return this.registry.register(
      {
        unitId: body.unitId,
        name: body.name,
        level: body.level,
        ...(body.parentId ? { parentId: body.parentId } : {}),
        ...(body.from ? { from: body.from } : {}),
        ...(body.until ? { until: body.until } : {}),
      },
      { ...context, recordedAt: this.clock.now() },
    );
  }

  @Get()
  @ApiOperation({ summary: 'Cây đơn vị' })
  @ApiQuery({
    name: 'minPosition',
    required: false,
    description: 'Wait until the read models reach this log position (read your writes)',
  })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description:
      'YYYY-MM-DD: the units existing that day, each with its name, parent, validFrom, validTo, predecessors and successors',
  })
  @ApiOkResponse({
    type: UnitListResponse,
    description: 'Without asOf: the tree as it stands (with path); with asOf: `asOf` and items of UnitOnDate',
  })
  @ApiProblems('validation')
  async list(@Query('minPosition') minPosition?: string, @Query('asOf') asOf?: string) {
    await this.projector.readYourWrites(minPosition);
    const day = this.asOf(asOf);
    if (day !== undefined) return { asOf: day, items: await new UnitHistoryQueries(this.read.store).asOf(day) };
    return { items: await this.queries.units.list() };
  }
}
