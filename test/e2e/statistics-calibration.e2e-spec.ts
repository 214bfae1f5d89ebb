import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportRunner, UnitRegistry } from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { FixedClock, Harness, startApp } from '../support/app-harness';
import { eventually } from '../support/eventually';

type Line = Record<string, unknown>;
type Plan = Array<[step: string, on: string, extra?: Line]>;

/** One case as import lines: received the day before its decision, each step recorded that day. */
const caseLines = (caseId: string, unitId: string, amountDue: bigint, decideOn: string, plan: Plan): Line[] => {
  const received = new Date(Date.parse(`${decideOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const stamp = (on: string) => `${on}T03:00:00.000Z`;
  return [
    {
      step: 'receive',
      caseId,
      unitId,
      origin: 'exOfficio',
      on: received,
      recordedAt: stamp(received),
      amountDue: amountDue.toString(),
      judgment: { court: 'TAND', number: `${caseId}/DS-ST`, date: '2019-01-10' },
      creditor: { name: 'Ngân sách Nhà nước' },
      debtor: { name: 'Nguyễn Văn A' },
    },
    { step: 'decide', caseId, on: decideOn, recordedAt: stamp(decideOn) },
    ...plan.map(([step, on, extra]) => ({ step, caseId, on, recordedAt: stamp(on), ...extra })),
  ];
};
const withConditions = (on: string): Plan => [
  ['verify', on],
  ['classify', on, { class: 'withConditions' }],
];

/**
 * Seed 002 (docs/domain.md §7): TP Hải Phòng, 6 months of 2020 (1 Oct 2019 – 31 Mar 2020): 10,232 cases
 * taken in, 88 entrusted or revoked, 7,072 with conditions, 3,072 without, 3,345 resolved, 47.30 %.
 */
const haiPhong = (): Line[] =>
  Array.from({ length: 10_232 }, (_, i) => {
    const decideOn = i % 2 === 0 ? '2019-06-04' : '2019-11-05';
    const verifyOn = i % 2 === 0 ? '2019-06-25' : '2019-11-25';
    const plan: Plan =
      i < 3000
        ? [...withConditions(verifyOn), ['collect', '2020-02-03', { amount: '1000000' }], ['complete', '2020-02-05']]
        : i < 3345
          ? [...withConditions(verifyOn), ['terminate', '2020-02-10', { reason: 'creditorWaiver' }]]
          : i < 6345
            ? withConditions(verifyOn)
            : i < 6845
              ? [...withConditions(verifyOn), ['postpone', '2020-03-02', { reason: 'partiesAgree' }]]
              : i < 7072
                ? [...withConditions(verifyOn), ['suspend', '2020-03-02', { reason: 'protest' }]]
                : i < 10_144
                  ? [
                      ['verify', verifyOn],
                      ['classify', verifyOn, { class: 'withoutConditions', ground: 'noAssets' }],
                    ]
                  : // Entrusted to a unit outside both reports: the receiving unit gets these cases (Luật THADS Điều 55–57).
                    i < 10_204
                    ? [['entrust', '2020-01-06', { toUnitId: 'hn' }]]
                    : [['revoke', '2020-01-06']];
    return caseLines(`hp-${i}`, 'hp', 1_000_000n, decideOn, plan);
  }).flat();

/**
 * Seed 000: Cục THADS Kiên Giang, 4 months of 2021 (1 Oct 2020 – 31 Jan 2021): 3,002 cases
 * resolved at 38.71 %, 228,188,311,000 đồng resolved at 18.99 % (so about 7,755 cases and
 * 1,201.6 bn đồng with conditions), "vượt 11.54 % / 5.62 %" over period targets of 27.17 / 13.37.
 */
const kienGiang = (): Line[] =>
  Array.from({ length: 7_955 }, (_, i) => {
    const on = '2020-10-05';
    const [due, plan]: [bigint, Plan] =
      i < 2800
        ? [
            i === 0 ? 1_469_311_000n : 81_000_000n,
            [
              ...withConditions('2020-10-26'),
              ['collect', '2020-12-01', { amount: String(i === 0 ? 1_469_311_000n : 81_000_000n) }],
              ['complete', '2020-12-03'],
            ],
          ]
        : i < 3002
          ? [0n, [...withConditions('2020-10-26'), ['terminate', '2020-12-10', { reason: 'debtorDiedNoEstate' }]]]
          : i < 7755
            ? [i === 3002 ? 225_089_000n : 204_800_000n, withConditions('2020-10-26')]
            : [
                5_000_000n,
                [
                  ['verify', '2020-10-26'],
                  ['classify', '2020-10-26', { class: 'withoutConditions', ground: 'addressUnknown' }],
                ],
              ];
    return caseLines(`kg-${i}`, 'kg', due, on, plan);
  }).flat();

const UNITS: Line[] = [
  { unit: { unitId: 'vn', name: 'Tổng cục THADS', level: 'central' } },
  { unit: { unitId: 'hp', name: 'Cục THADS thành phố Hải Phòng', level: 'province', parentId: 'vn' } },
  { unit: { unitId: 'kg', name: 'Cục THADS tỉnh Kiên Giang', level: 'province', parentId: 'vn' } },
  { unit: { unitId: 'hn', name: 'Cục THADS thành phố Hà Nội', level: 'province', parentId: 'vn' } },
];

describe('statistics calibrated on the seed articles', () => {
  let h: Harness;
  let head = 0n;
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'thads-calibration-'));
    const store = new SqliteEventStore(join(dataDir, 'thads.db'));
    const runner = new ImportRunner(store, new UnitRegistry(store), new FixedClock(), {
      id: 'importer',
      role: 'system',
      unitId: 'vn',
    });
    const lines = [...UNITS, ...haiPhong(), ...kienGiang()].map((l) => JSON.stringify(l));
    const summary = await runner.run(
      (async function* () {
        yield* lines;
      })(),
    );
    expect(summary.rejected).toEqual([]);
    head = (await store.headPosition())!;
    await store.close();
    h = await startApp({ dataDir });
    // About 100,000 events to project before the first report: wait for the projector's lag to close.
    await eventually(
      'the projector to catch up with the imported history',
      async () => (await h.http.get('/api/health/details').expect(200)).body.projector.lag === 0,
      { timeoutMs: 540_000 },
    );
    // 13 s on a quiet machine, over 180 s with the machine's two cores shared by a dozen processes.
  }, 600_000);
  afterAll(() => h?.close());

  const report = async (query: string) =>
    (await h.http.get(`/api/statistics?${query}&minPosition=${head}`).expect(200)).body;

  it('reads Hải Phòng’s 6-month report of 2020 (seed 002)', async () => {
    const body = await report('unitId=hp&from=2019-10-01&to=2020-03-31');
    expect(body.cases).toMatchObject({
      total: 10_232,
      toExecute: 10_144,
      withConditions: 7_072,
      withoutConditions: 3_072,
      resolved: 3_345,
      rate: '47.30',
    });
  });

  it('reads Kiên Giang’s 4-month report of 2021 against its period targets (seed 000)', async () => {
    await h.http
      .put('/api/units/kg/targets/2021')
      .send({ cases: '81.50', money: '40.10', periods: { 4: { cases: '27.17', money: '13.37' } } })
      .expect(200);
    const body = await report('unitId=kg&from=2020-10-01&to=2021-01-31');
    expect(body.cases).toMatchObject({ resolved: 3_002, rate: '38.71' });
    expect(body.money).toMatchObject({ resolved: '228188311000', rate: '18.99' });
    expect(body.target).toEqual({ cases: '27.17', money: '13.37', casesGap: '11.54', moneyGap: '5.62' });
  });
});
