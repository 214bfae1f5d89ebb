import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { HistoryQuery, historyCsv, historyHtml, ID_PATTERN, parseHistoryQuery, verifyStream } from '@thads/application';
import { CaseNotFound, caseStream } from '@thads/domain';
import { EventStore } from '@thads/event-store';
import { ValidationProblem } from '../http/problem.filter';
import { CaseHistoryService } from './case-history.service';
import { ApiProblems } from '../http/api-problems';
import { CaseVerifyResponse } from '../integrity/integrity-responses';
import { CaseHistoryResponse } from './history-responses';

const caseIdOf = (caseId: string) => {
  if (!ID_PATTERN.test(caseId)) throw new CaseNotFound(caseId);
  return caseId;
};

// A repeated parameter arrives as an array: refuse it rather than pick one.
const text = (value: unknown, name: string): string | undefined => {
  if (value === undefined || typeof value === 'string') return value;
  throw new ValidationProblem([`${name} must be given once`]);
};

const queryOf = (asOf: unknown, asKnownAt: unknown): HistoryQuery => {
  const { query, errors } = parseHistoryQuery({ asOf: text(asOf, 'asOf'), asKnownAt: text(asKnownAt, 'asKnownAt') });
  if (errors.length) throw new ValidationProblem(errors);
  return query;
};

/** For auditors: what happened to a case, when, recorded by whom, and whether the record is intact. */
@ApiTags('audit')
@ApiExtraModels(CaseHistoryResponse)
@Controller('api/cases')
export class HistoryController {
  constructor(
    private readonly history: CaseHistoryService,
    private readonly store: EventStore,
  ) {}

  @Get(':caseId/history')
  @ApiOperation({
    summary:
      'Lịch sử việc: mọi sự kiện, trạng thái sau mỗi bước; asOf = trạng thái cuối ngày, asKnownAt = theo dữ liệu đã ghi nhận đến thời điểm',
  })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD: events dated up to the end of that day' })
  @ApiQuery({
    name: 'asKnownAt',
    required: false,
    description: 'ISO instant with offset (or a date = end of that day): ignore events recorded later',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiOkResponse({
    description: 'JSON by default; with format=csv, a UTF-8 CSV file with a byte-order mark (Excel)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CaseHistoryResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiProblems('validation', 'case.not-found')
  async read(
    @Param('caseId') caseId: string,
    @Query('asOf') asOf: unknown,
    @Query('asKnownAt') asKnownAt: unknown,
    @Query('format') format: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (format !== undefined && format !== 'json' && format !== 'csv')
      throw new ValidationProblem(['format must be json or csv']);
    const history = await this.history.read(caseIdOf(caseId), queryOf(asOf, asKnownAt));
    if (format !== 'csv') return history;
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="case-${caseId}-history.csv"`);
    return historyCsv(history);
  }

  @Get(':caseId/history.html')
  @ApiOperation({ summary: 'Lịch sử việc, trang in được (HTML)' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD: events dated up to the end of that day' })
  @ApiQuery({
    name: 'asKnownAt',
    required: false,
    description: 'ISO instant with offset (or a date = end of that day): ignore events recorded later',
  })
  @ApiOkResponse({
    description: 'A printable page with the integrity check',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblems('validation', 'case.not-found')
  async page(
    @Param('caseId') caseId: string,
    @Query('asOf') asOf: unknown,
    @Query('asKnownAt') asKnownAt: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { history, integrity } = await this.history.readChecked(caseIdOf(caseId), queryOf(asOf, asKnownAt));
    // The page carries no script: forbid any, so an escaped-text mistake could still run nothing.
    res
      .type('text/html; charset=utf-8')
      .setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return historyHtml(history, integrity);
  }

  @Get(':caseId/verify')
  @ApiOperation({ summary: 'Kiểm tra chuỗi băm của việc: { valid, checked, firstBroken?: { revision, reason } }' })
  @ApiOkResponse({ type: CaseVerifyResponse })
  @ApiProblems('case.not-found')
  async verify(@Param('caseId') caseId: string) {
    const report = await verifyStream(this.store, caseStream(caseIdOf(caseId)));
    if (report.checked === 0) throw new CaseNotFound(caseId);
    const { streamId, valid, checked, firstBroken } = report;
    return { caseId, streamId, valid, checked, ...(firstBroken ? { firstBroken } : {}) };
  }
}
