import { FINAL_STATES } from '../lifecycle/states';
import { CASE_END_STATES, caseEndOf } from './case-end';

describe('the steps that end a case', () => {
  it('name every final state of the lifecycle, once', () => {
    expect(Object.values(CASE_END_STATES).sort()).toEqual([...FINAL_STATES].sort());
  });

  it('leave out the steps after which the case goes on', () => {
    for (const step of [
      'postpone',
      'suspend',
      'moveToSeparateTracking',
      'disburse',
      'deliver',
      'toString',
      'constructor',
    ])
      expect(caseEndOf(step)).toBeUndefined();
    expect(caseEndOf('returnRequest')).toBe('returned');
  });
});
