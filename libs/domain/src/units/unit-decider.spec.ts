import { unitDecider, UnitState } from './unit-decider';
import { UnitRegisteredData } from './unit-events';
import { UnitRuleViolation } from './unit-errors';

const vn: UnitRegisteredData = { unitId: 'vn', name: 'Cục', level: 'central' };
const hn: UnitRegisteredData = { unitId: 'hn', name: 'Hà Nội', level: 'province', parentId: 'vn' };
const register = (unit: UnitRegisteredData, parent?: UnitRegisteredData) =>
  ({ kind: 'register', unit, parent, on: '2026-03-01' }) as const;
const ruleOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(UnitRuleViolation);
    return (error as UnitRuleViolation).rule;
  }
  throw new Error('no rule broken');
};

describe('unit decider', () => {
  const none = unitDecider.initialState();

  it('registers a unit once, under a parent one level up', () => {
    const events = unitDecider.decide(register(hn, vn), none);
    expect(events).toEqual([{ type: 'UnitRegistered', data: hn, on: '2026-03-01' }]);
    const known = events.reduce(unitDecider.evolve, none);
    expect(known).toMatchObject<Partial<UnitState>>({ status: 'known', unit: hn });
    expect(ruleOf(() => unitDecider.decide(register(hn, vn), known))).toBe('unit.already-exists');
  });

  it('refuses reversed dates, a parent not registered and a parent of the wrong level, in that order', () => {
    const reversed = { ...hn, from: '2021-01-01', until: '2020-01-01' };
    expect(ruleOf(() => unitDecider.decide(register(reversed), none))).toBe('unit.dates-reversed');
    expect(ruleOf(() => unitDecider.decide(register(hn), none))).toBe('unit.parent-not-found');
    const district = { unitId: 'd', name: 'D', level: 'district' as const, parentId: 'vn' };
    expect(ruleOf(() => unitDecider.decide(register(district, vn), none))).toBe('unit.parent-level');
  });

  it('refuses a province or a district without a parent: no report above would count it', () => {
    const { parentId: _none, ...orphan } = hn;
    expect(ruleOf(() => unitDecider.decide(register(orphan), none))).toBe('unit.parent-not-found');
    expect(ruleOf(() => unitDecider.decide(register({ unitId: 'd', name: 'D', level: 'district' }), none))).toBe(
      'unit.parent-not-found',
    );
    expect(unitDecider.decide(register(vn), none)).toHaveLength(1);
  });

  it('keeps the first registration when a stream somehow holds two', () => {
    const state = [
      { type: 'UnitRegistered' as const, data: vn, on: '2026-01-01' },
      { type: 'UnitRegistered' as const, data: { ...vn, name: 'other' }, on: '2026-01-02' },
    ].reduce(unitDecider.evolve, none);
    expect(state).toMatchObject({ status: 'known', unit: vn });
  });

  describe("a unit's part in a reorganisation", () => {
    const change = (unitId: string, extra = {}) => ({
      unitId,
      reorganisationId: 'sx-1',
      on: '2025-07-01',
      kind: 'merge' as const,
      predecessors: ['hn', 'ht'],
      successors: ['hn2'],
      ...extra,
    });
    const caseRuleOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as { rule?: string }).rule;
      }
      throw new Error('no rule broken');
    };
    const known = unitDecider.decide(register(hn, vn), none).reduce(unitDecider.evolve, none);

    it('registers a new successor from the effective date, then reorganises it, on a stream not written yet', () => {
      const hn2 = { unitId: 'hn2', name: 'HN2', level: 'province' as const, parentId: 'vn', from: '2025-07-01' };
      const events = unitDecider.decide({ kind: 'reorganise', change: change('hn2'), registered: hn2 }, none);
      expect(events.map((e) => [e.type, e.on])).toEqual([
        ['UnitRegistered', '2025-07-01'],
        ['UnitReorganised', '2025-07-01'],
      ]);
      const state = events.reduce(unitDecider.evolve, none);
      expect(state).toMatchObject({ status: 'known', history: { validFrom: '2025-07-01', reorganisations: ['sx-1'] } });
      // The successor registered meanwhile by another request: read again.
      expect(
        caseRuleOf(() => unitDecider.decide({ kind: 'reorganise', change: change('hn2'), registered: hn2 }, known)),
      ).toBe('reorganisation.already-recorded');
    });

    it('closes a predecessor once: the same reorganisation again on its stream is a change made meanwhile', () => {
      const events = unitDecider.decide({ kind: 'reorganise', change: change('hn', { closed: true }) }, known);
      expect(events).toEqual([{ type: 'UnitReorganised', data: change('hn', { closed: true }), on: '2025-07-01' }]);
      const closed = events.reduce(unitDecider.evolve, known);
      expect(closed).toMatchObject({ status: 'known', unit: hn, history: { validTo: '2025-06-30' } });
      expect(caseRuleOf(() => unitDecider.decide({ kind: 'reorganise', change: change('hn') }, closed))).toBe(
        'reorganisation.already-recorded',
      );
      expect(caseRuleOf(() => unitDecider.decide({ kind: 'reorganise', change: change('hn') }, none))).toBe(
        'reorganisation.invalid',
      );
    });
  });
});
