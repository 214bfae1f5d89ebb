import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AnchorCheck, AnchorKey, AppConfig, readAnchorLines, summaryOf } from '@thads/application';
import { ValidationProblem } from '../http/problem.filter';
import { AnchorService } from './anchor.service';
import { ApiProblems } from '../http/api-problems';
import { AnchorListResponse, AnchorWrittenResponse } from './integrity-responses';

const limitOf = (value: unknown): number => {
  if (value === undefined) return 100;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 1000)
    throw new ValidationProblem(['limit must be a whole number from 1 to 1000']);
  return Number(value);
};

/** The log's anchors (docs/integrity.md): for administrators and auditors. */
@ApiTags('audit')
@Controller('api/integrity/anchors')
export class AnchorsController {
  constructor(
    private readonly anchors: AnchorService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Mốc neo nhật ký: khóa công khai, các mốc neo gần nhất, kiểm tra chữ ký và chuỗi mốc neo' })
  @ApiQuery({ name: 'limit', required: false, description: 'the latest anchors to list, 1–1000 (default 100)' })
  @ApiOkResponse({ type: AnchorListResponse })
  @ApiProblems('validation')
  list(@Query('limit') limit: unknown) {
    const n = limitOf(limit);
    const key = AnchorKey.load(this.config.anchors.keyFile);
    const lines = readAnchorLines(this.config.anchors.file);
    // The file checked on its own (signatures, chain of anchors); the log against it is `thads verify --all`.
    const file = new AnchorCheck(lines, key).report();
    const anchors = lines.slice(-n).map((l) => l.anchor ?? { line: l.line, error: l.error });
    return {
      keyFingerprint: key?.fingerprint ?? null,
      publicKey: key?.publicKeyPem ?? null,
      total: lines.length,
      latest: file.latest ?? null,
      file: { valid: file.valid, findings: file.findings },
      anchors,
    };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Ký mốc neo ngay: vị trí, số sự kiện và mã băm của nhật ký đến hiện tại' })
  @ApiOkResponse({ type: AnchorWrittenResponse })
  async write() {
    const { written, anchor } = await this.anchors.write('demand');
    return { written, anchor: anchor ? summaryOf(anchor) : null, keyFingerprint: this.anchors.fingerprint };
  }
}
