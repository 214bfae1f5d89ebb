import { EventEmitter } from 'node:events';
import { RecordedEvent, Subscription, SubscribeToAllOptions } from '../event-store';

export interface SettledPages {
  pageAfter(after: bigint, limit: number): Promise<RecordedEvent[]>;
}

/**
 * Catch-up-then-live over settled pages of $all: reads until a short page, reports caught-up,
 * then sleeps until a wake-up (an append in this process, or a NOTIFY from another) or the poll
 * interval. The interval also covers an event held back by an in-flight transaction: its
 * writer's NOTIFY comes with its COMMIT, but a missed NOTIFY must not stall the projector.
 */
export const pollSubscription = (
  source: SettledPages,
  wakeups: EventEmitter,
  options: SubscribeToAllOptions,
  pollMs: number,
  pageSize: number,
  listening: Promise<void> = Promise.resolve(),
): Subscription => {
  const types = options.eventTypes ? new Set(options.eventTypes) : undefined;
  let stopped = false;
  // A wake-up that arrives while a page is being read must not be lost to the next sleep.
  let pending = false;
  let wake: (() => void) | undefined;
  const onAppend = () => {
    pending = true;
    wake?.();
  };
  wakeups.on('append', onAppend);
  const sleep = () =>
    new Promise<void>((resolve) => {
      if (pending || stopped) return resolve();
      const timer = setTimeout(() => {
        wake = undefined;
        resolve();
      }, pollMs);
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });

  const run = async () => {
    let after = options.after ?? 0n;
    let reported = false;
    // LISTEN before the first read, so no commit falls between the read and the LISTEN unheard.
    await listening;
    while (!stopped) {
      pending = false;
      const page = await source.pageAfter(after, pageSize);
      for (const event of page) {
        if (stopped) return;
        if (!types || types.has(event.type)) await options.onEvent(event);
        after = event.position;
      }
      if (page.length > 0) reported = false;
      if (page.length < pageSize) {
        if (!reported) {
          options.onCaughtUp?.(after === 0n ? undefined : after);
          reported = true;
        }
        await sleep();
      }
    }
  };
  const done = run().catch((error: Error) => {
    if (!stopped) options.onError?.(error);
  });
  return {
    stop: async () => {
      stopped = true;
      wakeups.off('append', onAppend);
      wake?.();
      await done;
    },
  };
};
