import { AnyActorScope, createActor } from 'xstate';
import { CaseEvent } from '../events';
import { caseLifecycle } from './machine';
import { LifecycleSnapshot } from './states';

// xstate's `transition()` builds a throwaway actor on every call, and the actor computes the
// machine's initial snapshot: more than half the cost of a step in a bulk import. The machine
// has no children, no delays and only `assign` actions, so one inert scope, never started,
// serves every transition and the snapshots are the same (next-snapshot.spec.ts).
const self = createActor(caseLifecycle);
const INERT: AnyActorScope = {
  self, id: '', sessionId: '', system: self.system,
  logger: () => {}, defer: () => {}, emit: () => {}, stopChild: () => {}, actionExecutor: () => {},
};

/** The pure `transition` of the lifecycle: the same snapshot back when the machine refuses the event. */
export const nextSnapshot = (from: LifecycleSnapshot, event: CaseEvent): LifecycleSnapshot =>
  caseLifecycle.transition(from, event, INERT);
