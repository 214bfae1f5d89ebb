import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnchoredVerification, AppConfig, verifyWithAnchors } from '@thads/application';
import { EventStore } from '@thads/event-store';
import { LogVerificationResponse } from './integrity-responses';

/**
 * The whole log's integrity over HTTP: every stream's hash chain and every anchor, as `thads
 * verify --all` checks them (docs/integrity.md), in this process, one range at a time. It reads
 * the whole log: one check runs at a time, and a request arriving meanwhile gets its answer.
 */
@ApiTags('audit')
@Controller('api/integrity/verify')
export class LogVerifyController {
  private running?: Promise<AnchoredVerification>;

  constructor(
    private readonly store: EventStore,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Kiểm tra toàn bộ nhật ký: chuỗi băm của mọi việc và mọi mốc neo (nặng: đọc cả nhật ký)' })
  @ApiOkResponse({ type: LogVerificationResponse })
  async verify(): Promise<AnchoredVerification> {
    this.running ??= verifyWithAnchors(this.store, {
      anchorFile: this.config.anchors.file,
      keyFile: this.config.anchors.keyFile,
    }).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
