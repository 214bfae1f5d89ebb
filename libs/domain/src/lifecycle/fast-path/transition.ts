import { AnyActorScope, AnyStateNode, createActor } from 'xstate';
import { CaseEvent } from '../../events';
import { CONTEXT_EFFECTS, ContextEffect } from '../context-effects';
import { LifecycleContext } from '../context';
import { caseLifecycle } from '../machine';
import { LifecycleSnapshot } from '../states';

// xstate's `transition()` builds a throwaway actor on every call, and the actor computes the
// machine's initial snapshot, a large share of a step's cost in a bulk import. The machine has no
// children, no delays and only `assign` actions, so one inert scope, never started, serves
// every transition and the snapshots are the same (transition.spec.ts).
const self = createActor(caseLifecycle);
const INERT: AnyActorScope = {
  self,
  id: '',
  sessionId: '',
  system: self.system,
  logger: () => {},
  defer: () => {},
  emit: () => {},
  stopChild: () => {},
  actionExecutor: () => {},
};

type Transitions = ReturnType<typeof caseLifecycle.getTransitionData>;

/**
 * What a set of transitions does from one configuration of states: where it leads (the new
 * states and history) does not depend on the context, and what it does to the context is its
 * actions' effects. `viaMachine` when that could not be shown on the first use.
 */
interface Outcome {
  to: LifecycleSnapshot;
  toKey: string;
  effects: ContextEffect[];
  viaMachine: boolean;
}

/**
 * Outcomes reused (a few hundred exist: states × history × transitions). Most of a full
 * transition's cost is working out the states to exit and enter, the same for every case that
 * takes the same step from the same place; xstate still chooses the transitions, guards and
 * all, for every event (`getTransitionData`, as `can` does). The gain is measured by
 * `npm run bench` (the import and rebuild rows).
 */
const OUTCOMES = new Map<string, Outcome>();
const MAX_OUTCOMES = 10_000;
/** The configuration key of snapshots made here, so it is never computed twice. */
const KEYS = new WeakMap<LifecycleSnapshot, string>();
const TRANSITION_IDS = new WeakMap<object, number>();

/**
 * Reuse is sound only while every effect of a transition is in its own `actions`: no entry or
 * exit actions, no eventless, delayed or invoked work, no initial-transition actions.
 */
const onlyTransitionActions = (node: AnyStateNode): boolean => {
  const c = node.config as Record<string, unknown>;
  const none = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);
  return (
    none(c.entry) &&
    none(c.exit) &&
    none(c.always) &&
    none(c.invoke) &&
    none(c.after) &&
    (c.initial === undefined || typeof c.initial === 'string') &&
    Object.values(node.states).every((child) => onlyTransitionActions(child as AnyStateNode))
  );
};
const REUSABLE = onlyTransitionActions(caseLifecycle.root);

const configurationKey = (s: LifecycleSnapshot): string => {
  let key = KEYS.get(s);
  if (key === undefined) {
    const history = Object.entries(s.historyValue)
      .map(([id, nodes]) => `${id}=${nodes.map((n) => n.id).join('+')}`)
      .join(';');
    key = `${JSON.stringify(s.value)}|${history}`;
    KEYS.set(s, key);
  }
  return key;
};

let transitionsNamed = 0;
const transitionId = (t: object): number => {
  let id = TRANSITION_IDS.get(t);
  if (id === undefined) TRANSITION_IDS.set(t, (id = transitionsNamed++));
  return id;
};

const effectsOf = (transitions: Transitions): ContextEffect[] | undefined => {
  const effects: ContextEffect[] = [];
  for (const t of transitions) {
    for (const action of t.actions) {
      const effect =
        typeof action === 'string' ? (CONTEXT_EFFECTS as Record<string, ContextEffect>)[action] : undefined;
      if (!effect) return undefined;
      effects.push(effect);
    }
  }
  return effects;
};

const applied = (effects: ContextEffect[], context: LifecycleContext, event: CaseEvent): LifecycleContext => {
  let next = context;
  for (const effect of effects) next = { ...next, ...effect({ context: next, event }) };
  return next;
};

const plain = (context: LifecycleContext) =>
  JSON.stringify(context, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
const sameContext = (a: LifecycleContext, b: LifecycleContext): boolean => plain(a) === plain(b);

/** A new snapshot as xstate makes them: the outcome's states with the new context. */
const withContext = (outcome: Outcome, context: LifecycleContext): LifecycleSnapshot => {
  const snapshot = { ...outcome.to, context } as LifecycleSnapshot;
  KEYS.set(snapshot, outcome.toKey);
  return snapshot;
};

/** The pure `transition` of the lifecycle: the same snapshot back when the machine refuses the event. */
export const fastTransition = (from: LifecycleSnapshot, event: CaseEvent): LifecycleSnapshot => {
  if (!REUSABLE || from.status !== 'active') return caseLifecycle.transition(from, event, INERT);
  const transitions = caseLifecycle.getTransitionData(from, event);
  if (transitions.length === 0) return from;
  const key = `${configurationKey(from)}|${transitions.map(transitionId).join(',')}`;
  const known = OUTCOMES.get(key);
  if (known && !known.viaMachine) return withContext(known, applied(known.effects, from.context, event));
  const to = caseLifecycle.transition(from, event, INERT);
  if (!known && OUTCOMES.size < MAX_OUTCOMES) {
    const effects = effectsOf(transitions);
    // Shown once, on this first use: the effects give the context xstate gave.
    const viaMachine = to === from || !effects || !sameContext(applied(effects, from.context, event), to.context);
    OUTCOMES.set(key, { to, toKey: configurationKey(to), effects: effects ?? [], viaMachine });
  }
  return to;
};
