import { STEP_NAMES } from '../events';
import { GUARD_BASIS } from './guard-basis';
import { lifecycleGraph } from './lifecycle-graph';
import { caseLifecycle } from './machine';
import { CASE_STATE_NAMES } from './states';

describe('the lifecycle graph, read from the machine', () => {
  const graph = lifecycleGraph();

  it('names every API state, with its Vietnamese label', () => {
    const named = graph.states.filter((s) => s.name !== null);
    expect(named.map((s) => s.name).sort()).toEqual([...CASE_STATE_NAMES].sort());
    for (const s of graph.states) expect(s.label).toMatch(/\S/);
  });

  it('draws every step as an edge, or as a step outside the machine (a correction)', () => {
    const steps = new Set([...graph.transitions.map((t) => t.step), ...graph.outsideTheMachine.map((o) => o.step)]);
    for (const step of STEP_NAMES) expect(steps).toContain(step);
    expect(steps).toContain('receive');
  });

  it('links only states that exist, and starts before receipt', () => {
    const ids = new Set(graph.states.map((s) => s.id));
    for (const t of graph.transitions) {
      expect(ids).toContain(t.from);
      if (t.to !== null) expect(ids).toContain(t.to);
    }
    expect(graph.initial).toBe('new');
    expect(graph.transitions).toContainEqual(
      expect.objectContaining({
        from: 'received',
        to: 'refused',
        event: 'RequestRefused',
        guard: 'onRequest',
        legalBasis: 'Luật THADS Điều 31.5',
      }),
    );
    expect(graph.transitions).toContainEqual(
      expect.objectContaining({ from: 'postponed', to: 'open.resumePoint', step: 'resume' }),
    );
  });

  it('cites a legal basis for every guard the machine declares, and for nothing else', () => {
    expect(Object.keys(GUARD_BASIS).sort()).toEqual(Object.keys(caseLifecycle.implementations.guards).sort());
    for (const g of graph.guards) expect(g.legalBasis).toMatch(/Điều \d+/);
    expect(graph.guards.map((g) => g.name).sort()).toEqual(Object.keys(GUARD_BASIS).sort());
  });
});
