import { Actor, caseDecider, CaseEvent, CaseState, KnownCase } from '@thads/domain';
import { CASE_ID, caseReceived, history, step, stepped } from '../../../domain/src/testing/builders';
import { AccessPolicy } from './access-policy';
import { Forbidden } from './forbidden';
import { UnitScope } from './unit-scope';

// vn ⊃ kg ⊃ {kg-pq, kg-ab}; the builders' cases belong to u-hcm-q1, re-homed here to kg-pq.
const PARENT: Record<string, string | undefined> = { vn: undefined, kg: 'vn', 'kg-pq': 'kg', 'kg-ab': 'kg' };
const tree: UnitScope = {
  isNational: async (u) => u === 'vn',
  contains: async (scope, unit) => {
    if (scope === 'vn') return true;
    for (let id: string | undefined = unit; id; id = PARENT[id]) if (id === scope) return true;
    return false;
  },
};
const policy = new AccessPolicy(tree);
const fold = (events: CaseEvent[]): KnownCase =>
  events.reduce(caseDecider.evolve, caseDecider.initialState() as CaseState) as KnownCase;
const at = (unitId: string) => ({ unitId });
const assigned = (enforcerId: string, unitId = 'kg-pq') => [
  ...history.decided(at(unitId)),
  stepped('assign', '2024-10-04', { enforcerId }),
];
const actor = (role: Actor['role'], unitId = 'kg-pq', id = 'chv-1'): Actor => ({ id, role, unitId });

const refusal = async (p: Promise<void>) => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Forbidden);
  return (error as Forbidden).why;
};

describe('AccessPolicy on the write path', () => {
  it('lets an enforcer verify a case assigned to them in their unit', async () => {
    await expect(
      policy.assertMayExecute(actor('enforcer'), step('verify', '2024-10-25'), fold(assigned('chv-1'))),
    ).resolves.toBeUndefined();
  });

  it('refuses an enforcer a case assigned to someone else, or to no one', async () => {
    expect(
      await refusal(policy.assertMayExecute(actor('enforcer'), step('verify', '2024-10-25'), fold(assigned('chv-2')))),
    ).toMatch(/assigned to chv-2.*Điều 20\.1/);
    expect(
      await refusal(
        policy.assertMayExecute(actor('enforcer'), step('verify', '2024-10-25'), fold(history.decided(at('kg-pq')))),
      ),
    ).toMatch(/no enforcer yet/);
  });

  it("refuses an enforcer another unit's case even when assigned to them", async () => {
    expect(
      await refusal(
        policy.assertMayExecute(actor('enforcer'), step('verify', '2024-10-25'), fold(assigned('chv-1', 'kg-ab'))),
      ),
    ).toBe('the case is outside the scope of unit kg-pq');
  });

  it("refuses an enforcer the head's decisions", async () => {
    expect(
      await refusal(
        policy.assertMayExecute(actor('enforcer'), step('postpone', '2024-10-25'), fold(assigned('chv-1'))),
      ),
    ).toMatch(/no right 'postpone'/);
  });

  it("lets a head act on any case of the unit and of the units under it, not a sibling's", async () => {
    await expect(
      policy.assertMayExecute(actor('head', 'kg-pq', 'tt-1'), step('seize', '2024-10-25'), fold(assigned('chv-9'))),
    ).resolves.toBeUndefined();
    await expect(
      policy.assertMayExecute(actor('head', 'kg', 'tt-2'), step('postpone', '2024-10-25'), fold(assigned('chv-9'))),
    ).resolves.toBeUndefined();
    expect(
      await refusal(
        policy.assertMayExecute(
          actor('head', 'kg-ab', 'tt-3'),
          step('decide', '2024-10-03'),
          fold(history.received(at('kg-pq'))),
        ),
      ),
    ).toMatch(/outside/);
  });

  it('refuses every step to roles that take none, whether or not the case exists', async () => {
    for (const role of ['auditor', 'inspector', 'statistician', 'admin'] as const) {
      expect(
        await refusal(
          policy.assertMayExecute(actor(role, 'vn'), step('decide', '2024-10-03'), fold(history.received(at('kg-pq')))),
        ),
      ).toMatch(/no right 'decide'/);
      expect(
        await refusal(
          policy.assertMayExecute(actor(role, 'vn'), step('decide', '2024-10-03'), caseDecider.initialState()),
        ),
      ).toMatch(/no right/);
    }
  });

  it('receives a case only into a unit in scope, and only as a head', async () => {
    const receive = {
      kind: 'receive',
      caseId: CASE_ID,
      on: '2024-10-01',
      today: '2026-11-22',
      data: { ...caseReceived(at('kg-pq')).data },
    } as const;
    await expect(
      policy.assertMayExecute(actor('head', 'kg'), receive, caseDecider.initialState()),
    ).resolves.toBeUndefined();
    expect(await refusal(policy.assertMayExecute(actor('head', 'kg-ab'), receive, caseDecider.initialState()))).toMatch(
      /outside/,
    );
    expect(await refusal(policy.assertMayExecute(actor('enforcer'), receive, caseDecider.initialState()))).toMatch(
      /no right 'receive'/,
    );
  });

  it('lets a correction take the right of the step it voids', async () => {
    const events = [...assigned('chv-1'), { ...stepped('verify', '2024-10-25'), id: 'ev-verify' }].map((e, i) => ({
      ...e,
      id: e.id ?? `ev-${i}`,
    }));
    const state = fold(events as CaseEvent[]);
    await expect(
      policy.assertMayExecute(
        actor('enforcer'),
        step('correct', '2024-10-26', { correctsEventId: 'ev-verify', reason: 'x' }),
        state,
      ),
    ).resolves.toBeUndefined();
    const decided = fold(history.decided(at('kg-pq')).map((e, i) => ({ ...e, id: `ev-${i}` })) as CaseEvent[]);
    expect(
      await refusal(
        policy.assertMayExecute(
          actor('head', 'kg-ab'),
          step('correct', '2024-10-26', { correctsEventId: 'ev-1', reason: 'x' }),
          decided,
        ),
      ),
    ).toMatch(/outside/);
    expect(
      await refusal(
        policy.assertMayExecute(
          actor('enforcer'),
          step('correct', '2024-10-26', { correctsEventId: 'ev-1', reason: 'x' }),
          decided,
        ),
      ),
    ).toMatch(/no right 'decide'/);
  });

  it('lets the system (import, demo loader) do anything anywhere', async () => {
    await expect(
      policy.assertMayExecute(
        actor('system', 'nowhere'),
        step('revoke', '2024-10-25'),
        fold(assigned('chv-2', 'kg-ab')),
      ),
    ).resolves.toBeUndefined();
  });
});

describe('AccessPolicy on reads', () => {
  it('needs the right and every unit in scope', async () => {
    await expect(
      policy.assertMay(actor('inspector', 'kg'), 'deadlines.read', ['kg', 'kg-pq'], 'read'),
    ).resolves.toBeUndefined();
    expect(await refusal(policy.assertMay(actor('inspector', 'kg-pq'), 'deadlines.read', ['kg-ab'], 'read'))).toMatch(
      /kg-ab is outside/,
    );
    expect(await refusal(policy.assertMay(actor('statistician', 'vn'), 'cases.read', ['kg'], 'read'))).toMatch(
      /no right 'cases.read'/,
    );
    expect(await refusal(policy.assertMay(actor('inspector', 'vn'), 'history.verify', ['kg'], 'verify'))).toMatch(
      /no right 'history.verify'/,
    );
    await expect(
      policy.assertMay(actor('auditor', 'vn'), 'history.verify', ['kg-ab'], 'verify'),
    ).resolves.toBeUndefined();
  });
});
