import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, CommandContext, UnitRegistry, UnitRequest } from '@thads/application';
import { CommandCtx } from '../http/command-context';
import { ProjectorService } from '../infrastructure/projector.service';
import { ApiProblems } from '../http/api-problems';
import { UnitListResponse, UnitRegisteredResponse } from './unit-responses';
import { ReadQueries } from '../infrastructure/read-queries';

@ApiTags('units')
@Controller('api/units')
export class UnitsController {
  constructor(
    private readonly queries: ReadQueries,
    private readonly registry: UnitRegistry,
    private readonly clock: Clock,
    private readonly projector: ProjectorService,
  ) {}

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
  @ApiOkResponse({ type: UnitListResponse })
  @ApiProblems('validation')
  async list(@Query('minPosition') minPosition?: string) {
    await this.projector.readYourWrites(minPosition);
    return { items: await this.queries.units.list() };
  }
}
