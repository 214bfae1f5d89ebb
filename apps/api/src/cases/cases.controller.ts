import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CommandResult, CreateCaseRequest, ID_PATTERN, StepRequest } from '@thads/application';
import { CaseNotFound } from '@thads/domain';
import { CaseListQueries, UnitQueries } from '@thads/projections';
import { CommandCtx, RequestContext } from '../http/command-context';
import { ReadDatabase } from '../infrastructure/read-database';
import { ProjectorService } from '../infrastructure/projector.service';
import { ReceiveCase, TakeStep } from './case-commands';
import { CaseViewService } from './case-view';
import { MAX_OFFSET, QueryParams } from '../http/query-params';
import { ApiProblems } from '../http/api-problems';
import { CaseListPage, CaseViewResponse, CommandResultResponse } from './case-responses';

const IDEMPOTENCY_KEY = { name: 'Idempotency-Key', required: false, description: 'A repeated command with the same key appends nothing and returns the first result' };

const caseIdOf = (caseId: string) => {
  if (!ID_PATTERN.test(caseId)) throw new CaseNotFound(caseId);
  return caseId;
};

@ApiTags('cases')
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
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiCreatedResponse({ type: CommandResultResponse })
  @ApiProblems('validation', 'case.already-exists', 'case.step-date-in-future', 'unit.not-found@422', 'idempotency.key-reused')
  receive(@Body() body: CreateCaseRequest, @CommandCtx() context: RequestContext): Promise<CommandResult> {
    return this.commands.execute(new ReceiveCase(body, context));
  }

  @Post(':caseId/steps')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thực hiện một bước (take a lifecycle step)' })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: CommandResultResponse })
  @ApiProblems(
    'validation', 'case.not-found', 'case.step-not-allowed', 'case.step-date-before-previous', 'case.step-date-in-future',
    'case.correction-not-latest', 'case.correction-not-allowed', 'case.revision-conflict', 'idempotency.key-reused', 'unit.not-found@422',
  )
  step(@Param('caseId') caseId: string, @Body() body: StepRequest, @CommandCtx() context: RequestContext): Promise<CommandResult> {
    return this.commands.execute(new TakeStep(caseIdOf(caseId), body, context));
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'Một việc: trạng thái, số tiền, bước được phép, thời hạn' })
  @ApiOkResponse({ type: CaseViewResponse })
  @ApiProblems('case.not-found')
  get(@Param('caseId') caseId: string) {
    return this.view.read(caseIdOf(caseId));
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách việc của một đơn vị (gồm đơn vị cấp dưới), phân trang' })
  @ApiOkResponse({ type: CaseListPage })
  @ApiProblems('validation')
  @ApiQuery({ name: 'unitId', required: true }) @ApiQuery({ name: 'state', required: false }) @ApiQuery({ name: 'statisticClass', required: false })
  @ApiQuery({ name: 'enforcerId', required: false }) @ApiQuery({ name: 'limit', required: false, description: '1..500, default 50' })
  @ApiQuery({ name: 'offset', required: false, description: `0..${MAX_OFFSET}` }) @ApiQuery({ name: 'minPosition', required: false })
  async list(@Query() query: Record<string, unknown>) {
    const q = new QueryParams(query);
    const unitId = q.id('unitId', true)!;
    const [state, statisticClass, enforcerId] = [q.text('state'), q.text('statisticClass'), q.id('enforcerId', false)];
    const [lim, off] = [q.integer('limit', 1, 500, 50), q.integer('offset', 0, MAX_OFFSET, 0)];
    const minPosition = q.text('minPosition');
    q.done();
    await this.projector.readYourWrites(minPosition);
    const unitIds = await new UnitQueries(this.read.store).subtree(unitId);
    const page = await new CaseListQueries(this.read.store).page({ unitIds, state, statisticClass, enforcerId, limit: lim, offset: off });
    return { unitId, limit: lim, offset: off, ...page };
  }
}
