import { CaseEvent } from '../../events';
import { LifecycleSnapshot } from '../states';
import { fastTransition } from './transition';

/**
 * A step decided now is folded right after (`decide`, then `evolve` of the same event object):
 * the snapshot worked out to judge it is kept for the fold, instead of running the machine twice.
 */
const judged = new WeakMap<object, { from: LifecycleSnapshot; to: LifecycleSnapshot }>();

const DECIDED_NOW = { fromLog: false };

/**
 * The lifecycle's next snapshot for `event`: the same snapshot back when the machine refuses it.
 * `fromLog`: a step read back from the log, which the machine judges as the law stood when it
 * was taken (machine.ts `judgedWhenTaken`); the decider says which (decider.ts).
 */
export const nextSnapshot = (
  from: LifecycleSnapshot,
  event: CaseEvent,
  how: { fromLog?: boolean } = DECIDED_NOW,
): LifecycleSnapshot => {
  if (how.fromLog) {
    const known = judged.get(event);
    return known && known.from === from ? known.to : fastTransition(from, { ...event, fromLog: true });
  }
  const to = fastTransition(from, event);
  if (to !== from) judged.set(event, { from, to });
  return to;
};
