import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CaseWritePath, demoLines, ImportRunner, localDateInVietnam, readCaseHistory, SystemClock, UnitRegistry, verifyAll } from '@thads/application';
import { CaseCommand, StepName } from '@thads/domain';
import { SqliteEventStore } from '@thads/event-store';
import { CLI_ACTOR } from '../context';
import type { BenchResult } from './bench';

const DAY = 86_400_000;
const dayAfter = (start: string, days: number) => new Date(Date.parse(start) + days * DAY).toISOString().slice(0, 10);

/**
 * The auditor's two measures (issue 5): a 50-event case's history read from the store and
 * folded, p95 (target < 5 ms); and `thads verify --all` over a generated history (≥ 100,000 events/s).
 */
export const auditBenchmarks = async (dir: string, sizes: { historyRuns?: number; cases?: number } = {}): Promise<BenchResult[]> => [
  await historyLatency(new SqliteEventStore(join(dir, `${randomUUID()}.db`)), sizes.historyRuns ?? 2_000),
  await verifyThroughput(new SqliteEventStore(join(dir, `${randomUUID()}.db`)), sizes.cases ?? 10_000),
];

// A long but ordinary case: opened and classified, then paid in instalments, each paid out and
// followed by a notice and a re-verification; with the receipt, 50 events.
const OPENING: Array<[StepName, Record<string, unknown>]> = [['decide', {}], ['assign', { enforcerId: 'chv-1' }], ['notify', {}], ['verify', {}], ['classify', { class: 'withConditions' }]];
const INSTALMENT: Array<[StepName, Record<string, unknown>]> = [['collect', { amount: '1000000' }], ['disburse', { amount: '1000000' }], ['notify', {}], ['verify', {}]];
const FIFTY_STEPS = [...OPENING, ...Array.from({ length: 44 }, (_, i) => INSTALMENT[i % INSTALMENT.length])];

const writeFiftyEventCase = async (store: SqliteEventStore, caseId: string) => {
  const path = new CaseWritePath(store);
  const today = localDateInVietnam(new Date());
  const context = () => ({ actor: CLI_ACTOR, recordedAt: new Date(), commandId: randomUUID(), correlationId: randomUUID() });
  await path.execute({ kind: 'receive', caseId, on: '2024-10-01', today, data: {
    unitId: 'vn', origin: 'onRequest', judgment: { court: 'TAND', number: '1/2024', date: '2024-09-01' },
    creditor: { name: 'A' }, debtor: { name: 'B' }, amountDue: '228188311000' } }, context());
  for (const [i, [step, data]] of FIFTY_STEPS.entries()) {
    await path.execute({ kind: 'step', caseId, step, on: dayAfter('2024-10-02', i), today, data } as CaseCommand, context());
  }
};

const percentile = (sortedMs: number[], p: number) => sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)];

const historyLatency = async (store: SqliteEventStore, runs: number): Promise<BenchResult> => {
  await writeFiftyEventCase(store, 'audit-50');
  const today = localDateInVietnam(new Date());
  const once = async (asOf?: string) => {
    const started = process.hrtime.bigint();
    const { history } = await readCaseHistory(store, 'audit-50', asOf ? { asOf } : {}, { today });
    if (history.events.length === 0) throw new Error('empty history');
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (let i = 0; i < 100; i++) await once();
  const plain: number[] = [];
  const asOf: number[] = [];
  for (let i = 0; i < runs; i++) plain.push(await once());
  for (let i = 0; i < runs; i++) asOf.push(await once(dayAfter('2024-10-02', 25)));
  await store.close();
  [plain, asOf].forEach((l) => l.sort((a, b) => a - b));
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    name: 'history of a 50-event case (read + fold), p95', value: round(percentile(plain, 95)), unit: 'ms',
    detail: `${runs} runs, p50 ${round(percentile(plain, 50))} ms, with asOf p95 ${round(percentile(asOf, 95))} ms, target < 5`,
  };
};

const verifyThroughput = async (store: SqliteEventStore, cases: number): Promise<BenchResult> => {
  const lines = demoLines(localDateInVietnam(new Date()), { cases, seed: 11 });
  await new ImportRunner(store, new UnitRegistry(store), new SystemClock(), CLI_ACTOR).run((async function* () { yield* lines; })());
  const started = process.hrtime.bigint();
  const report = await verifyAll(store);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  if (!report.valid) throw new Error(`generated history does not verify: ${JSON.stringify(report.firstBroken)}`);
  return {
    name: 'thads verify --all (hash chain, SQLite)', value: Math.round(report.checked / seconds), unit: 'events/s',
    detail: `${report.checked} events in ${report.streams} streams, target ≥ 100000`,
  };
};
