import { randomUUID } from 'node:crypto';
import {
  caseDecider,
  CaseEvent,
  CaseReceivedData,
  CaseState,
  caseStream,
  CreditorKind,
  JudgmentKind,
  StepData,
  StepName,
  UNIT_REGISTERED,
  UnitRegisteredData,
  unitStream,
} from '@thads/domain';
import { NO_STREAM, SqliteEventStore } from '@thads/event-store';
import { Projection } from '../../runtime/projection';
import { Projector } from '../../runtime/projector';
import { unitsProjection } from '../../units/units.projection';
import { ReadStore } from '../../store/read-store';
import { SqliteReadStore } from '../../store/sqlite-read-store';
import { targetsProjection } from '../../targets/targets.projection';
import { TARGETS_SET, TargetsSetData, targetsStream } from '@thads/domain';
import { statisticsProjection } from '../statistics.projection';
import { StatisticsQueries } from '../statistics-queries';

export const TODAY = '2026-11-22';

/** A step as a test writes it: name, business date, data, and when it was recorded (default: that day). */
export type StepSpec = { step: StepName; on: string; data?: Record<string, unknown>; recordedAt?: string };

export const TEST_UNITS: UnitRegisteredData[] = [
  { unitId: 'vn', name: 'Cục', level: 'central' },
  { unitId: 'kg', name: 'Kiên Giang', level: 'province', parentId: 'vn' },
  { unitId: 'kg-pq', name: 'Phú Quốc', level: 'district', parentId: 'kg' },
  { unitId: 'kg-ab', name: 'An Biên', level: 'district', parentId: 'kg' },
  { unitId: 'kh', name: 'Khánh Hòa', level: 'province', parentId: 'vn' },
  { unitId: 'kh-nt', name: 'Nha Trang', level: 'district', parentId: 'kh' },
];

const DEFAULTS: Partial<Record<StepName, Record<string, unknown>>> = {
  assign: { enforcerId: 'chv-1' },
  classify: { class: 'withConditions' },
  auction: { result: 'sold', price: '1' },
  terminate: { reason: 'creditorWaiver' },
  postpone: { reason: 'illness' },
  suspend: { reason: 'protest' },
  entrust: { toUnitId: 'kh-nt' },
};

/**
 * An in-memory event store and a read store (SQLite in memory unless given) with the statistics projections, fed by the real
 * decider: every step a test records must be legal, and is stored with `on` and `recordedAt` in
 * its metadata as the write path would (no hash chain: the ledger does not read it).
 */
export const ledgerHarness = (readStore: ReadStore = new SqliteReadStore(':memory:'), more: Projection[] = []) => {
  const store = new SqliteEventStore(':memory:');
  const projector = new Projector(store, readStore, [
    unitsProjection(),
    statisticsProjection(),
    targetsProjection(),
    ...more,
  ]);
  const states = new Map<string, { state: CaseState; revision: bigint | typeof NO_STREAM; ids: string[] }>();
  const meta = (on: string, recordedAt?: string) => ({
    schemaVersion: 1,
    on,
    recordedAt: recordedAt ?? `${on}T03:00:00.000Z`,
  });

  const harness = {
    store,
    readStore,
    queries: new StatisticsQueries(readStore),

    async units(units: UnitRegisteredData[] = TEST_UNITS) {
      for (const u of units)
        await store.appendToStream(
          unitStream(u.unitId),
          [{ id: randomUUID(), type: UNIT_REGISTERED, data: { ...u }, metadata: meta('2015-01-01') }],
          NO_STREAM,
        );
    },

    /** Receives a case and takes its steps; returns false at the first step the rules refuse. */
    async record(
      caseId: string,
      received: {
        on: string;
        unitId?: string;
        amountDue?: string;
        origin?: CaseReceivedData['origin'];
        recordedAt?: string;
        entrustedFrom?: CaseReceivedData['entrustedFrom'];
        creditorKind?: CreditorKind;
        judgmentKind?: JudgmentKind;
      },
      steps: StepSpec[] = [],
    ): Promise<boolean> {
      const data = {
        unitId: received.unitId ?? 'kg-pq',
        origin: received.origin ?? 'exOfficio',
        amountDue: received.amountDue ?? '1000',
        judgment: {
          court: 'TAND',
          number: '1/2019/DS-ST',
          date: '2019-01-01',
          ...(received.judgmentKind && { kind: received.judgmentKind }),
        },
        creditor: { name: 'A', ...(received.creditorKind && { kind: received.creditorKind }) },
        debtor: { name: 'B' },
        ...(received.entrustedFrom && { entrustedFrom: received.entrustedFrom }),
      };
      if (
        !(await harness.apply(
          caseId,
          { kind: 'receive', caseId, on: received.on, today: TODAY, data },
          received.recordedAt,
        ))
      )
        return false;
      for (const s of steps) if (!(await harness.step(caseId, s))) return false;
      return true;
    },

    async step(caseId: string, s: StepSpec): Promise<boolean> {
      const data = { ...DEFAULTS[s.step], ...s.data } as unknown as StepData[StepName];
      return harness.apply(caseId, { kind: 'step', caseId, step: s.step, on: s.on, today: TODAY, data }, s.recordedAt);
    },

    async apply(
      caseId: string,
      command: Parameters<typeof caseDecider.decide>[0],
      recordedAt?: string,
    ): Promise<boolean> {
      const current = states.get(caseId) ?? { state: caseDecider.initialState(), revision: NO_STREAM, ids: [] };
      let events: CaseEvent[];
      try {
        events = caseDecider.decide(command, current.state);
      } catch {
        return false;
      }
      const id = randomUUID();
      const result = await store.appendToStream(
        caseStream(caseId),
        events.map((e) => ({ id, type: e.type, data: e.data as never, metadata: meta(e.on, recordedAt) })),
        current.revision,
      );
      const state = events.map((e) => ({ ...e, id })).reduce(caseDecider.evolve, current.state);
      states.set(caseId, { state, revision: result.nextExpectedRevision, ids: [...current.ids, id] });
      return true;
    },

    stateOf: async (caseId: string): Promise<CaseState> => states.get(caseId)?.state ?? caseDecider.initialState(),

    /** The id of the latest event of a case, for a correction. */
    lastEventId: (caseId: string) => states.get(caseId)!.ids.at(-1)!,

    async targets(data: TargetsSetData, on = '2020-01-01') {
      await store.appendToStream(
        targetsStream(data.unitId, data.year),
        [{ id: randomUUID(), type: TARGETS_SET, data: { ...data } as never, metadata: meta(on) }],
        'any',
      );
    },

    async head() {
      return (await store.headPosition()) ?? 0n;
    },

    /** Brings the read models up to the head of the log. */
    async project() {
      await projector.catchUp();
    },

    async close() {
      await store.close();
      await readStore.close();
    },
  };
  return harness;
};

export type LedgerHarness = ReturnType<typeof ledgerHarness>;
