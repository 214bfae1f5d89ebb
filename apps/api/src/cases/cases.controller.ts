import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Clock,
  CommandResult,
  CreateCaseRequest,
  ID_PATTERN,
  localDateInVietnam,
  StepRequest,
} from '@thads/application';
import { CASE_STATE_NAMES, CaseNotFound, ORIGINS, STATISTIC_CLASS } from '@thads/domain';
import { CASE_SORTS } from '@thads/projections';
import { CommandCtx, RequestContext } from '../http/command-context';
import { ProjectorService } from '../infrastructure/projector.service';
import { ReceiveCaseCommand, TakeStepCommand } from './case-commands';
import { CaseViewService } from './case-view';
import { MAX_OFFSET, QueryParams } from '../http/query-params';
import { ApiProblems } from '../http/api-problems';
import { DeadlineEngine } from '../deadlines/deadline-engine';
import { nextDeadlines } from './next-deadlines';
import { ReadQueries } from '../infrastructure/read-queries';
import { CaseListPage, CaseViewResponse, CommandResultResponse } from './case-responses';

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A repeated command with the same key appends nothing and returns the first result',
};

/** A name or a number, not a document: longer searches are refused before they reach the store. */
const MAX_SEARCH = 200;

const caseIdOf = (caseId: string) => {
  if (!ID_PATTERN.test(caseId)) throw new CaseNotFound(caseId);
  return caseId;
};

const STATISTIC_CLASSES = [...new Set(Object.values(STATISTIC_CLASS))];

@ApiTags('cases')
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly queries: ReadQueries,
    private readonly commands: CommandBus,
    private readonly view: CaseViewService,
    private readonly projector: ProjectorService,
    private readonly engine: DeadlineEngine,
    private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Tiếp nhận bản án / yêu cầu thi hành án (receive a case)' })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiCreatedResponse({ type: CommandResultResponse })
  @ApiProblems(
    'validation',
    'case.already-exists',
    'case.step-date-in-future',
    'unit.not-found@422',
    'idempotency.key-reused',
  )
  receive(@Body() body: CreateCaseRequest, @CommandCtx() context: RequestContext): Promise<CommandResult> {
    return this.commands.execute(new ReceiveCaseCommand(body, context));
  }

  @Post(':caseId/steps')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thực hiện một bước (take a lifecycle step)' })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: CommandResultResponse })
  @ApiProblems(
    'validation',
    'case.not-found',
    'case.step-not-allowed',
    'case.step-date-before-previous',
    'case.step-date-in-future',
    'case.correction-not-latest',
    'case.correction-not-allowed',
    'case.revision-conflict',
    'idempotency.key-reused',
    'unit.not-found@422',
  )
  step(
    @Param('caseId') caseId: string,
    @Body() body: StepRequest,
    @CommandCtx() context: RequestContext,
  ): Promise<CommandResult> {
    return this.commands.execute(new TakeStepCommand(caseIdOf(caseId), body, context));
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'Một việc: trạng thái, số tiền, bước được phép, thời hạn' })
  @ApiOkResponse({ type: CaseViewResponse })
  @ApiProblems('case.not-found')
  get(@Param('caseId') caseId: string) {
    return this.view.read(caseIdOf(caseId));
  }

  @Get()
  @ApiOperation({
    summary:
      'Danh sách việc của một đơn vị (gồm đơn vị cấp dưới), phân trang; tìm kiếm, lọc, sắp xếp theo thời hạn gần nhất',
  })
  @ApiOkResponse({ type: CaseListPage })
  @ApiProblems('validation')
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'state', required: false, enum: CASE_STATE_NAMES })
  @ApiQuery({ name: 'statisticClass', required: false, enum: STATISTIC_CLASSES })
  @ApiQuery({ name: 'enforcerId', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1..500, default 50' })
  @ApiQuery({ name: 'offset', required: false, description: `0..${MAX_OFFSET}` })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiQuery({
    name: 'q',
    required: false,
    description:
      'Mã việc, số bản án hoặc tên đương sự; không phân biệt hoa thường và dấu ("tran van binh" tìm được "Trần Văn Bình")',
  })
  @ApiQuery({ name: 'origin', required: false, enum: ORIGINS })
  @ApiQuery({ name: 'minDue', required: false, description: 'Số tiền phải thi hành từ (đồng)' })
  @ApiQuery({ name: 'maxDue', required: false, description: 'Số tiền phải thi hành đến (đồng)' })
  @ApiQuery({
    name: 'sort',
    required: false,
    enum: CASE_SORTS,
    description: 'received (mới nhận trước, mặc định), deadline (thời hạn gần nhất trước, quá hạn trước), caseId',
  })
  async list(@Query() query: Record<string, unknown>) {
    const q = new QueryParams(query);
    const unitId = q.id('unitId', true)!;
    // An unknown state or class is a typo, not an empty filter: say so rather than list nothing.
    const state = q.oneOf('state', CASE_STATE_NAMES);
    const statisticClass = q.oneOf('statisticClass', STATISTIC_CLASSES);
    const enforcerId = q.id('enforcerId', false);
    const origin = q.oneOf('origin', ORIGINS);
    const [minDue, maxDue] = [q.amount('minDue'), q.amount('maxDue')];
    if (minDue !== undefined && maxDue !== undefined && BigInt(minDue) > BigInt(maxDue))
      q.problem('minDue must not be above maxDue');
    const search = q.text('q');
    if (search !== undefined && search.length > MAX_SEARCH) q.problem(`q must have at most ${MAX_SEARCH} characters`);
    const sort = q.oneOf('sort', CASE_SORTS);
    const [lim, off] = [q.integer('limit', 1, 500, 50), q.integer('offset', 0, MAX_OFFSET, 0)];
    const minPosition = q.text('minPosition');
    q.done();
    await this.projector.readYourWrites(minPosition);
    const units = this.queries.units;
    const unitIds = await units.subtree(unitId);
    const wholeTree = unitIds.length > 0 && unitIds.length === (await units.count());
    const page = await this.queries.cases.page({
      unitIds,
      wholeTree,
      state,
      statisticClass,
      enforcerId,
      origin,
      minDue,
      maxDue,
      q: search,
      sort,
      limit: lim,
      offset: off,
    });
    const next = await nextDeadlines(
      this.queries.caseSteps,
      this.engine,
      page.items,
      localDateInVietnam(this.clock.now()),
    );
    const items = page.items.map(({ nextDueOn: _key, ...item }) => ({
      ...item,
      nextDeadline: next.get(item.caseId) ?? null,
    }));
    return { unitId, limit: lim, offset: off, total: page.total, items };
  }
}
