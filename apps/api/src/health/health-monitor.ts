import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  ServiceUnavailableException,
} from '@nestjs/common';
import { HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { StoreHealth } from './store-health';

/** Often enough that a probe sees a store go down within seconds; rare enough to cost nothing. */
export const HEALTH_REFRESH_MS = 5_000;

/**
 * Runs the terminus checks in the background and keeps the last result, so that the public
 * /api/health answers from memory: a load balancer polling it costs no database round trip.
 * A change of status is logged once, not at every refresh.
 */
/** The indicators without which the API cannot answer at all; a lagging projector only makes it stale. */
export const VITAL_INDICATORS = ['eventStore', 'readStore'];

@Injectable()
export class HealthMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Health');
  private last?: HealthCheckResult;
  private running?: Promise<HealthCheckResult>;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly health: HealthCheckService,
    private readonly checks: StoreHealth,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refresh(), HEALTH_REFRESH_MS);
    this.timer.unref();
  }

  /** The last result; undefined until the first check has finished. */
  get latest(): HealthCheckResult | undefined {
    return this.last;
  }

  /** Whether the event store and the read store were up at the last check; undefined before the first. */
  vitalStoresUp(): boolean | undefined {
    return this.last && VITAL_INDICATORS.every((name) => this.last?.details[name]?.status === 'up');
  }

  /** Checks now (joining a check already under way) and keeps the result. */
  refresh(): Promise<HealthCheckResult> {
    this.running ??= this.check().finally(() => (this.running = undefined));
    return this.running;
  }

  private async check(): Promise<HealthCheckResult> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        () => this.checks.eventStore(),
        () => this.checks.readStore(),
        () => this.checks.projectorLag(),
      ]);
    } catch (error) {
      // Terminus answers a `down` indicator with a 503 carrying the full result.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
    }
    if (result.status !== this.last?.status) {
      if (result.status === 'ok') this.logger.log('health: ok');
      else this.logger.warn({ msg: `health: ${result.status}`, error: result.error });
    }
    this.last = result;
    return result;
  }

  /** Before the stores close (StoreLifecycle closes them on application shutdown, which comes after). */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
