import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  Anchor,
  AnchorKey,
  AnchorReason,
  AnchorSummary,
  AnchorWriter,
  AnchorWritten,
  AppConfig,
  Clock,
  summaryOf,
} from '@thads/application';
import { EventStore } from '@thads/event-store';

/** How often the head is looked at; an anchor is written only when its count or its time is due. */
const POLL_MS = 1_000;

/**
 * Writes the log's anchors while the API runs (docs/integrity.md): once THADS_ANCHOR_EVERY_EVENTS
 * positions were appended since the last one, or THADS_ANCHOR_EVERY_MINUTES after it when
 * anything was, at every graceful stop (before the stores close), and on demand. The projector
 * role writes none: it appends nothing.
 */
@Injectable()
export class AnchorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private writer?: AnchorWriter;
  private timer?: NodeJS.Timeout;
  private busy = false;
  private readonly logger = new Logger('anchors');

  constructor(
    private readonly config: AppConfig,
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'projector') return;
    const { keyFile, file, everyEvents, everyMinutes } = this.config.anchors;
    this.writer = new AnchorWriter(this.store, AnchorKey.loadOrCreate(keyFile), file, () => this.clock.now());
    this.logger.log(`anchor key ${this.writer.fingerprint} (${keyFile}); anchors in ${file}`);
    if (everyEvents > 0 || everyMinutes > 0) {
      this.timer = setInterval(() => void this.tick(), POLL_MS);
      this.timer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (!this.writer) return;
    await this.write('shutdown').catch((error: Error) => this.logger.error(`no anchor at shutdown: ${error.message}`));
  }

  get fingerprint(): string | undefined {
    return this.writer?.fingerprint;
  }

  latest(): AnchorSummary | undefined {
    const a = this.writer?.latest();
    return a ? summaryOf(a) : undefined;
  }

  write(reason: AnchorReason): Promise<AnchorWritten> {
    if (!this.writer) throw new Error('this process writes no anchors (THADS_ROLE=projector)');
    return this.writer.write(reason);
  }

  /** Due by count (positions since the last anchor) or by time (and something new). */
  private async tick(): Promise<void> {
    if (this.busy || !this.writer) return;
    this.busy = true;
    try {
      const head = await this.store.headPosition();
      const last: Anchor | undefined = this.writer.latest();
      const after = last ? BigInt(last.position) : 0n;
      if (head === undefined || head <= after) return;
      const { everyEvents, everyMinutes } = this.config.anchors;
      const sinceMs = this.clock.now().getTime() - (last ? Date.parse(last.at) : 0);
      if (
        (everyEvents > 0 && head - after >= BigInt(everyEvents)) ||
        (everyMinutes > 0 && sinceMs >= everyMinutes * 60_000)
      )
        await this.write('interval');
    } catch (error) {
      this.logger.error(`anchor not written: ${(error as Error).message}`);
    } finally {
      this.busy = false;
    }
  }
}
