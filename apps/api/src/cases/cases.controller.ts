import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CommandResult, CreateCaseRequest, ID_PATTERN, StepRequest } from '@thads/application';
import { CaseNotFound } from '@thads/domain';
import { CaseListQueries, UnitQueries } from '@thads/projections';
import { CommandCtx, RequestContext } from '../http/command-context';
import { ReadDatabase } from '../infrastructure/read-database';
import { ProjectorService } from '../infrastructure/projector.service';
import { ReceiveCase, TakeStep } from './case-commands';
import { CaseViewService } from './case-view';
import { ValidationProblem } from '../http/problem.filter';

const caseIdOf = (caseId: string) => {
  if (!ID_PATTERN.test(caseId)) throw new CaseNotFound(caseId);
  return caseId;
};

@ApiTags('cases')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeated command with the same key appends nothing and returns the first result' })
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly view: CaseViewService,
    private readonly read: ReadDatabase,
    private readonly projector: ProjectorService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Tiếp nhận bản án / yêu cầu thi hành án (receive a case)' })
  receive(@Body() body: CreateCaseRequest, @CommandCtx() context: RequestContext): Promise<CommandResult> {
    return this.commands.execute(new ReceiveCase(body, context));
  }

  @Post(':caseId/steps')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thực hiện một bước (take a lifecycle step)' })
  step(@Param('caseId') caseId: string, @Body() body: StepRequest, @CommandCtx() context: RequestContext): Promise<CommandResult> {
    return this.commands.execute(new TakeStep(caseIdOf(caseId), body, context));
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'Một việc: trạng thái, số tiền, bước được phép, thời hạn' })
  get(@Param('caseId') caseId: string) {
    return this.view.read(caseIdOf(caseId));
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách việc của một đơn vị (gồm đơn vị cấp dưới), phân trang' })
  @ApiQuery({ name: 'unitId', required: true })
  async list(
    @Query('unitId') unitId: string, @Query('state') state?: string, @Query('statisticClass') statisticClass?: string,
    @Query('enforcerId') enforcerId?: string, @Query('limit') limit = '50', @Query('offset') offset = '0', @Query('minPosition') minPosition?: string,
  ) {
    const [lim, off] = [Number(limit), Number(offset)];
    if (!unitId) throw new ValidationProblem(['unitId is required']);
    if (!Number.isInteger(lim) || lim < 1 || lim > 500 || !Number.isInteger(off) || off < 0) throw new ValidationProblem(['limit must be 1..500 and offset ≥ 0']);
    await this.projector.readYourWrites(minPosition);
    const unitIds = await new UnitQueries(this.read.store).subtree(unitId);
    const page = await new CaseListQueries(this.read.store).page({ unitIds, state, statisticClass, enforcerId, limit: lim, offset: off });
    return { unitId, limit: lim, offset: off, ...page };
  }
}
