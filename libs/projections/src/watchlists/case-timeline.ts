import { caseDecider, CaseEvent, CaseState, KnownCase, LocalDate, StatisticClass } from '@thads/domain';
import { ledgerSnapshotOf } from '../statistics/ledger-snapshot';

/**
 * Where a case stood after one of its effective steps: its statistic class, what remained to be
 * enforced and the unit holding it. Steps are dated no earlier than the step before them
 * (decider.ts, `case.step-date-before-previous`) and a correction takes back the latest one on
 * its own date (docs/architecture.md §3), so on any day the case stands as after its last step
 * dated that day or before: exactly what the ledger's moves of that case add up to by the day.
 */
export interface TimelinePoint {
  on: LocalDate;
  cls: StatisticClass;
  outstanding: bigint;
  unitId: string;
}

const pointOf = (state: KnownCase, on: LocalDate): TimelinePoint => {
  const { cls, outstanding } = ledgerSnapshotOf(state);
  return { on, cls, outstanding, unitId: state.unitId };
};

/** The case folded again from its effective steps, a point a step. */
const refold = (c: KnownCase): TimelinePoint[] => {
  const points: TimelinePoint[] = [];
  let state: CaseState = caseDecider.initialState();
  for (const step of c.steps) {
    state = caseDecider.evolve(state, step);
    if (state.status === 'known') points.push(pointOf(state, step.on));
  }
  return points;
};

// Keyed by the folded case itself: the projector hands each event's `after` to the next event of
// the case as its `before`, so a case's timeline grows by a point an event without folding it
// again; entries go with the folds (weakly held), so memory follows the projector's own cache.
const timelines = new WeakMap<KnownCase, ReadonlyArray<TimelinePoint>>();

/**
 * The case's timeline. With the event that made it (`from`), it extends the timeline of the case
 * before that event when it is known: a new step adds a point, a correction drops the last one.
 * Otherwise the case is folded again from its steps (a few µs a step).
 */
export const timelineOf = (
  c: KnownCase,
  from?: { before: CaseState; event: CaseEvent },
): ReadonlyArray<TimelinePoint> => {
  const held = timelines.get(c);
  if (held) return held;
  let points: ReadonlyArray<TimelinePoint> | undefined;
  const before = from?.before;
  const prior = before?.status === 'known' ? timelines.get(before) : undefined;
  if (prior && before?.status === 'known') {
    const n = before.steps.length;
    if (c.steps.length === n + 1 && c.steps[n] === from!.event && (n === 0 || c.steps[n - 1] === before.steps[n - 1]))
      points = [...prior, pointOf(c, from!.event.on)];
    else if (c.steps.length === n - 1 && n >= 2 && c.steps[n - 2] === before.steps[n - 2]) points = prior.slice(0, -1);
  }
  points ??= refold(c);
  timelines.set(c, points);
  return points;
};
