import { caseDecider, KnownCase } from '../decider';
import { history, step, stepped } from '../testing/builders';
import { persistCase, restoreCase } from './persisted-case';
import { stateNameOf } from './states';

const fold = (events: Parameters<typeof caseDecider.evolve>[1][]) =>
  events.reduce(caseDecider.evolve, caseDecider.initialState()) as KnownCase;

describe('a folded case persisted as JSON', () => {
  it('restores state, amounts and the resume point of a postponed case', () => {
    const state = fold([
      ...history.auctioned(),
      stepped('collect', '2025-01-10', { amount: '40000000' }),
      stepped('postpone', '2025-01-12'),
    ]);
    const restored = restoreCase(JSON.parse(JSON.stringify(persistCase(state))))!;
    expect(stateNameOf(restored.lifecycle)).toBe('postponed');
    expect(restored.lifecycle.context.amounts.collected).toBe(40000000n);
    const resumed = caseDecider
      .decide(step('resume', '2025-02-01'), restored)
      .reduce(caseDecider.evolve, restored as never) as KnownCase;
    expect(stateNameOf(resumed.lifecycle)).toBe('auctioned');
  });

  it('refuses a snapshot of another machine version, so the caller refolds', () => {
    const persisted = { ...persistCase(fold(history.decided())), machineVersion: 0 };
    expect(restoreCase(persisted)).toBeUndefined();
  });
});
