import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessPolicy, Actor, Clock, endOfLocalDay, localDateInVietnam } from '@thads/application';
import { CaseNotFound, isLocalDate, ReportSubmittedData } from '@thads/domain';
import {
  buildForm,
  consolidate,
  FORMS,
  formChanges,
  isListPeriodEnd,
  parseKnownAt,
  PERIOD_LIST_IDS,
  PERIOD_LISTS,
  periodList,
  PrintContext,
  ReportForm,
  UnitRow,
} from '@thads/projections';
import { CurrentActor } from '../http/actor';
import { ApiProblems } from '../http/api-problems';
import { RequestContext, CommandCtx } from '../http/command-context';
import { ValidationProblem } from '../http/problem.filter';
import { QueryParams } from '../http/query-params';
import { ProjectorService } from '../infrastructure/projector.service';
import { ReadDatabase } from '../infrastructure/read-database';
import { sendForm } from './form-output';
import {
  assertReportingPeriod,
  assertSubmittable,
  FORMATS,
  formForPeriod,
  formParams,
  knownFormId,
} from './report-params';
import {
  ApiFormAnswer,
  PeriodListResponse,
  ReportCatalogueResponse,
  ReportChangesResponse,
  ReportFormResponse,
  ReportSubmissionResponse,
  ReportSubmissionSchema,
  ReportSubmissionsResponse,
} from './report-responses';
import { FORM_DESCRIPTION } from './reports-docs';
import { SubmissionRequest } from './submission-request';
import { Submissions } from './submissions';
import { assertUnitOpenOn } from './unit-closed';
import { SubmitReport, SubmitResult } from './submit-report';
import { ReadQueries } from '../infrastructure/read-queries';

@ApiTags('reports')
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly queries: ReadQueries,
    private readonly read: ReadDatabase,
    private readonly projector: ProjectorService,
    private readonly commands: CommandBus,
    private readonly submissions: Submissions,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Danh mục biểu mẫu thống kê theo từng chế độ báo cáo (TT 05/2024/TT-BTP), và các danh sách cuối kỳ',
  })
  @ApiOkResponse({ type: ReportCatalogueResponse })
  catalogue() {
    return {
      forms: FORMS.map((f) =>
        f.available
          ? {
              id: f.id,
              regime: f.regime,
              appliesFrom: f.appliesFrom,
              appliesUntil: f.appliesUntil ?? null,
              title: f.title,
              basis: f.basis,
              available: true,
              unit: f.unit,
              rows: f.rows,
              splitByOrigin: f.splitByOrigin,
              layoutKnown: f.layoutKnown,
              layoutNote: f.layoutNote,
            }
          : {
              id: f.id,
              regime: f.regime,
              appliesFrom: f.appliesFrom,
              appliesUntil: f.appliesUntil ?? null,
              title: f.title,
              basis: f.basis,
              available: false,
              why: f.why,
            },
      ),
      lists: PERIOD_LIST_IDS.map((id) => ({
        id,
        title: PERIOD_LISTS[id].title,
        available: !('why' in PERIOD_LISTS[id]),
        ...('why' in PERIOD_LISTS[id] ? { why: (PERIOD_LISTS[id] as { why: string }).why } : {}),
      })),
    };
  }

  @Get('lists/:list')
  @ApiOperation({
    summary: 'Danh sách kèm báo cáo quý, 6 tháng, 10 tháng, năm (TT 05/2024/TT-BTP Điều 8)',
    description:
      'list: separate-tracking (cases moved to the separate-tracking register within from..to), in-progress (cases being enforced at `to`); state-compensation and credit-institutions are answered 422 with why. `to` must end month 3, 6, 9, 10 or 12 of the reporting year.',
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @ApiQuery({
    name: 'asKnownAt',
    required: false,
    description: 'A log position, an ISO-8601 instant or a date (end of that day)',
  })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: PeriodListResponse })
  @ApiProblems(
    'validation',
    'report.list-unknown',
    'report.list-not-available',
    'report.not-a-period-end',
    'unit.not-found',
  )
  async list(@Param('list') list: string, @Query() query: Record<string, unknown>) {
    if (!(PERIOD_LIST_IDS as string[]).includes(list))
      throw new NotFoundException({
        code: 'report.list-unknown',
        message: `no period-end list ${JSON.stringify(list.slice(0, 40))}: the lists are ${PERIOD_LIST_IDS.join(', ')}`,
      });
    const q = new QueryParams(query);
    const unitId = q.id('unitId', true)!;
    const [from, to] = [q.date('from', true), q.date('to', true)];
    if (from && to && from > to) q.problem('from must not be after to');
    const asKnownAt = q.text('asKnownAt');
    const knownAt = asKnownAt === undefined ? undefined : parseKnownAt(asKnownAt, endOfLocalDay);
    if (asKnownAt !== undefined && !knownAt)
      q.problem('asKnownAt must be a log position, an ISO-8601 instant or a real date YYYY-MM-DD');
    const minPosition = q.text('minPosition');
    q.done();
    const spec = PERIOD_LISTS[list as keyof typeof PERIOD_LISTS];
    if ('why' in spec)
      throw new UnprocessableEntityException({
        code: 'report.list-not-available',
        message: `${spec.title}: ${spec.why}`,
      });
    if (!isListPeriodEnd(to!))
      throw new UnprocessableEntityException({
        code: 'report.not-a-period-end',
        message: `${to} does not end a quarter, half-year, 10 months or the year (months 3, 6, 9, 10, 12 from 1 October, TT 05/2024/TT-BTP Điều 8)`,
      });
    await this.projector.readYourWrites(minPosition);
    await this.unit(unitId);
    const items = await periodList(this.read.store, list as 'separate-tracking' | 'in-progress', {
      unitId,
      from: from!,
      to: to!,
      knownAt,
    });
    return { list, title: spec.title, unitId, from, to, asKnownAt: asKnownAt ?? null, count: items.length, items };
  }

  @Get('submissions/:submissionId')
  @ApiOperation({ summary: 'Một báo cáo đã gửi, đúng như đã gửi (JSON, CSV, bản in hoặc xlsx)' })
  @ApiQuery({ name: 'format', required: false, enum: FORMATS })
  @ApiFormAnswer(
    ReportSubmissionResponse,
    'JSON: the submission with its form as sent (`report`); format=csv|html|xlsx: the form as sent',
  )
  // The route rules let any signed-in user ask; the handler judges the submission's unit (403).
  @ApiProblems('validation', 'report.submission-not-found', 'forbidden')
  async submission(
    @Param('submissionId') id: string,
    @Query('format') format: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const event = await this.submissions.find(id);
    const data = event.data as unknown as ReportSubmittedData<ReportForm>;
    await this.access.assertMay(actor, 'statistics.read', [data.unitId], `read report submission ${id}`);
    const unit = await this.unit(data.unitId);
    const summary = this.submissions.summary(event, unit.level, this.today());
    if (format !== undefined && format !== 'json') {
      if (!(FORMATS as ReadonlyArray<string>).includes(format))
        throw new ValidationProblem([`format must be one of ${FORMATS.join(', ')}`]);
      return sendForm(
        data.report,
        format as (typeof FORMATS)[number],
        await this.printContext(unit, summary.submittedAt),
        res,
        `bieu-${data.form}-${data.unitId}-${data.from}-${data.to}-gui-${event.revision}`,
      );
    }
    return {
      ...summary,
      columns: data.report.columns,
      rows: data.report.rows,
      totals: data.report.totals,
      report: data.report,
    };
  }

  @Get('submissions/:submissionId/changes')
  @ApiOperation({
    summary: 'Số liệu đã gửi so với hiện nay, từng ô, với các việc tạo nên chênh lệch',
    description:
      "Each cell that differs: `submitted`, `now`, and `caseIds`, the cases counted by that cell with a step or correction recorded after the submission's position. `minPosition` waits for a write.",
  })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: ReportChangesResponse })
  @ApiProblems('validation', 'report.submission-not-found', 'forbidden')
  async changes(
    @Param('submissionId') id: string,
    @Query('minPosition') minPosition: string | undefined,
    @CurrentActor() actor: Actor,
  ) {
    const event = await this.submissions.find(id);
    const data = event.data as unknown as ReportSubmittedData<ReportForm>;
    await this.access.assertMay(actor, 'statistics.read', [data.unitId], `read report submission ${id}`);
    await this.projector.readYourWrites(minPosition);
    const def = formForPeriod(data.form, data.from, data.to);
    const now = await buildForm(this.read.store, def, { unitId: data.unitId, from: data.from, to: data.to });
    const cells = await formChanges(this.read.store, def, data.report, BigInt(data.position), now);
    return {
      submissionId: id,
      form: data.form,
      unitId: data.unitId,
      from: data.from,
      to: data.to,
      position: data.position,
      cells,
    };
  }

  @Get(':form/submissions')
  @ApiOperation({
    summary: 'Các lần gửi một biểu cho một kỳ, và thời hạn gửi (đúng hạn, chậm)',
    description:
      "The unit's submissions oldest first with its deadline (met, late; open or overdue before any), and `subunits`: each unit directly below with its first submission and deadline status.",
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @ApiOkResponse({ type: ReportSubmissionsResponse })
  @ApiProblems(
    'validation',
    'report.form-unknown',
    'unit.not-found',
    'report.no-form-for-period',
    'report.period-crosses-year',
    'report.not-a-reporting-period',
  )
  async listSubmissions(@Param('form') form: string, @Query() query: Record<string, unknown>) {
    knownFormId(form);
    const q = new QueryParams(query);
    const unitId = q.id('unitId', true)!;
    const [from, to] = [q.date('from', true), q.date('to', true)];
    q.done();
    // Only a period a form can be sent for has a submission deadline (the review found reversed dates "overdue").
    if (from! > to!) throw new ValidationProblem(['from must not be after to']);
    formForPeriod(form, from!, to!);
    assertReportingPeriod(from!, to!);
    const unit = await this.unit(unitId);
    const events = await this.submissions.ofPeriod(unitId, form, from!, to!);
    const today = this.today();
    const summaries = events.map((e) => this.submissions.summary(e, unit.level, today));
    const first = summaries[0];
    // The units directly below, with their own deadline: who has sent, on time or late, and who is overdue.
    const children = (await this.queries.units.list()).filter((u) => u.parentId === unitId);
    const subunits = await Promise.all(
      children.map(async (child) => {
        const [sent] = await this.submissions.ofPeriod(child.unitId, form, from!, to!);
        const s = sent && this.submissions.summary(sent, child.level, today);
        return {
          unitId: child.unitId,
          name: child.name,
          firstSubmissionId: s?.submissionId ?? null,
          deadline: s?.deadline ?? this.submissions.deadline(child.level, to!, undefined, today) ?? null,
        };
      }),
    );
    return {
      form,
      unitId,
      from,
      to,
      deadline: first?.deadline ?? this.submissions.deadline(unit.level, to!, undefined, today) ?? null,
      submissions: summaries,
      subunits,
    };
  }

  @Post(':form/submissions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Gửi báo cáo (chốt số liệu): ghi nhận số liệu, vị trí nhật ký và mã băm; gửi lại phải có lý do',
  })
  @ApiCreatedResponse({ type: ReportSubmissionSchema })
  @ApiProblems(
    'validation',
    'report.form-unknown',
    'unit.not-found',
    'report.no-form-for-period',
    'report.form-not-built',
    'report.period-crosses-year',
    'report.already-submitted',
    'report.submission-conflict',
    'report.not-a-reporting-period',
    'report.period-not-ended',
    'report.unit-closed',
  )
  async submit(@Param('form') form: string, @Body() body: SubmissionRequest, @CommandCtx() context: RequestContext) {
    knownFormId(form);
    const problems = (['from', 'to'] as const)
      .filter((k) => !isLocalDate(body[k]))
      .map((k) => `${k} must be a real date YYYY-MM-DD`);
    if (!problems.length && body.from > body.to) problems.push('from must not be after to');
    if (problems.length) throw new ValidationProblem(problems);
    const def = formForPeriod(form, body.from, body.to);
    assertSubmittable(body.from, body.to, this.today());
    const unit = await this.unit(body.unitId);
    await assertUnitOpenOn(this.read.store, body.unitId, body.to);
    const result: SubmitResult = await this.commands.execute(
      new SubmitReport(def, { unitId: body.unitId, from: body.from, to: body.to }, body.reason, context),
    );
    const event = await this.submissions.find(result.submissionId);
    return this.submissions.summary(event, unit.level, this.today());
  }

  @Get(':form')
  @ApiOperation({
    summary: 'Biểu mẫu thống kê của một đơn vị, một kỳ (JSON, CSV, bản in A4 ngang, xlsx)',
    description: FORM_DESCRIPTION,
  })
  @ApiQuery({ name: 'unitId', required: true })
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @ApiQuery({ name: 'asKnownAt', required: false })
  @ApiQuery({ name: 'format', required: false, enum: FORMATS })
  @ApiQuery({ name: 'basis', required: false, enum: ['now', 'submitted'] })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiFormAnswer(
    ReportFormResponse,
    'JSON, or format=csv|html|xlsx: the same figures as CSV, the A4 landscape print view, or an Excel workbook',
  )
  @ApiProblems(
    'validation',
    'report.form-unknown',
    'unit.not-found',
    'report.no-form-for-period',
    'report.form-not-built',
    'report.period-crosses-year',
    'report.basis-with-as-known-at',
    'report.basis-not-supported',
    'report.unit-closed',
  )
  async form(
    @Param('form') form: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const p = formParams(form, query);
    await this.projector.readYourWrites(p.minPosition);
    if (p.knownAt && 'position' in p.knownAt) await this.projector.readYourWrites(p.knownAt.position.toString());
    const unit = await this.unit(p.unitId);
    await assertUnitOpenOn(this.read.store, p.unitId, p.to, p.knownAt);
    const built = await buildForm(this.read.store, p.def, p);
    let report: ReportForm = built.form;
    if (p.basis === 'submitted') {
      if (p.def.rows !== 'subunits')
        throw new UnprocessableEntityException({
          code: 'report.basis-not-supported',
          message: `form ${form} has rows by enforcer: it is not consolidated from subunits' submissions`,
        });
      const children = built.form.rows.filter((r) => r.depth === 0 && r.unitId !== unit.unitId).map((r) => r.unitId);
      const sent = new Map<string, { submissionId: string; report: ReportForm }>();
      for (const child of children) {
        const events = await this.submissions.ofPeriod(child, form, p.from, p.to);
        const last = events[events.length - 1];
        if (last)
          sent.set(child, {
            submissionId: (last.data as unknown as ReportSubmittedData<ReportForm>).submissionId,
            report: (last.data as unknown as ReportSubmittedData<ReportForm>).report,
          });
      }
      report = consolidate(p.def, built, sent);
    }
    return sendForm(report, p.format, await this.printContext(unit), res);
  }

  private async unit(unitId: string): Promise<UnitRow> {
    const unit = await this.queries.units.find(unitId);
    if (!unit) throw new CaseNotFound(unitId, 'unit.not-found');
    return unit;
  }

  private today(): string {
    return localDateInVietnam(this.clock.now());
  }

  private async printContext(unit: UnitRow, at?: string): Promise<PrintContext> {
    const parent = unit.parentId ? await this.queries.units.find(unit.parentId) : undefined;
    return {
      receiverName: parent?.name ?? 'Bộ Tư pháp',
      preparedOn: at ? localDateInVietnam(new Date(at)) : this.today(),
    };
  }
}
