import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  CaseWritePath,
  demoLines,
  ImportRunner,
  localDateInVietnam,
  SystemClock,
  toStepCommand,
  UnitRegistry,
  StepRequest,
  CommandContext,
} from '@thads/application';
import { EventStore, openDatabase, SqliteEventStore, SQLITE_EVENT_SCHEMA } from '@thads/event-store';
import { Args, flag, intFlag } from '../args';
import { CliContext, CLI_ACTOR } from '../context';
import { benchStores, rawAppends, STORE_KINDS, StoreRow } from './bench-stores';
import { auditBenchmarks } from './bench-audit';
import { foldBenchmarks } from './bench-fold';
import { percentile } from './bench-reports';
import { scaleBenchmarks } from './bench-scale';
import { deskBenchmarks } from './bench-desk';
import { appendThreadFor } from './import';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  detail: string;
}

/**
 * `npm run bench`: measures this machine. Each measure runs on a fresh SQLite file in a
 * temporary directory with durable commits (synchronous=FULL), the same settings as production.
 */
export const benchCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const dir = mkdtempSync(join(tmpdir(), 'thads-bench-'));
  const results: BenchResult[] = [];
  let storeRows: StoreRow[] = [];
  const open = () => new SqliteEventStore(join(dir, `${randomUUID()}.db`));
  try {
    // Durable commits wait on this VM's shared disk: the same run varies by ±20%, so each raw
    // measure is taken three times, interleaved, and the median is the figure.
    const rawEvents = intFlag(args, 'events', 100_000);
    const baseline: number[] = [];
    const store: number[] = [];
    for (let run = 0; run < 3; run++) {
      baseline.push(rawSqliteBaseline(join(dir, `baseline-${run}.db`), rawEvents));
      const opened = open();
      store.push(await rawAppends(opened, rawEvents));
      await opened.close();
    }
    results.push({
      name: 'baseline: plain better-sqlite3 inserts',
      value: median(baseline),
      unit: 'events/s',
      detail: `same schema, WAL, synchronous=FULL, batches of 100; runs ${baseline.join(', ')}`,
    });
    results.push({
      name: 'raw appends (SQLite, batches of 100)',
      value: median(store),
      unit: 'events/s',
      detail: `${rawEvents} events, target ≥ 60000; runs ${store.join(', ')}`,
    });
    const imported = open();
    results.push(await bulkImport(imported, intFlag(args, 'cases', 10_000)));
    results.push(...(await foldBenchmarks(imported.file)));
    results.push(await apiWritePath(open(), intFlag(args, 'commands', 2_000)));
    results.push(...(await auditBenchmarks(dir)));
    results.push(...scaleBenchmarks(dir, intFlag(args, 'scale-cases', 40_000), flag(args, 'scale-dir')));
    // The web console's desk over a million cases (issue 23): bench-desk.ts.
    results.push(...(await deskBenchmarks(dir, intFlag(args, 'desk-cases', 1_000_000))));
    const pgUrl = process.env.THADS_PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    storeRows = await benchStores(STORE_KINDS(dir, pgUrl), dir, pgUrl, {
      events: intFlag(args, 'store-events', 10_000),
      cases: intFlag(args, 'store-cases', 500),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const r of results)
    ctx.out.write(`${r.name.padEnd(44)} ${String(r.value).padStart(10)} ${r.unit.padEnd(12)} ${r.detail}\n`);
  ctx.out.write(
    '\nstores side by side         raw appends/s   import commands/s   rebuild events/s (read models on SQLite | PostgreSQL)\n',
  );
  for (const r of storeRows)
    ctx.out.write(
      `${r.store.padEnd(36)} ${String(r.rawAppends).padStart(10)} ${String(r.importCommands).padStart(18)} ${String(r.rebuildEvents).padStart(18)} | ${String(r.rebuildToPostgres).padStart(8)}\n`,
    );
  ctx.out.write(
    `${JSON.stringify({ machine: `${process.platform} ${process.arch} node ${process.version}`, results, stores: storeRows })}\n`,
  );
  return 0;
};

const perSecond = (count: number, startedNs: bigint) =>
  Math.round(count / (Number(process.hrtime.bigint() - startedNs) / 1e9));

const median = (runs: number[]): number =>
  percentile(
    [...runs].sort((a, b) => a - b),
    0.5,
  );

/**
 * The disk's own ceiling: plain better-sqlite3 inserts of the rows `rawAppends` writes (a new
 * stream of 100 events a commit), same table, same pragmas, no port. Our store's raw figure is
 * read against this, since fsync speed differs by machine.
 */
const rawSqliteBaseline = (file: string, events: number): number => {
  const db = openDatabase(file);
  db.exec(SQLITE_EVENT_SCHEMA);
  const insert = db.prepare(
    'INSERT INTO events (id, stream_id, revision, type, data, metadata, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const batch = db.transaction((stream: string) => {
    for (let j = 0; j < 100; j++)
      insert.run(
        randomUUID(),
        stream,
        j,
        'BenchEvent',
        `{"n":${j}}`,
        '{"on":"2025-01-02"}',
        '2026-01-01T00:00:00.000Z',
      );
  });
  const started = process.hrtime.bigint();
  for (let b = 0; b < events / 100; b++) batch(`bench-${randomUUID()}`);
  const value = perSecond(events, started);
  db.close();
  return value;
};

const bulkImport = async (store: EventStore, cases: number): Promise<BenchResult> => {
  const lines = [...demoLines('2026-11-22', { cases, seed: 7 })];
  // As `thads import` appends: from a worker thread.
  const thread = appendThreadFor(store);
  const runner = new ImportRunner(store, new UnitRegistry(store), new SystemClock(), CLI_ACTOR, { appender: thread });
  const started = process.hrtime.bigint();
  const summary = await runner
    .run(
      (async function* () {
        yield* lines;
      })(),
    )
    .finally(() => thread?.close());
  const value = perSecond(summary.lines, started);
  await store.close();
  return {
    name: 'thads import (decide + append, batched)',
    value,
    unit: 'commands/s',
    detail: `${summary.lines} lines, ${summary.rejected.length} refused, target ≥ 10000`,
  };
};

/**
 * The API write path's load: `commands` sequential commands, a case received then stepped nine
 * times (decide, then notices), one durable commit each. Shared with scripts/bench-write-path.ts.
 */
export const apiCommands = async (
  path: CaseWritePath,
  commands: number,
  context: () => CommandContext,
  today: string,
): Promise<void> => {
  for (let i = 0; i < commands; i++) {
    const caseId = `api-${Math.floor(i / 10)}`;
    if (i % 10 === 0) {
      await path.execute(
        {
          kind: 'receive',
          caseId,
          on: today,
          today,
          data: {
            unitId: 'vn',
            origin: 'exOfficio',
            judgment: { court: 'TAND', number: '1/2025', date: today },
            creditor: { name: 'A' },
            debtor: { name: 'B' },
            amountDue: '1000000000',
          },
        },
        context(),
      );
    } else {
      const request = Object.assign(
        new StepRequest(),
        i % 10 === 1 ? { step: 'decide', on: today } : { step: 'notify', on: today },
      );
      await path.execute(toStepCommand(caseId, request), context());
    }
  }
};

const apiWritePath = async (store: EventStore, commands: number): Promise<BenchResult> => {
  const units = new UnitRegistry(store);
  const clock = new SystemClock();
  const context = () => ({
    actor: CLI_ACTOR,
    recordedAt: clock.now(),
    commandId: randomUUID(),
    correlationId: randomUUID(),
  });
  await units.register({ unitId: 'vn', name: 'Cục', level: 'central' }, context());
  const path = new CaseWritePath(store);
  const today = localDateInVietnam(clock.now());
  const started = process.hrtime.bigint();
  await apiCommands(path, commands, context, today);
  const value = perSecond(commands, started);
  await store.close();
  return {
    name: 'API write path (read, fold, decide, append)',
    value,
    unit: 'commands/s',
    detail: `${commands} sequential commands, one durable commit each`,
  };
};
