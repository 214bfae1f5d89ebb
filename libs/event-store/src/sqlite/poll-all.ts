import { EventEmitter } from 'node:events';
import { RecordedEvent, Subscription, SubscribeToAllOptions } from '../event-store';

interface PagedSource {
  pageAfter(after: bigint, limit?: number): RecordedEvent[];
}

/**
 * Catch-up-then-live subscription over a store read in pages: reads until a short page, reports
 * caught-up, then sleeps until this process appends (the emitter) or, for writers in other
 * processes such as `thads import`, until the poll interval passes.
 */
export const pollAll = (
  source: PagedSource,
  appended: EventEmitter,
  options: SubscribeToAllOptions,
  pollMs: number,
): Subscription => {
  const types = options.eventTypes ? new Set(options.eventTypes) : undefined;
  let stopped = false;
  let wake: (() => void) | undefined;
  const onAppend = () => wake?.();
  appended.on('append', onAppend);
  const sleep = () =>
    new Promise<void>((resolve) => {
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
    while (!stopped) {
      const page = source.pageAfter(after);
      for (const event of page) {
        if (stopped) return;
        if (!types || types.has(event.type)) await options.onEvent(event);
        after = event.position;
      }
      if (page.length > 0) reported = false;
      if (page.length < 500) {
        if (!reported) {
          options.onCaughtUp?.(after === 0n ? undefined : after);
          reported = true;
        }
        if (!stopped) await sleep();
      }
    }
  };
  const done = run().catch((error: Error) => {
    if (!stopped) options.onError?.(error);
  });
  return {
    stop: async () => {
      stopped = true;
      appended.off('append', onAppend);
      wake?.();
      await done;
    },
  };
};
