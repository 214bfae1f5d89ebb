import { CaseCommand, caseStream, UnitRegisteredData } from '@thads/domain';
import { collect, RecordedEvent, SqliteEventStore } from '@thads/event-store';
import { CaseWritePath } from './case-write-path';
import { CommandContext } from './envelope';
import { ImportRunner } from './import/import-runner';
import { UnitRegistry } from './unit-registry';

// Entrustment (Luật THADS Điều 55–57): only to another registered unit; the receiving unit gets
// a case of its own, received on the day, for what is still due, referring to the source case.

const actor = { id: 'sys', role: 'system' as const, unitId: 'vn' };
const at = (day: string, n = 0): CommandContext => ({
  actor,
  recordedAt: new Date(`${day}T03:00:00.000Z`),
  commandId: `c-${day}-${n}`,
  correlationId: 'test',
});
const UNITS: UnitRegisteredData[] = [
  { unitId: 'vn', name: 'Cục', level: 'central' },
  { unitId: 'kg', name: 'Kiên Giang', level: 'province', parentId: 'vn' },
  { unitId: 'kg-pq', name: 'Phú Quốc', level: 'district', parentId: 'kg' },
  { unitId: 'kg-ab', name: 'An Biên', level: 'district', parentId: 'kg' },
  // A district agency dissolved in the 1 July 2025 reorganisation (docs/domain.md §6.2).
  { unitId: 'kg-rg', name: 'Rạch Giá', level: 'district', parentId: 'kg', until: '2025-06-30' },
];
const receive: CaseCommand = {
  kind: 'receive',
  caseId: 'pq-1',
  on: '2025-03-03',
  today: '2025-03-03',
  data: {
    unitId: 'kg-pq',
    origin: 'onRequest',
    judgment: { court: 'TAND huyện Phú Quốc', number: '4/2025/DS-ST', date: '2025-01-10' },
    creditor: { name: 'Ngân hàng A' },
    debtor: { name: 'Trần B' },
    amountDue: '90000000',
    note: 'chỉ của việc gốc',
  },
};
const step = (step: string, on: string, data: Record<string, unknown> = {}): CaseCommand =>
  ({ kind: 'step', caseId: 'pq-1', step, on, today: on, data }) as CaseCommand;
const streamOf = async (store: SqliteEventStore, caseId: string): Promise<RecordedEvent[]> =>
  collect(store.readStream(caseStream(caseId)));

describe('entrustment to another unit (Luật THADS Điều 55–57)', () => {
  let store: SqliteEventStore;
  beforeEach(async () => {
    store = new SqliteEventStore(':memory:');
    const units = new UnitRegistry(store);
    for (const u of UNITS) await units.register(u, at('2025-01-01', UNITS.indexOf(u)));
  });
  afterEach(() => store.close());

  it('gives the receiving unit a received case for what is still due, linked both ways', async () => {
    const path = new CaseWritePath(store);
    await path.execute(receive, at('2025-03-03'));
    await path.execute(step('decide', '2025-03-05'), at('2025-03-05'));
    await path.execute(step('collect', '2025-03-10', { amount: '30000000' }), at('2025-03-10'));
    const result = await path.execute(step('entrust', '2025-03-20', { toUnitId: 'kg-ab' }), at('2025-03-20'));
    expect(result).toMatchObject({ caseId: 'pq-1', state: 'entrusted' });

    const source = await streamOf(store, 'pq-1');
    expect(source[source.length - 1]).toMatchObject({
      type: 'CaseEntrusted',
      data: { toUnitId: 'kg-ab', entrustedCaseId: 'pq-1.ut' },
    });
    const [received, ...more] = await streamOf(store, 'pq-1.ut');
    expect(more).toEqual([]);
    expect(received.type).toBe('CaseReceived');
    expect(received.metadata).toMatchObject({ on: '2025-03-20' });
    expect(received.data).toEqual({
      caseId: 'pq-1.ut',
      unitId: 'kg-ab',
      origin: 'onRequest',
      judgment: receive.kind === 'receive' && receive.data.judgment,
      creditor: { name: 'Ngân hàng A' },
      debtor: { name: 'Trần B' },
      amountDue: '60000000',
      entrustedFrom: { caseId: 'pq-1', unitId: 'kg-pq', firstDecisionOn: '2025-03-05' },
    });
    // The receiving unit decides on it (Điều 57.1.b): the case is an ordinary one there.
    await path.execute({ ...step('decide', '2025-03-25'), caseId: 'pq-1.ut' }, at('2025-03-25'));
    expect((await streamOf(store, 'pq-1.ut')).map((e) => e.type)).toEqual(['CaseReceived', 'EnforcementDecided']);
  });

  it("refuses the case's own unit and appends nothing", async () => {
    const path = new CaseWritePath(store);
    await path.execute(receive, at('2025-03-03'));
    await path.execute(step('decide', '2025-03-05'), at('2025-03-05'));
    await expect(
      path.execute(step('entrust', '2025-03-20', { toUnitId: 'kg-pq' }), at('2025-03-20')),
    ).rejects.toMatchObject({ rule: 'case.step-not-allowed' });
    expect(await streamOf(store, 'pq-1')).toHaveLength(2);
    expect(await streamOf(store, 'pq-1.ut')).toEqual([]);
  });

  it('refuses the central department and a unit that no longer exists on the day, naming the article (Điều 55–57)', async () => {
    const units = new UnitRegistry(store);
    await expect(units.requireEntrustee('vn', '2025-03-20')).rejects.toMatchObject({
      rule: 'unit.cannot-receive-entrustment',
      message: expect.stringMatching(/Điều 13, 55, 56/),
    });
    await expect(units.requireEntrustee('kg-rg', '2025-07-01')).rejects.toMatchObject({
      rule: 'unit.cannot-receive-entrustment',
      message: expect.stringMatching(/không còn tồn tại/),
    });
    await expect(units.requireEntrustee('kg-rg', '2025-06-30')).resolves.toMatchObject({ unitId: 'kg-rg' });
    await expect(units.requireEntrustee('nowhere', '2025-06-30')).rejects.toMatchObject({ name: 'UnknownUnit' });
  });

  it('in a bulk import: refuses the central department and a dissolved unit (unit.cannot-receive-entrustment)', async () => {
    const lines = [
      { ...receive, step: 'receive', ...(receive.kind === 'receive' ? receive.data : {}) },
      { step: 'decide', caseId: 'pq-1', on: '2025-03-05' },
      { step: 'entrust', caseId: 'pq-1', on: '2025-07-02', toUnitId: 'vn' },
      { step: 'entrust', caseId: 'pq-1', on: '2025-07-02', toUnitId: 'kg-rg' },
    ].map(({ kind: _k, today: _t, data: _d, ...line }: Record<string, unknown>) =>
      JSON.stringify({ ...line, recordedAt: `${line.on}T03:00:00.000Z` }),
    );
    const summary = await new ImportRunner(
      store,
      new UnitRegistry(store),
      { now: () => new Date('2025-08-01T03:00:00Z') },
      actor,
      { batchSize: 10 },
    ).run(
      (async function* () {
        yield* lines;
      })(),
    );
    expect(summary).toMatchObject({
      lines: 4,
      applied: 2,
      rejected: [
        expect.objectContaining({ line: 3, code: 'unit.cannot-receive-entrustment' }),
        expect.objectContaining({ line: 4, code: 'unit.cannot-receive-entrustment' }),
      ],
    });
    expect(await streamOf(store, 'pq-1.ut')).toEqual([]);
  });

  it('in a bulk import: refuses an unregistered unit (unit.not-found), and writes the receiving case with the batch', async () => {
    const lines = [
      { ...receive, step: 'receive', ...(receive.kind === 'receive' ? receive.data : {}) },
      { step: 'decide', caseId: 'pq-1', on: '2025-03-05' },
      { step: 'entrust', caseId: 'pq-1', on: '2025-03-20', toUnitId: 'nowhere' },
      { step: 'entrust', caseId: 'pq-1', on: '2025-03-20', toUnitId: 'kg-ab' },
    ].map(({ kind: _k, today: _t, data: _d, ...line }: Record<string, unknown>) =>
      JSON.stringify({ ...line, recordedAt: `${line.on}T03:00:00.000Z` }),
    );
    const summary = await new ImportRunner(
      store,
      new UnitRegistry(store),
      { now: () => new Date('2025-04-01T03:00:00Z') },
      actor,
      { batchSize: 10 },
    ).run(
      (async function* () {
        yield* lines;
      })(),
    );
    expect(summary).toMatchObject({
      lines: 4,
      applied: 3,
      rejected: [expect.objectContaining({ line: 3, code: 'unit.not-found' })],
    });
    const [received] = await streamOf(store, 'pq-1.ut');
    expect(received.data).toMatchObject({
      unitId: 'kg-ab',
      amountDue: '90000000',
      entrustedFrom: { caseId: 'pq-1', unitId: 'kg-pq' },
    });
  });
});
