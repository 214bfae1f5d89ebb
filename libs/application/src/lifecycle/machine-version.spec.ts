import { createHash } from 'node:crypto';
import { caseLifecycle, lifecycleGraph, MACHINE_VERSION } from '@thads/domain';

/**
 * Cached folds (persisted-case.ts, the `case_snapshots` a read store keeps) are valid only for
 * the machine they were made with, so a change of the machine's shape must come with a new
 * MACHINE_VERSION, which makes every cache refold. The fast path (libs/domain/src/lifecycle/
 * fast-path) keeps its outcomes in memory only, made by the machine loaded, and is checked
 * against xstate's own transition() by its property tests. The shape: states, transitions with
 * their guards and actions, and the keys of the context. Labels and legal texts may change freely.
 */
const FINGERPRINTS: Record<number, string> = {
  3: '7e64a4a9eea96086',
  4: '8dd3eecf80a9add2',
  5: '3901537bad098803',
  6: '00c30357e1997ffa',
};

const shapeOf = () => {
  const graph = lifecycleGraph();
  const context = caseLifecycle.config.context as unknown;
  return JSON.stringify({
    initial: graph.initial,
    states: graph.states.map(({ id, kind, parent, initial }) => [id, kind, parent, initial]),
    transitions: graph.transitions.map(({ from, to, event, guard, actions }) => [from, to, event, guard, actions]),
    context: typeof context === 'function' ? 'factory' : Object.keys((context ?? {}) as object).sort(),
  });
};

describe('MACHINE_VERSION (libs/domain/src/lifecycle/persisted-case.ts)', () => {
  it("changes whenever the machine's shape does", () => {
    const fingerprint = createHash('sha256').update(shapeOf()).digest('hex').slice(0, 16);
    if (FINGERPRINTS[MACHINE_VERSION] !== fingerprint) {
      throw new Error(
        `The lifecycle machine's shape is ${fingerprint}, recorded for MACHINE_VERSION ${MACHINE_VERSION} as ` +
          `${FINGERPRINTS[MACHINE_VERSION] ?? 'nothing'}. If the machine changed, bump MACHINE_VERSION and record ` +
          `${fingerprint} for the new version here; never edit the fingerprint of a released version.`,
      );
    }
  });
});
