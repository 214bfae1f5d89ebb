import { caseDecider, CaseEvent, CaseState, KnownCase, LocalDate, StatisticClass } from '@thads/domain';
import { ledgerSnapshotOf } from '../statistics/ledger-snapshot';
import { FoldMemo } from './fold-memo';

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

/** A timeline as a list from its last point back: a step adds a link, a correction goes back one. */
interface Link {
  point: TimelinePoint;
  prev?: Link;
  length: number;
}

const pointOf = (state: KnownCase, on: LocalDate): TimelinePoint => {
  const { cls, outstanding } = ledgerSnapshotOf(state);
  return { on, cls, outstanding, unitId: state.unitId };
};

/** The case folded again from its effective steps, a point a step. */
const refold = (c: KnownCase): Link | undefined => {
  let link: Link | undefined;
  let state: CaseState = caseDecider.initialState();
  for (const step of c.steps) {
    state = caseDecider.evolve(state, step);
    if (state.status === 'known')
      link = { point: pointOf(state, step.on), prev: link, length: (link?.length ?? 0) + 1 };
  }
  return link;
};

// The projector hands an event's `after` to the case's next event as its `before`, so a timeline
// grows by a link an event without folding the case again.
const held = new FoldMemo<Link>();

const linkOf = (c: KnownCase, from?: { before: CaseState; event: CaseEvent }): Link | undefined => {
  const found = held.get(c);
  if (found) return found;
  let link: Link | undefined;
  const before = from?.before;
  if (before?.status !== 'known') {
    if (c.steps.length === 1 && c.steps[0] === from?.event) link = { point: pointOf(c, c.steps[0].on), length: 1 };
  } else {
    const prior = held.get(before);
    const n = before.steps.length;
    if (prior && c.steps.length === n + 1 && c.steps[n] === from!.event && c.steps[n - 1] === before.steps[n - 1])
      link = { point: pointOf(c, from!.event.on), prev: prior, length: n + 1 };
    else if (prior?.prev && c.steps.length === n - 1 && n >= 2 && c.steps[n - 2] === before.steps[n - 2])
      link = prior.prev;
  }
  link ??= refold(c);
  return link ? held.set(c, link) : undefined;
};

/**
 * The case's timeline, a point an effective step in their order. With the event that made the
 * case (`from`), it grows from the timeline of the case before that event when that is known: a
 * new step adds a point, a correction drops the last one. Otherwise the case is folded again from
 * its steps (a few µs a step).
 */
export const timelineOf = (c: KnownCase, from?: { before: CaseState; event: CaseEvent }): TimelinePoint[] => {
  const link = linkOf(c, from);
  const points: TimelinePoint[] = new Array<TimelinePoint>(link?.length ?? 0);
  for (let l = link, i = points.length - 1; l; l = l.prev, i--) points[i] = l.point;
  return points;
};

/** Grows the case's timeline from the one before the event, as the projector folds it (no array made). */
export const growTimeline = (c: KnownCase, from: { before: CaseState; event: CaseEvent }): void => {
  linkOf(c, from);
};
