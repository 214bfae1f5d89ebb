import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  CaseWritePath,
  demoLines,
  ImportRunner,
  localDateInVietnam,
  readCaseHistory,
  SystemClock,
  UnitRegistry,
  verifyInRanges,
} from '@thads/application';
import { CaseCommand, StepName } from '@thads/domain';
import { SqliteEventStore } from '@thads/event-store';
import { CLI_ACTOR } from '../context';
import { rangeRunner } from '../verify-pool';
import type { BenchResult } from './bench';

const DAY = 86_400_000;
const dayAfter = (start: string, days: number) => new Date(Date.parse(start) + days * DAY).toISOString().slice(0, 10);

/**
 * The auditor's two measures (issue 5): a 50-event case's history read from the store and
 * folded, p95 (target < 5 ms); and `thads verify --all` over a generated history (≥ 100,000 events/s).
 */
export const auditBenchmarks = async (
  dir: string,
  sizes: { historyRuns?: number; cases?: number } = {},
): Promise<BenchResult[]> => [
  await historyLatency(new SqliteEventStore(join(dir, `${randomUUID()}.db`)), sizes.historyRuns ?? 2_000),
  await verifyThroughput(new SqliteEventStore(join(dir, `${randomUUID()}.db`)), sizes.cases ?? 10_000),
];

// A long but ordinary case: opened and classified, then paid in instalments, each paid out and
// followed by a notice and a re-verification; with the receipt, 50 events.
const OPENING: Array<[StepName, Record<string, unknown>]> = [
  ['decide', {}],
  ['assign', { enforcerId: 'chv-1' }],
  ['notify', {}],
  ['verify', {}],
  ['classify', { class: 'withConditions' }],
];
const INSTALMENT: Array<[StepName, Record<string, unknown>]> = [
  ['collect', { amount: '1000000' }],
  ['disburse', { amount: '1000000' }],
  ['notify', {}],
  ['verify', {}],
];
const FIFTY_STEPS = [...OPENING, ...Array.from({ length: 44 }, (_, i) => INSTALMENT[i % INSTALMENT.length])];

const writeFiftyEventCase = async (store: SqliteEventStore, caseId: string) => {
  const path = new CaseWritePath(store);
  const today = localDateInVietnam(new Date());
  const context = () => ({
    actor: CLI_ACTOR,
    recordedAt: new Date(),
    commandId: randomUUID(),
    correlationId: randomUUID(),
  });
  await path.execute(
    {
      kind: 'receive',
      caseId,
      on: '2024-10-01',
      today,
      data: {
        unitId: 'vn',
        origin: 'onRequest',
        judgment: { court: 'TAND', number: '1/2024', date: '2024-09-01' },
        creditor: { name: 'A' },
        debtor: { name: 'B' },
        amountDue: '228188311000',
      },
    },
    context(),
  );
  for (const [i, [step, data]] of FIFTY_STEPS.entries()) {
    await path.execute(
      { kind: 'step', caseId, step, on: dayAfter('2024-10-02', i), today, data } as CaseCommand,
      context(),
    );
  }
};

const percentile = (sortedMs: number[], p: number) =>
  sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)];

/**
 * Wall-clock time, and the CPU time the process spent, per read: on a shared machine the first
 * includes waiting for a core, the second is what the code costs.
 */
const historyLatency = async (store: SqliteEventStore, runs: number): Promise<BenchResult> => {
  await writeFiftyEventCase(store, 'audit-50');
  const today = localDateInVietnam(new Date());
  const once = async (asOf?: string): Promise<[number, number]> => {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const { history } = await readCaseHistory(store, 'audit-50', asOf ? { asOf } : {}, { today });
    if (history.events.length !== (asOf ? 27 : 50))
      throw new Error(`unexpected history of ${history.events.length} events`);
    const used = process.cpuUsage(cpu);
    return [Number(process.hrtime.bigint() - started) / 1e6, (used.user + used.system) / 1e3];
  };
  for (let i = 0; i < 100; i++) await once();
  const plain: Array<[number, number]> = [];
  const asOf: Array<[number, number]> = [];
  for (let i = 0; i < runs; i++) plain.push(await once());
  for (let i = 0; i < runs; i++) asOf.push(await once(dayAfter('2024-10-02', 25)));
  await store.close();
  const p = (runs: Array<[number, number]>, which: 0 | 1, q: number) =>
    Math.round(
      percentile(
        runs.map((r) => r[which]).sort((a, b) => a - b),
        q,
      ) * 100,
    ) / 100;
  return {
    name: 'history of a 50-event case (read + fold), p95',
    value: p(plain, 0, 95),
    unit: 'ms',
    detail: `${runs} runs, p50 ${p(plain, 0, 50)} ms; CPU p50 ${p(plain, 1, 50)} / p95 ${p(plain, 1, 95)} ms; with asOf p95 ${p(asOf, 0, 95)} ms; target < 5`,
  };
};

const verifyThroughput = async (store: SqliteEventStore, cases: number): Promise<BenchResult> => {
  const lines = demoLines(localDateInVietnam(new Date()), { cases, seed: 11 });
  await new ImportRunner(store, new UnitRegistry(store), new SystemClock(), CLI_ACTOR).run(
    (async function* () {
      yield* lines;
    })(),
  );
  // As `thads verify --all` runs it: ranges checked by worker threads, stitched in order.
  const runner = rangeRunner(store, store.file);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const report = await verifyInRanges((await store.headPosition()) ?? 0n, runner.run, {
    concurrency: 2 * runner.concurrency,
  }).finally(() => runner.close());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // All threads' CPU: the rate one core would give if it were not shared.
  const used = process.cpuUsage(cpu);
  await store.close();
  if (!report.valid) throw new Error(`generated history does not verify: ${JSON.stringify(report.firstBroken)}`);
  return {
    name: 'thads verify --all (hash chain, SQLite)',
    value: Math.round(report.checked / seconds),
    unit: 'events/s',
    detail: `${report.checked} events in ${report.streams} streams, ${runner.concurrency} worker(s), ${Math.round(report.checked / ((used.user + used.system) / 1e6))} per CPU-second, target ≥ 100000`,
  };
};
