import { caseStream, UnitRegisteredData, unitStream } from '@thads/domain';
import { receiveCommand } from './testing/receive-command';
import { collect, SqliteEventStore, StreamWrite } from '@thads/event-store';
import { CaseWritePath } from './case-write-path';
import { CommandContext } from './envelope';
import { ReorganisationReads, ReorganiseRequest, UnitReorganiser } from './reorganise-units';
import { UnitRegistry } from './unit-registry';

// A reorganisation's writes (issues 21 and 26, docs/reorganisation.md): the unit events together
// through the one write path, then the transfers a thousand cases a durable transaction; refused
// up front with nothing appended; asked again, only what is left.

const actor = { id: 'admin', role: 'admin' as const, unitId: 'vn' };
let commands = 0;
const context = (): CommandContext => ({
  actor,
  recordedAt: new Date('2026-03-01T03:00:00.000Z'),
  commandId: `c-${++commands}`,
  correlationId: 'test',
});
const UNITS: UnitRegisteredData[] = [
  { unitId: 'vn', name: 'Cục', level: 'central' },
  { unitId: 'a', name: 'A', level: 'province', parentId: 'vn' },
  { unitId: 'b', name: 'B', level: 'province', parentId: 'vn' },
];
const MERGE: ReorganiseRequest = {
  reorganisationId: 'sx-ab',
  on: '2025-07-01',
  kind: 'merge',
  predecessors: ['a', 'b'],
  successors: [{ unitId: 'ab', name: 'AB', level: 'province', parentId: 'vn' }],
};
const receive = receiveCommand;

describe('a reorganisation through the one write path', () => {
  let store: SqliteEventStore;
  let units: UnitRegistry;
  let cases: CaseWritePath;
  /** The cases still open at each unit, as the read model would tell them. */
  let open: Array<{ caseId: string; unitId: string }>;
  const reads: ReorganisationReads = {
    subunitsOf: async () => [],
    openCasesOf: async (ids) => open.filter((k) => ids.includes(k.unitId)),
  };
  const unitOf = async (caseId: string) => {
    const events = await collect(store.readStream(caseStream(caseId)));
    const moved = events.filter((e) => e.type === 'CaseTransferred');
    return moved.length ? (moved[moved.length - 1].data as { toUnitId: string }).toUnitId : undefined;
  };

  beforeEach(async () => {
    store = new SqliteEventStore(':memory:');
    units = new UnitRegistry(store);
    cases = new CaseWritePath(store);
    for (const u of UNITS) await units.register(u, context());
    open = [];
    for (let i = 0; i < 2500; i++) open.push({ caseId: `k${String(i).padStart(4, '0')}`, unitId: i % 2 ? 'a' : 'b' });
    const received = await cases.executeEach(
      open.map((k) => ({ command: receive(k.caseId, k.unitId), context: context() })),
    );
    expect(received.every((r) => r.status === 'fulfilled')).toBe(true);
  });
  afterEach(() => store.close());

  it('moves every open case, a thousand a durable transaction, telling its progress', async () => {
    const commits = jest.spyOn(store as unknown as { commitGroup: (u: StreamWrite[][]) => unknown }, 'commitGroup');
    const progress: Array<[number, number]> = [];
    const result = await new UnitReorganiser(store, units, reads).reorganise(MERGE, context(), false, (done, total) =>
      progress.push([done, total]),
    );
    expect(result).toMatchObject({ movedCases: 2500, newUnits: ['ab'], changedUnits: ['a', 'b'] });
    expect(progress).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    // One transaction for the unit events, three for the transfers.
    expect(commits).toHaveBeenCalledTimes(4);
    expect(result.position).toBe(Number(await store.headPosition()));
    expect(await unitOf('k0000')).toBe('ab');
    expect(await unitOf('k2499')).toBe('ab');
  });

  it('refuses up front a case stepped after the effective date, appending nothing', async () => {
    await cases.execute(
      { kind: 'step', caseId: 'k1234', step: 'decide', on: '2025-07-05', today: '2025-07-05', data: {} },
      context(),
    );
    const head = await store.headPosition();
    await expect(new UnitReorganiser(store, units, reads).reorganise(MERGE, context())).rejects.toMatchObject({
      rule: 'reorganisation.case-stepped-after',
      extra: expect.objectContaining({ caseIds: ['k1234'] }),
    });
    expect(await store.headPosition()).toBe(head);
    expect(await collect(store.readStream(unitStream('ab')))).toEqual([]);
  });

  it('asked again after a run stopped half way, moves only what is left and records the units once', async () => {
    const all = open;
    open = all.slice(0, 1200);
    await new UnitReorganiser(store, units, reads).reorganise(MERGE, context());
    const units1 = await collect(store.readStream(unitStream('a')));
    // The read model now tells the cases moved at the successor; the others are still at a and b.
    open = all.slice(1200);
    const again = await new UnitReorganiser(store, units, reads).reorganise(MERGE, context());
    expect(again.movedCases).toBe(1300);
    expect(await collect(store.readStream(unitStream('a')))).toEqual(units1);
    expect(await unitOf('k2499')).toBe('ab');
    const transfers = (await collect(store.readStream(caseStream('k0000')))).filter(
      (e) => e.type === 'CaseTransferred',
    );
    expect(transfers).toHaveLength(1);
  });

  it('lets one of two reorganisations of the same units at once win: the other is 409, nothing of it appended', async () => {
    open = [];
    const other = { ...MERGE, reorganisationId: 'sx-ba', successors: [{ ...MERGE.successors[0], unitId: 'ba' }] };
    const outcomes = await Promise.allSettled([
      new UnitReorganiser(store, units, reads).reorganise(MERGE, context()),
      new UnitReorganiser(store, units, reads).reorganise(other, context()),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(lost.reason).toMatchObject({ rule: 'reorganisation.already-recorded' });
    const written = [
      ...(await collect(store.readStream(unitStream('ab')))),
      ...(await collect(store.readStream(unitStream('ba')))),
    ];
    expect(written).toHaveLength(2);
  });
});
