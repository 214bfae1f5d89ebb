import fc from 'fast-check';
import { Harness, newCase, UNITS } from '../support/app-harness';
import { AuthSession, expectStatus, startAuthApp, TestUser } from '../support/auth-harness';

// Password hashing (scrypt) and many HTTP round trips: slower than jest's 5 s default on a busy machine.

// Two provinces, four districts: enough for "another district" to be both a sibling and a stranger.
const TREE = [
  ...UNITS,
  { unitId: 'hn', name: 'THADS TP Hà Nội', level: 'province', parentId: 'vn' },
  { unitId: 'hn-bd', name: 'Phòng THADS khu vực Ba Đình', level: 'district', parentId: 'hn' },
  { unitId: 'hn-cg', name: 'Phòng THADS khu vực Cầu Giấy', level: 'district', parentId: 'hn' },
];
const DISTRICTS = ['kg-pq', 'kg-ab', 'hn-bd', 'hn-cg'];
const PARENT = Object.fromEntries(TREE.map((u) => [u.unitId, (u as { parentId?: string }).parentId]));
const within = (unitId: string, scope: string): boolean =>
  unitId === scope || (PARENT[unitId] !== undefined && within(PARENT[unitId]!, scope));

const DISTRICT_USERS: TestUser[] = DISTRICTS.flatMap((d) => [
  { id: `tt-${d}`, role: 'head', unitId: d } as TestUser,
  { id: `chv-${d}`, role: 'enforcer', unitId: d } as TestUser,
  { id: `vks-${d}`, role: 'inspector', unitId: d } as TestUser,
]);

/**
 * Issue 7 §3: a district user's list or report never holds a case id of another district, over
 * random cases, users, requested units and filters. The answer is either 403 (a unit outside the
 * scope) or a list whose every case lies in the user's district, and the body names no other.
 */
describe('unit scope over random data (property)', () => {
  let h: Harness;
  let s: AuthSession;
  const unitOfCase = new Map<string, string>();
  let run = 0;
  const listed = new Map<string, number>();
  beforeAll(async () => {
    h = await startAuthApp();
    s = new AuthSession(h);
    await s.add(
      { id: 'qt-vn', role: 'admin', unitId: 'vn' },
      { id: 'tt-vn', role: 'head', unitId: 'vn' },
      ...DISTRICT_USERS,
    );
    await s.registerUnits('qt-vn', TREE);
  });
  afterAll(() => h?.close());

  const leaked = (text: string, own: string) =>
    [...unitOfCase].filter(([caseId, unit]) => unit !== own && text.includes(`"${caseId}"`)).map(([c]) => c);

  it('never shows a district user a case id of another district', async () => {
    const reports = await Promise.all(
      ['/api/statistics/cases', '/api/deadlines'].map(async (path) =>
        (await s.get('tt-vn', `${path}?unitId=vn&from=2024-10-01&to=2025-09-30&asOf=2025-09-30&column=total`))
          .status === 404
          ? undefined
          : path,
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ unit: fc.constantFrom(...DISTRICTS), decided: fc.boolean() }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom(...DISTRICT_USERS),
        fc.oneof(fc.constant('own'), fc.constantFrom(...TREE.map((u) => u.unitId))),
        fc.option(fc.constantFrom('received', 'decided'), { nil: undefined }),
        async (cases, user, pick, state) => {
          run++;
          const asked = pick === 'own' ? user.unitId : pick;
          let position = 0;
          for (const [i, c] of cases.entries()) {
            const caseId = `p${run}-${i}`;
            position = expectStatus(await s.post('tt-vn', '/api/cases', newCase({ caseId, unitId: c.unit })), 201).body
              .position;
            if (c.decided)
              position = expectStatus(
                await s.post('tt-vn', `/api/cases/${caseId}/steps`, { step: 'decide', on: '2025-02-03' }),
                200,
              ).body.position;
            unitOfCase.set(caseId, c.unit);
          }
          const paths = [
            `/api/cases?unitId=${asked}&limit=500${state ? `&state=${state}` : ''}`,
            ...reports
              .filter(Boolean)
              .map((p) => `${p}?unitId=${asked}&from=2024-10-01&to=2025-09-30&asOf=2025-09-30&column=total`),
          ];
          for (const path of paths) {
            const res = await s.get(user.id, `${path}&minPosition=${position}`);
            if (!within(asked, user.unitId)) expect([path, res.status]).toEqual([path, 403]);
            expect(leaked(JSON.stringify(res.body), user.unitId)).toEqual([]);
            const base = path.split('?')[0];
            if (res.status === 200 && Array.isArray(res.body.items))
              listed.set(base, (listed.get(base) ?? 0) + res.body.items.length);
            if (res.status === 200 && base === '/api/cases') {
              for (const item of res.body.items as Array<{ caseId: string; unitId: string }>)
                expect([item.caseId, item.unitId]).toEqual([item.caseId, user.unitId]);
            }
          }
        },
      ),
      { numRuns: 30 },
    );
    // The property held on lists that had something in them, not only on refusals.
    for (const base of ['/api/cases', ...reports.filter(Boolean)])
      expect([base, (listed.get(base!) ?? 0) > 0]).toEqual([base, true]);
  });
});
