import { initialTransition, transition } from 'xstate';
import { caseLifecycle, CaseEvent, isCaseEventType, LifecycleSnapshot, nextSnapshot } from '@thads/domain';
import { SqliteEventStore } from '@thads/event-store';
import type { BenchResult } from './bench';

const FROM_LOG = { fromLog: true };

/**
 * What the lifecycle's fast path (libs/domain/src/lifecycle/fast-path) saves: every case of an
 * imported log taken through the machine event by event, once through the fast path and once
 * through xstate's own `transition()`, in µs an event (the README's "Measurements behind the
 * design" quotes these rows).
 */
export const foldBenchmarks = async (file: string): Promise<BenchResult[]> => {
  const store = new SqliteEventStore(file);
  const cases: CaseEvent[][] = [];
  try {
    const head = (await store.headPosition()) ?? 0n;
    let streamId: string | undefined;
    for (const e of store.readStreamsNow({ prefix: 'case-', upTo: head, metadataFields: ['on'] })) {
      if (!isCaseEventType(e.type)) continue;
      if (e.streamId !== streamId) cases.push([]);
      streamId = e.streamId;
      const on = (e.metadata as unknown as { on: string }).on;
      cases[cases.length - 1].push({ type: e.type, data: e.data, on, id: e.id } as CaseEvent);
    }
  } finally {
    await store.close();
  }
  const events = cases.reduce((n, c) => n + c.length, 0);
  const [start] = initialTransition(caseLifecycle);
  // CPU time, not the clock's: the figure holds on a machine shared with other jobs.
  const timed = (
    next: (from: LifecycleSnapshot, event: CaseEvent) => LifecycleSnapshot,
    some = cases.length,
  ): number => {
    const started = process.cpuUsage();
    for (const events of cases.slice(0, some)) {
      let snapshot = start;
      for (const event of events) snapshot = next(snapshot, event);
    }
    const used = process.cpuUsage(started);
    return (used.user + used.system) / Math.max(events, 1);
  };
  const fastPath = (from: LifecycleSnapshot, event: CaseEvent) => nextSnapshot(from, event, FROM_LOG);
  const throughXstate = (from: LifecycleSnapshot, event: CaseEvent) =>
    transition(caseLifecycle, from, { ...event, fromLog: true })[0];
  // A tenth of the cases first, to warm both up (the fast path learns its outcomes on first use).
  timed(fastPath, cases.length / 10);
  timed(throughXstate, cases.length / 10);
  const fast = timed(fastPath);
  const xstate = timed(throughXstate);
  const round = (us: number) => Math.round(us * 100) / 100;
  return [
    {
      name: 'lifecycle fold, fast path',
      value: round(fast),
      unit: 'µs/event',
      detail: `${events} events of ${cases.length} imported cases, CPU time; xstate transition(): ${round(xstate)} µs/event`,
    },
  ];
};
