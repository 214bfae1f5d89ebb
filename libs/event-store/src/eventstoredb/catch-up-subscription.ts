import { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { RecordedEvent, Subscription, SubscribeToAllOptions } from '../event-store';
import { HandlerFailed, isPermanent } from './esdb-errors';
import { isSystem } from './esdb-events';
import { LiveFeed } from './live-feed';
import { AllItem } from './paged-reads';

/** What the subscription needs of the adapter: paged reads of $all, a live subscription, conversions. */
export interface AllSource {
  /** $all after `after` (exclusive), in pages, up to the head. */
  scan(after: bigint | undefined, signal: AbortSignal): AsyncIterable<AllItem>;
  /** A server-filtered live subscription after `after`; `onCheckpoint` gets commit positions. */
  live(
    after: bigint | undefined,
    eventTypes: ReadonlyArray<string> | undefined,
    onCheckpoint: (commit: bigint) => void,
  ): AllStreamSubscription;
  positionOf(resolved: AllStreamResolvedEvent): bigint;
  toRecorded(resolved: AllStreamResolvedEvent): RecordedEvent;
}

export interface RetrySettings {
  initialDelayMs: number;
  maxDelayMs: number;
  log: (line: string) => void;
}

/**
 * Catch up by reading $all in pages (reaching the head is then certain, whatever the server's
 * version: `caughtUp` exists only from 23.10), then follow a server-filtered live subscription from
 * the last position read. A dropped connection resubscribes after the last position handled,
 * with exponential backoff; the dedupe on position makes redelivery impossible.
 *
 * onError is the port's "this subscription is over, resubscribe": it is called only when the
 * subscription stops for good (onEvent threw, access denied). A healed drop is only logged, since
 * callers such as the projector would otherwise resubscribe beside the healed one.
 */
export class CatchUpSubscription implements Subscription {
  private last: bigint | undefined;
  private stopped = false;
  private delay: number;
  private deliveredSinceReport = true;
  private feed?: LiveFeed;
  private wake?: () => void;
  private readonly abort = new AbortController();
  private readonly types?: ReadonlySet<string>;
  private readonly done: Promise<void>;

  constructor(
    private readonly source: AllSource,
    private readonly options: SubscribeToAllOptions,
    private readonly retry: RetrySettings,
  ) {
    this.last = options.after;
    this.delay = retry.initialDelayMs;
    this.types = options.eventTypes ? new Set(options.eventTypes) : undefined;
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.feed?.end();
    this.wake?.();
    await this.done;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.catchUp();
        await this.followLive();
      } catch (error) {
        if (this.stopped) return;
        if (isPermanent(error)) return this.fail(error as Error);
        this.retry.log(
          `EventStoreDB subscription dropped (${(error as Error).message}); resubscribing after position ${this.last ?? 'start'} in ${this.delay} ms`,
        );
        await this.sleep(this.delay);
        this.delay = Math.min(this.delay * 2, this.retry.maxDelayMs);
      }
    }
  }

  private async catchUp(): Promise<void> {
    for await (const { resolved, position } of this.source.scan(this.last, this.abort.signal)) {
      if (this.stopped) return;
      await this.take(resolved, position);
    }
    if (!this.stopped) this.reportCaughtUp();
  }

  private async followLive(): Promise<void> {
    if (this.stopped) return;
    const subscription = this.source.live(this.last, this.options.eventTypes, (commit) =>
      feed.mark(() => this.advance(commit)),
    );
    const feed = new LiveFeed(subscription, (resolved) => this.take(resolved, this.source.positionOf(resolved)));
    subscription.once('confirmation', () => (this.delay = this.retry.initialDelayMs));
    subscription.on('caughtUp', () => feed.mark(() => this.reportCaughtUp()));
    this.feed = feed;
    try {
      await feed.done;
    } finally {
      this.feed = undefined;
    }
  }

  /** One event from either phase: at most once, in position order, awaited. */
  private async take(resolved: AllStreamResolvedEvent, position: bigint): Promise<void> {
    if (this.last !== undefined && position <= this.last) return;
    if (!isSystem(resolved)) {
      const event = this.source.toRecorded(resolved);
      if (!this.types || this.types.has(event.type)) await this.deliver(event);
    }
    this.advance(position);
  }

  private async deliver(event: RecordedEvent): Promise<void> {
    try {
      await this.options.onEvent(event);
    } catch (error) {
      throw new HandlerFailed(error instanceof Error ? error : new Error(String(error)));
    }
    this.deliveredSinceReport = true;
  }

  /** Handled, or a checkpoint (everything up to it handled or filtered out): a resubscription starts after it. */
  private advance(commit: bigint): void {
    if (this.last === undefined || commit > this.last) this.last = commit;
  }

  /** Once per arrival at the head with something new: the catch-up read's end, or the server's caughtUp. */
  private reportCaughtUp(): void {
    if (!this.deliveredSinceReport) return;
    this.deliveredSinceReport = false;
    this.options.onCaughtUp?.(this.last);
  }

  private fail(error: Error): void {
    this.stopped = true;
    this.options.onError?.(error instanceof HandlerFailed ? error.cause : error);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
