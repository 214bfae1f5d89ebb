import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, CommandContext, UnitRegistry, UnitRequest } from '@thads/application';
import { UnitQueries } from '@thads/projections';
import { CommandCtx } from '../http/command-context';
import { ReadDatabase } from '../infrastructure/read-database';
import { ProjectorService } from '../infrastructure/projector.service';

@ApiTags('units')
@Controller('api/units')
export class UnitsController {
  constructor(
    private readonly registry: UnitRegistry,
    private readonly clock: Clock,
    private readonly read: ReadDatabase,
    private readonly projector: ProjectorService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Đăng ký đơn vị (cơ quan THADS)' })
  register(@Body() body: UnitRequest, @CommandCtx() context: Omit<CommandContext, 'recordedAt'>) {
    return this.registry.register({ unitId: body.unitId, name: body.name, level: body.level, ...(body.parentId ? { parentId: body.parentId } : {}) }, { ...context, recordedAt: this.clock.now() });
  }

  @Get()
  @ApiOperation({ summary: 'Cây đơn vị' })
  @ApiQuery({ name: 'minPosition', required: false })
  async list(@Query('minPosition') minPosition?: string) {
    await this.projector.readYourWrites(minPosition);
    return { items: await new UnitQueries(this.read.store).list() };
  }
}
