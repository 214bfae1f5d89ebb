import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult } from '@nestjs/terminus';
import { AppConfig } from '@thads/application';
import { ProjectorService } from '../infrastructure/projector.service';
import { Readiness } from './readiness';
import { ApiProblems } from '../http/api-problems';
import { HealthDetailsResponse, HealthIndicator, HealthResponse } from './health-responses';
import { HealthMonitor, VITAL_INDICATORS } from './health-monitor';

@ApiTags('health')
@ApiExtraModels(HealthIndicator)
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly readiness: Readiness,
    private readonly monitor: HealthMonitor,
    private readonly projector: ProjectorService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Public, for load balancers and probes: 200 once the app is ready (demo data loaded, projector
   * started) and both stores answered the last background check, 503 otherwise. From memory
   * (health-monitor.ts); nothing about the log or the stores: an outsider learns up or down.
   */
  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Sẵn sàng hay chưa (công khai, cho bộ cân bằng tải)' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiProblems('starting', 'store.unavailable')
  async health() {
    this.assertReady();
    const latest = this.monitor.latest ?? (await this.monitor.refresh());
    const down = VITAL_INDICATORS.filter((name) => latest.details[name]?.status !== 'up');
    if (down.length > 0)
      throw new ServiceUnavailableException({ message: `unreachable: ${down.join(', ')}`, code: 'store.unavailable' });
    return { status: 'ok' };
  }

  /**
   * For the administrator: the terminus indicators, checked now (event store, read store,
   * projector lag), with the log's head and the stores in use. 200 with `status: error` when one
   * is down, so that the administrator sees which and why.
   */
  @Get('details')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Tình trạng chi tiết: kho sự kiện, kho đọc, độ trễ của bộ chiếu (cho quản trị viên)' })
  @ApiOkResponse({ type: HealthDetailsResponse })
  @ApiProblems('starting')
  async details() {
    this.assertReady();
    const result: HealthCheckResult = await this.monitor.refresh();
    const projector = result.details.projector ?? {};
    return {
      status: result.status === 'ok' ? 'ok' : 'error',
      info: result.info ?? {},
      error: result.error ?? {},
      details: result.details,
      role: this.config.role,
      eventStore: this.config.eventStoreKind,
      readStore: this.projector.readStoreKind,
      head: Number(result.details.eventStore?.head ?? 0),
      projector: {
        position: Number(projector.position ?? 0),
        lag: Number(projector.behind ?? 0),
        waitingMs: Number(projector.waitingMs ?? 0),
        projectingHere: this.projector.isProjecting,
      },
    };
  }

  private assertReady(): void {
    if (!this.readiness.ready)
      throw new ServiceUnavailableException({ message: this.readiness.stage, code: 'starting' });
  }
}
