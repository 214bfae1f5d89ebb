import { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { SubscriptionEnded } from './esdb-errors';

/**
 * Hands a client subscription's events to `handle` one at a time, in order, pausing the stream
 * while each is handled (backpressure reaches the server through HTTP/2 flow control). `done`
 * settles when the subscription ends (error, end, or `end()`), never while an event is in hand,
 * so a resubscription cannot overlap the old one.
 */
export class LiveFeed {
  readonly done: Promise<void>;
  private emitted = 0;
  private handled = 0;
  private readonly marks: Array<{ after: number; apply: () => void }> = [];
  private busy = false;
  private ended = false;
  private outcome?: Error;
  private settle!: { resolve: () => void; reject: (error: Error) => void };

  constructor(
    private readonly subscription: AllStreamSubscription,
    private readonly handle: (resolved: AllStreamResolvedEvent) => Promise<void>,
  ) {
    this.done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    subscription.on('data', (resolved: AllStreamResolvedEvent) => this.onData(resolved));
    subscription.on('error', (error: Error) => this.end(error));
    subscription.on('end', () => this.end(new SubscriptionEnded()));
  }

  /**
   * Run `apply` once every event the client produced before this moment is handled. Checkpoints
   * and caught-up arrive while earlier events may still wait in the stream's buffer; applied
   * early, a checkpoint would let a resubscription skip them.
   */
  mark(apply: () => void): void {
    this.marks.push({ after: this.emitted + this.subscription.readableLength, apply });
    this.applyMarks();
  }

  end(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.outcome = error;
    if (!this.busy) this.finish();
  }

  private onData(resolved: AllStreamResolvedEvent): void {
    this.emitted += 1;
    if (this.ended) return; // dropped: the resubscription reads it again
    this.busy = true;
    this.subscription.pause();
    this.handle(resolved).then(
      () => {
        this.busy = false;
        this.handled += 1;
        this.applyMarks();
        if (this.ended) this.finish();
        else this.subscription.resume();
      },
      (error: Error) => {
        this.busy = false;
        this.ended = true;
        this.outcome = error;
        this.finish();
      },
    );
  }

  private applyMarks(): void {
    while (this.marks.length > 0 && this.marks[0].after <= this.handled) this.marks.shift()!.apply();
  }

  private finish(): void {
    this.subscription.removeAllListeners('data');
    void this.subscription.unsubscribe().catch(() => undefined);
    if (this.outcome) this.settle.reject(this.outcome);
    else this.settle.resolve();
  }
}
