/**
 * The lifecycle's speed code, fenced off: everything here gives what xstate's own `transition()`
 * gives, faster, and nothing else in the domain knows how. The decider calls `nextSnapshot`;
 * `states.ts` names states through `nameOfValue`. Nothing else may import this folder's files.
 *
 * Why: every fold (an import, a rebuild, a case's history, each API step) runs each event through
 * the machine, and xstate's `transition()` builds a throwaway actor and works out the states to
 * leave and enter on every call, for every case alike. `npm run bench` measures what that costs
 * and what this saves (its import and rebuild rows).
 *
 * What it relies on, of xstate's insides (so `xstate` is pinned to one exact version in
 * package.json, and upgrading it means running the property tests below first):
 * - `machine.transition(snapshot, event, actorScope)` and `machine.getTransitionData(snapshot,
 *   event)`, the machine's own methods behind the public `transition()` and `snapshot.can()`, and
 *   the fields of the actor scope they read (`INERT` in transition.ts);
 * - snapshots as plain objects: a copy with another `context` is a valid snapshot; their
 *   `value` and `historyValue` (state nodes with an `id`) say where the case stands;
 * - a transition's `actions` as the names given in `setup({ actions })`, each an `assign` whose
 *   effect is the plain function of context-effects.ts, merged as `assign` merges;
 * - the machine's shape: no entry, exit, eventless, delayed or invoked work (checked at start:
 *   `REUSABLE`; without it every transition goes through xstate).
 *
 * What keeps it honest: transition.spec.ts (here) and
 * libs/application/src/lifecycle/next-snapshot-random.spec.ts compare every snapshot with
 * xstate's `transition()` over chosen and random pasts; libs/application/src/lifecycle/
 * machine-version.spec.ts fails when the machine's graph changes without MACHINE_VERSION
 * (persisted-case.ts), the version of the folds read models save.
 */
export { nextSnapshot } from './next-snapshot';
export { nameOfValue } from './state-names';
