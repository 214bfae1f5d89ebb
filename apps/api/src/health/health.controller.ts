import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@thads/event-store';
import { AppConfig } from '@thads/application';
import { ProjectorService } from '../infrastructure/projector.service';
import { Readiness } from './readiness';
import { ApiProblems } from '../http/api-problems';
import { HealthDetailsResponse, HealthResponse } from './health-responses';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly readiness: Readiness,
    private readonly store: EventStore,
    private readonly projector: ProjectorService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Public, for load balancers and probes: 200 once the app is ready (demo data loaded, projector
   * started), 503 before. Nothing about the log or the stores: an outsider learns up or down.
   */
  @Get()
  @ApiOperation({ summary: 'Sẵn sàng hay chưa (công khai, cho bộ cân bằng tải)' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiProblems('starting')
  health() {
    this.assertReady();
    return { status: 'ok' };
  }

  /** For the administrator: the log's head, the stores in use and the projector's lag. */
  @Get('details')
  @ApiOperation({ summary: 'Tình trạng chi tiết: đầu nhật ký, kho dữ liệu, độ trễ của bộ chiếu (cho quản trị viên)' })
  @ApiOkResponse({ type: HealthDetailsResponse })
  @ApiProblems('starting')
  async details() {
    this.assertReady();
    const head = (await this.store.headPosition()) ?? 0n;
    const position = await this.projector.position();
    return {
      status: 'ok',
      role: this.config.role,
      eventStore: this.config.eventStoreKind,
      readStore: this.projector.readStoreKind,
      head: Number(head),
      projector: { position: Number(position), lag: Number(head - position), projectingHere: this.projector.isProjecting },
    };
  }

  private assertReady(): void {
    if (!this.readiness.ready) throw new ServiceUnavailableException({ message: this.readiness.stage, code: 'starting' });
  }
}
