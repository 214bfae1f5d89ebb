import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { EventLog } from './event-log';
import { filterOf } from './filter';
import { checkpoint, readEvent } from './messages';
import { ReadCall, send } from './send';

const { AllOptionCase } = ReadReq.Options.AllOptions;

/**
 * Catch-up-then-live subscriptions to $all: a confirmation, the stored events after the start
 * (exclusive), a checkpoint every N scanned events when filtered, `caught_up` when the log is
 * exhausted (servers from 23.10 only; `caughtUp: false` plays an older server), then live events.
 */
export class Subscriptions {
  private readonly active = new Set<AllSubscription>();

  constructor(
    private readonly log: EventLog,
    private readonly options: { caughtUp: boolean },
  ) {}

  async subscribeToAll(call: ReadCall, options: ReadReq.Options): Promise<void> {
    const subscription = new AllSubscription(this.log, call, options, this.options.caughtUp);
    this.active.add(subscription);
    try {
      await subscription.run();
    } finally {
      this.active.delete(subscription);
    }
  }

  /** Fault injection: end every live subscription with UNAVAILABLE, as a lost connection or node does. */
  drop(): number {
    const dropped = [...this.active];
    this.active.clear();
    for (const subscription of dropped)
      subscription.close({ code: status.UNAVAILABLE, details: 'test double: subscription dropped' });
    return dropped.length;
  }

  get count(): number {
    return this.active.size;
  }
}

class AllSubscription {
  private closed = false;
  private wake?: () => void;

  constructor(
    private readonly log: EventLog,
    private readonly call: ReadCall,
    private readonly options: ReadReq.Options,
    private readonly sendCaughtUp: boolean,
  ) {
    call.once('cancelled', () => this.close());
  }

  close(error?: { code: status; details: string }): void {
    if (this.closed) return;
    this.closed = true;
    this.wake?.();
    if (error) this.call.emit('error', error);
  }

  async run(): Promise<void> {
    const filter = filterOf(this.options);
    const unlisten = this.log.onAppend(() => this.wake?.());
    try {
      let cursor = this.start();
      let scanned = 0;
      let caughtUp = false;
      const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
      if (!(await this.send(new ReadResp().setConfirmation(confirmation)))) return;
      while (!this.closed) {
        while (cursor < this.log.events.length) {
          const event = this.log.events[cursor++];
          scanned += 1;
          if (filter.matches(event) && !(await this.send(readEvent(event)))) return;
          if (
            filter.checkpointEvery &&
            scanned % filter.checkpointEvery === 0 &&
            !(await this.send(checkpoint(event.position)))
          )
            return;
        }
        if (!caughtUp) {
          caughtUp = true;
          if (this.sendCaughtUp && !(await this.send(new ReadResp().setCaughtUp(new ReadResp.CaughtUp())))) return;
          continue; // events appended while that was sent
        }
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          if (this.closed || cursor < this.log.events.length) resolve();
        });
        this.wake = undefined;
      }
    } finally {
      unlisten();
    }
  }

  private start(): number {
    const all = this.options.getAll()!;
    switch (all.getAllOptionCase()) {
      case AllOptionCase.POSITION:
        return this.log.indexAfter(BigInt(all.getPosition()!.getCommitPosition()));
      case AllOptionCase.END:
        return this.log.events.length;
      default:
        return 0;
    }
  }

  private async send(message: ReadResp): Promise<boolean> {
    return !this.closed && (await send(this.call, message)) && !this.closed;
  }
}
