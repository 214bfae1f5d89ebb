import { ROLES, STEP_NAMES } from '@thads/domain';
import { OTHER_RIGHTS, PERSON_ROLES, RIGHTS, StepRight } from './rights';

const ALL_STEPS: StepRight[] = [
  'receive',
  ...STEP_NAMES.filter((s): s is Exclude<typeof s, 'correct'> => s !== 'correct'),
];
const stepsOf = (role: keyof typeof RIGHTS) => Object.keys(RIGHTS[role].steps).sort();

describe('the rights table (issue 7 §2)', () => {
  it('gives the enforcer exactly the Chấp hành viên steps, on assigned cases only', () => {
    expect(stepsOf('enforcer')).toEqual([
      'auction',
      'classify',
      'collect',
      'deliver',
      'disburse',
      'notify',
      'seize',
      'signAuctionContract',
      'value',
      'verify',
    ]);
    expect(RIGHTS.enforcer.assignedCasesOnly).toBe(true);
  });

  it("gives the head every step: the head's decisions and anything an enforcer may do", () => {
    expect(stepsOf('head')).toEqual([...ALL_STEPS].sort());
    for (const step of Object.keys(RIGHTS.enforcer.steps))
      expect(RIGHTS.head.steps[step as StepRight]).toMatch(/Điều 23\.1\.a/);
    expect(RIGHTS.head.assignedCasesOnly).toBe(false);
  });

  it('lets auditors, inspectors, statisticians and admins take no step at all', () => {
    for (const role of ['auditor', 'inspector', 'statistician', 'admin'] as const) expect(stepsOf(role)).toEqual([]);
  });

  it('splits the reads as the law does', () => {
    const rights = (role: keyof typeof RIGHTS) => Object.keys(RIGHTS[role].rights).sort();
    expect(rights('auditor')).toEqual([
      'cases.read',
      'deadlines.read',
      'history.read',
      'history.verify',
      'statistics.read',
    ]);
    expect(rights('inspector')).toEqual(['cases.read', 'deadlines.read', 'history.read', 'statistics.read']);
    expect(rights('statistician')).toEqual(['reports.submit', 'statistics.read', 'targets.set']);
    expect(rights('admin')).toEqual(['units.register', 'users.manage']);
    expect(rights('system')).toEqual([...OTHER_RIGHTS].sort());
  });

  it('cites a legal basis for every role and every right', () => {
    for (const role of ROLES) {
      expect(RIGHTS[role].basis.length).toBeGreaterThan(5);
      for (const basis of [...Object.values(RIGHTS[role].steps), ...Object.values(RIGHTS[role].rights)])
        expect(basis!.length).toBeGreaterThan(5);
    }
  });

  it('has a row for every role, and no person may be the system', () => {
    expect(Object.keys(RIGHTS).sort()).toEqual([...ROLES].sort());
    expect(PERSON_ROLES).not.toContain('system');
    expect([...PERSON_ROLES, 'system'].sort()).toEqual([...ROLES].sort());
  });
});
