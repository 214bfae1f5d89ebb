import { CaseCommand, Decider, DomainEvent, UnitNotFound, UnitRuleViolation } from '@thads/domain';
import { receiveCommand } from '../testing/receive-command';
import { collect, EventStore, SqliteEventStore } from '@thads/event-store';
import { CaseWritePath } from '../case-write-path';
import { CommandContext } from '../envelope';
import { TargetsRevisionConflict } from '../errors';
import { sha256Hex } from '../hash-chain';
import { UnitReorganiser } from '../reorganise-units';
import { verifyAll } from '../integrity/verify-log';
import { TargetsWritePath } from '../targets-kind';
import { UnitRegistry } from '../unit-registry';
import { StreamKind } from './stream-kind';
import { StreamWritePath } from './stream-write-path';

const at = new Date('2026-03-01T02:00:00.000Z');
const context = (key?: string): CommandContext => ({
  actor: { id: 'u1', role: 'admin', unitId: 'vn' },
  recordedAt: at,
  commandId: `c-${key ?? 'x'}`,
  correlationId: 'r',
  ...(key ? { idempotencyKey: key } : {}),
});

describe('the one write path', () => {
  let store: EventStore;
  beforeEach(() => {
    store = new SqliteEventStore(':memory:');
  });
  afterEach(() => store.close());

  // The ids below were written by the units' and targets' own append code before the one write path
  // replaced it (issue 21.1), and so were the hashes, but for one change made on purpose since: a
  // keyed unit or targets request keeps its fingerprint (`requestHash`, docs/idempotency.md), so a
  // key sent again with another body is refused. Pinned, so any other change to the bytes is seen.
  it('stores a unit registration and a targets setting exactly as before', async () => {
    const units = new UnitRegistry(store);
    await units.register({ unitId: 'vn', name: 'Cục', level: 'central' }, context('k1'));
    await units.register({ unitId: 'hn', name: 'HN', level: 'province', parentId: 'vn' }, context());
    const targets = {
      unitId: 'hn',
      year: 2026,
      cases: '80.00',
      money: '40.00',
      periods: { 6: { cases: '40.00', money: '20.00' } },
    };
    expect(await new TargetsWritePath(store, units).set(targets, context('t1'), -1)).toEqual({
      ...targets,
      revision: 0,
      position: 3,
    });
    const [unit] = await collect(store.readStream('unit-vn'));
    expect(unit.id).toBe('d3606a1c-b31d-5da0-b3bc-75dc7ecf3a9b');
    expect((unit.metadata as { requestHash?: string }).requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect((unit.metadata as { hash: string }).hash).toBe(
      '65955bfc0b8ac466ae1fc0e715738a0516e66771e3ef5f0347ade28f6eacb204',
    );
    const [set] = await collect(store.readStream('targets-hn-2026'));
    expect(set.id).toBe('4c57051e-e022-549c-8ae9-55ad20e96b1a');
    expect((set.metadata as { hash: string }).hash).toBe(
      '86777ceae98b386ecb33715c345adecb05386a9c857bad9153ab4b2d621e02a5',
    );
    expect((await verifyAll(store)).brokenStreams).toBe(0);
  });

  // A reorganisation's unit events and case transfers, as reorganise-units.ts wrote them before
  // they went through the one write path (issues 21 and 26): the whole log, ids, hashes and
  // positions included, digested. Any change to the bytes is seen.
  it('stores a reorganisation (unit events and transfers) exactly as before', async () => {
    const units = new UnitRegistry(store);
    const setup = [
      { unitId: 'vn', name: 'Cục', level: 'central' as const },
      { unitId: 'a', name: 'A', level: 'province' as const, parentId: 'vn' },
      { unitId: 'b', name: 'B', level: 'province' as const, parentId: 'vn' },
      { unitId: 'a-1', name: 'A1', level: 'district' as const, parentId: 'a' },
      { unitId: 'b-1', name: 'B1', level: 'district' as const, parentId: 'b' },
    ];
    for (const unit of setup) await units.register(unit, context(`u-${unit.unitId}`));
    const cases = new CaseWritePath(store);
    const receive = receiveCommand;
    await cases.execute(receive('c1', 'a'), context('r-c1'));
    await cases.execute(
      { kind: 'step', caseId: 'c1', step: 'decide', on: '2025-03-05', today: '2025-03-05', data: {} } as CaseCommand,
      context('d-c1'),
    );
    await cases.execute(receive('c2', 'b'), context('r-c2'));
    const reads = {
      subunitsOf: async (id: string) => ({ a: ['a-1'], b: ['b-1'] })[id] ?? [],
      openCasesOf: async () => [
        { caseId: 'c1', unitId: 'a' },
        { caseId: 'c2', unitId: 'b' },
      ],
    };
    const result = await new UnitReorganiser(store, units, reads).reorganise(
      {
        reorganisationId: 'sx-ab',
        on: '2025-07-01',
        kind: 'merge',
        predecessors: ['a', 'b'],
        successors: [{ unitId: 'ab', name: 'AB', level: 'province', parentId: 'vn' }],
      },
      context('sx'),
    );
    expect(result).toMatchObject({ movedCases: 2, newUnits: ['ab'], changedUnits: ['a', 'b', 'a-1', 'b-1'] });
    const log = (await collect(store.readAll())).map((e) => [
      String(e.position),
      e.streamId,
      String(e.revision),
      e.id,
      e.type,
      e.data,
      e.metadata,
    ]);
    expect(log).toHaveLength(16);
    expect(sha256Hex(JSON.stringify(log))).toBe('ad27f491592e37647af19a383e4526a129154caa0cda921cc6598293ed367ac1');
    // Asked again (another request, the same reorganisation): its transfers are answered as made.
    const again = await new UnitReorganiser(store, units, reads).reorganise(
      {
        reorganisationId: 'sx-ab',
        on: '2025-07-01',
        kind: 'merge',
        predecessors: ['a', 'b'],
        successors: [{ unitId: 'ab', name: 'AB', level: 'province', parentId: 'vn' }],
      },
      context('sx-2'),
    );
    expect(again).toMatchObject({ movedCases: 2, position: 16 });
    expect(await store.headPosition()).toBe(16n);
    expect((await verifyAll(store)).brokenStreams).toBe(0);
  });

  it('answers a repeated unit registration once, and refuses the unit under another key or a wrong parent', async () => {
    const units = new UnitRegistry(store);
    const vn = { unitId: 'vn', name: 'Cục', level: 'central' as const };
    expect(await units.register(vn, context('k1'))).toEqual({ unitId: 'vn', revision: 0, position: 1 });
    expect(await units.register(vn, context('k1'))).toEqual({ unitId: 'vn', revision: 0, position: 1, replayed: true });
    await expect(units.register(vn, context('k2'))).rejects.toMatchObject({ rule: 'unit.already-exists' });
    await expect(
      units.register({ unitId: 'd', name: 'D', level: 'district', parentId: 'vn' }, context()),
    ).rejects.toBeInstanceOf(UnitRuleViolation);
    expect(await store.headPosition()).toBe(1n);
  });

  it('sets targets at the revision the client read (-1: none yet), and names the unit it does not know', async () => {
    const units = new UnitRegistry(store);
    await units.register({ unitId: 'hn', name: 'HN', level: 'central' }, context());
    const path = new TargetsWritePath(store, units);
    const targets = { unitId: 'hn', year: 2026, cases: '80.00', money: '40.00' };
    await path.set(targets, context(), -1);
    await expect(path.set(targets, context(), -1)).rejects.toThrow(
      new TargetsRevisionConflict('targets-hn-2026', 0, -1),
    );
    expect((await path.set(targets, context(), 0)).revision).toBe(1);
    expect((await path.set(targets, context())).revision).toBe(2);
    await expect(path.set({ ...targets, unitId: 'zz' }, context())).rejects.toBeInstanceOf(UnitNotFound);
  });

  describe('a stream kind of its own', () => {
    // The smallest kind: a counter whose events say how far it got.
    type Counted = DomainEvent<'Counted', { id: string; n: number }>;
    const counter: Decider<{ id: string; on: string }, Counted, number> = {
      initialState: () => 0,
      evolve: (_n, e) => e.data.n,
      decide: (c, n) => [{ type: 'Counted', data: { id: c.id, n: n + 1 }, on: c.on }],
    };
    class Lost extends Error {}
    const kind = (attempts: number): StreamKind<{ id: string; on: string }, Counted, number, number> => ({
      decider: counter,
      streamOf: (c) => `count-${c.id}`,
      stamped: (c, today) => ({ ...c, on: today }),
      resultOf: (_c, fold) => fold.state,
      conflict: () => new Lost(),
      attempts,
      reads: 'stream',
    });
    /** A store where another writer appends to stream `a` just before this one's first append. */
    const contested = (method: 'appendToStream' | 'appendMany' = 'appendToStream'): EventStore => {
      let raced = false;
      return new Proxy(store, {
        get(target, name, receiver) {
          if (name !== method) return Reflect.get(target, name, receiver) as unknown;
          return async (...args: unknown[]) => {
            if (!raced) {
              raced = true;
              await new StreamWritePath(target, kind(1)).execute({ id: 'a', on: '' }, context());
            }
            return (target[method] as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    };
    const counts = async () =>
      Promise.all(['a', 'b', 'c'].map(async (id) => (await collect(store.readStream(`count-${id}`))).length));

    it('folds with the decider, decides, and appends a verifiable chain', async () => {
      const path = new StreamWritePath(store, kind(1));
      for (let i = 1; i <= 3; i++) expect(await path.execute({ id: 'a', on: '' }, context())).toBe(i);
      const events = await collect(store.readStream('count-a'));
      expect(events.map((e) => [e.type, (e.metadata as { on: string }).on])).toEqual([
        ['Counted', '2026-03-01'],
        ['Counted', '2026-03-01'],
        ['Counted', '2026-03-01'],
      ]);
      expect((await verifyAll(store)).brokenStreams).toBe(0);
    });

    it('decides again after a lost race when the kind allows, else answers its conflict', async () => {
      await expect(
        new StreamWritePath(contested(), kind(1)).execute({ id: 'a', on: '' }, context()),
      ).rejects.toBeInstanceOf(Lost);
      expect(await new StreamWritePath(contested(), kind(3)).execute({ id: 'a', on: '' }, context())).toBe(3);
    });

    it('appends the parts of a command over several streams together, or none on a lost race', async () => {
      const parts = [
        { id: 'a', on: '' },
        { id: 'b', on: '' },
      ];
      await expect(
        new StreamWritePath(contested('appendMany'), kind(1)).executeTogether(parts, context()),
      ).rejects.toBeInstanceOf(Lost);
      expect(await counts()).toEqual([1, 0, 0]);
      expect(await new StreamWritePath(contested('appendMany'), kind(3)).executeTogether(parts, context())).toEqual([
        3, 1,
      ]);
      expect(await counts()).toEqual([3, 1, 0]);
      await expect(
        new StreamWritePath(store, kind(1)).executeTogether([parts[0], parts[0]], context()),
      ).rejects.toThrow('a command names a stream twice');
      expect((await verifyAll(store)).brokenStreams).toBe(0);
    });

    it('commits many commands at once, each alone: one that lost a race is decided again, in its place', async () => {
      const items = ['a', 'b', 'c'].map((id) => ({ command: { id, on: '' }, context: context() }));
      const outcomes = await new StreamWritePath(contested('appendMany'), kind(1)).executeEach(items);
      expect(outcomes).toEqual([
        { status: 'fulfilled', value: 2 },
        { status: 'fulfilled', value: 1 },
        { status: 'fulfilled', value: 1 },
      ]);
      expect(await counts()).toEqual([2, 1, 1]);
      expect((await verifyAll(store)).brokenStreams).toBe(0);
    });

    it('answers its conflict for an expected revision the stream is not at, appending nothing', async () => {
      const path = new StreamWritePath(store, kind(8));
      await path.execute({ id: 'a', on: '' }, context());
      await expect(path.execute({ id: 'a', on: '' }, context(), 5)).rejects.toBeInstanceOf(Lost);
      expect(await path.execute({ id: 'a', on: '' }, context(), 0)).toBe(2);
    });
  });
});
