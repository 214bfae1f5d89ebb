import { createWorkingDayCalendar, SHIPPED_ANNOUNCED_YEARS, WorkingDayCalendar } from '@thads/domain';
import {
  openReadStore,
  OutlookQueries,
  ReadStore,
  reportingYearOf,
  StatisticsQueries,
  UnitQueries,
  WATCH_LISTS,
  WatchListQueries,
} from '@thads/projections';
import { Args, intFlag, UsageError } from '../args';
import { CliContext } from '../context';
import { percentile } from './bench-reports';

const elapsedMs = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

/** The month ends of reporting year `year` before 30 September: 31 October … 31 August. */
export const monthEndsOf = (year: number): string[] =>
  [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8].map((m) => lastDay(m >= 10 ? year - 1 : year, m));

interface Miss {
  horizon: number;
  error: number;
  covered: boolean;
}

const summarise = (misses: Miss[]) => {
  const byHorizon = new Map<number, Miss[]>();
  for (const m of misses) byHorizon.set(m.horizon, [...(byHorizon.get(m.horizon) ?? []), m]);
  const stats = (ms: Miss[]) => ({
    forecasts: ms.length,
    meanAbsErrorPoints: round(ms.reduce((t, m) => t + Math.abs(m.error), 0) / Math.max(1, ms.length)),
    meanErrorPoints: round(ms.reduce((t, m) => t + m.error, 0) / Math.max(1, ms.length)),
    inRangePercent: round((100 * ms.filter((m) => m.covered).length) / Math.max(1, ms.length), 1),
  });
  return {
    all: stats(misses),
    // Months before 30 September the forecast was made: 11 at the end of October, 1 at the end of August.
    byMonthsAhead: Object.fromEntries(
      [...byHorizon.entries()].sort((a, b) => b[0] - a[0]).map(([h, ms]) => [h, stats(ms)]),
    ),
  };
};

/**
 * The outlook's backtest (docs/outlook.md): for each unit and each reporting year with at least
 * two full years before it, a forecast at each month end from October to August against the
 * actual rate on 30 September; the mean error in percentage points and how often the actual
 * fell in the range, cases and money.
 */
const backtest = async (store: ReadStore, calendar: WorkingDayCalendar, unitIds: string[], years: number[]) => {
  const outlook = new OutlookQueries(store, () => calendar);
  const statistics = new StatisticsQueries(store);
  const cases: Miss[] = [];
  const money: Miss[] = [];
  for (const unitId of unitIds)
    for (const year of years) {
      const actual = await statistics.report({ unitId, from: `${year - 1}-10-01`, to: `${year}-09-30` });
      if (actual.cases.withConditions === 0) continue;
      const ends = monthEndsOf(year);
      for (const [i, asOf] of ends.entries()) {
        const o = await outlook.outlook({ unitId, year, asOf, limit: 0 });
        const horizon = ends.length - i;
        for (const [out, m, rate] of [
          [cases, o.cases, Number(actual.cases.rate)],
          [money, o.money, Number(actual.money.rate)],
        ] as const) {
          if (m.expected === null) continue;
          out.push({
            horizon,
            error: Number(m.expected) - rate,
            covered: Number(m.low) <= rate && rate <= Number(m.high),
          });
        }
      }
    }
  return { cases: summarise(cases), money: summarise(money) };
};

const timed = async (runs: number, run: () => Promise<unknown>) => {
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await run();
    took.push(elapsedMs(started));
  }
  took.sort((a, b) => a - b);
  return { runs, p50: round(percentile(took, 0.5)), p95: round(percentile(took, 0.95)), max: round(took.at(-1)!) };
};

/**
 * `thads bench-outlook [--runs N] [--districts N] [--no-backtest]`: over the read models as they stand (import a
 * generated multi-year history first: `thads generate --start 2019-10-01 --seasonal --watch-cases N`),
 * the outlook's backtest and the latency of GET /api/watchlists, a list's first page and the outlook
 * for a district, a province and the nation.
 */
export const benchOutlookCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const runs = intFlag(args, 'runs', 5);
  const districts = intFlag(args, 'districts', 6);
  const store = openReadStore(ctx.config.readStore);
  try {
    const units = await new UnitQueries(store).list();
    const nation = units.find((u) => !u.parentId);
    if (!nation) throw new UsageError('no units in the read store: import a history first');
    const [{ first, last, cases }] = await store.all<{ first: string; last: string; cases: number }>(
      'SELECT min(received_on) AS first, max(last_on) AS last, count(*) AS cases FROM cases',
    );
    const calendar = createWorkingDayCalendar([...SHIPPED_ANNOUNCED_YEARS]);
    const lastFull = reportingYearOf(last) - (last.slice(5) === '09-30' ? 0 : 1);
    // The first year fills from nothing; the backtest wants two full years behind each forecast.
    const years: number[] = [];
    for (let y = reportingYearOf(first) + 2; y <= lastFull; y++) years.push(y);
    const sample = [
      nation.unitId,
      ...units.filter((u) => u.level === 'province').map((u) => u.unitId),
      ...units
        .filter((u) => u.level === 'district')
        .slice(0, districts)
        .map((u) => u.unitId),
    ];
    const started = process.hrtime.bigint();
    // --no-backtest: the latencies alone (a large history takes long to backtest).
    const result = args.flags['no-backtest'] === undefined ? await backtest(store, calendar, sample, years) : {};
    const backtestMs = round(elapsedMs(started), 0);
    const asOf = last;
    const watch = new WatchListQueries(store, () => calendar);
    const outlook = new OutlookQueries(store, () => calendar);
    const latency: Record<string, unknown> = {};
    for (const [level, unit] of [
      ['district', units.find((u) => u.level === 'district')],
      ['province', units.find((u) => u.level === 'province')],
      ['national', nation],
    ] as const) {
      if (!unit) continue;
      latency[level] = {
        unitId: unit.unitId,
        watchlists: await timed(runs, () => watch.summary({ unitId: unit.unitId, asOf })),
        listPage: await timed(runs, () =>
          watch.cases(WATCH_LISTS[1], { unitId: unit.unitId, asOf, limit: 100, offset: 0 }),
        ),
        outlook: await timed(runs, () =>
          outlook.outlook({ unitId: unit.unitId, year: reportingYearOf(asOf), asOf, limit: 20 }),
        ),
      };
    }
    const lists = await watch.summary({ unitId: nation.unitId, asOf });
    ctx.out.write(
      `${JSON.stringify(
        {
          history: { cases: Number(cases), first, last, years },
          backtest: { units: sample.length, tookMs: backtestMs, ...result },
          latencyMs: latency,
          nationalLists: lists.map((l) => ({ id: l.id, cases: l.cases, money: l.money, unknownKind: l.unknownKind })),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
};
