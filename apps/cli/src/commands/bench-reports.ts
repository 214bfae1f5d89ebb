import { openReadStore, StatisticsQueries, UnitQueries } from '@thads/projections';
import { Args, intFlag, UsageError } from '../args';
import { CliContext } from '../context';

/** A small deterministic generator, so two runs ask the same questions. */
const lcg = (seed: number) => () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

/** The value below which a share `p` (0-1) of the sorted values lie. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

const round = (ms: number) => Math.round(ms * 100) / 100;
const elapsedMs = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

/** The 12 months ending with the month of `last`: a year of the trend chart, crossing 1 October unless it ends in September. */
export const twelveMonthsTo = (last: string): { from: string; to: string } => {
  const [y, m] = last.split('-').map(Number);
  const start = y * 12 + (m - 1) - 11;
  return { from: `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}-01`, to: last };
};

/**
 * The national trend chart's question (GET /api/statistics/series, 12 monthly points), timed as
 * one series and, for comparison, as the 12 reports it replaces.
 */
const nationalSeriesLatency = async (queries: StatisticsQueries, unitId: string, last: string, runs: number) => {
  const range = twelveMonthsTo(last);
  const series: number[] = [];
  const reports: number[] = [];
  for (let i = 0; i < runs; i++) {
    let started = process.hrtime.bigint();
    const { points } = await queries.series({ unitId, ...range, interval: 'month' });
    series.push(elapsedMs(started));
    started = process.hrtime.bigint();
    for (const p of points) await queries.report({ unitId, from: p.from, to: p.to });
    reports.push(elapsedMs(started));
  }
  const stats = (took: number[]) => {
    took.sort((a, b) => a - b);
    return { p50: round(percentile(took, 0.5)), p95: round(percentile(took, 0.95)), max: round(took[took.length - 1]) };
  };
  return { unitId, ...range, runs, series12Months: stats(series), twelveReports: stats(reports) };
};

/**
 * `thads bench-reports [--runs N]`: report latency over the read models as they stand (no catch-up
 * first: run `thads rebuild` or a server before), for a district, a province and the nation, over
 * random periods of the two reporting years before the latest event; p50/p95 in milliseconds.
 */
export const benchReportsCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const runs = intFlag(args, 'runs', 200);
  const store = openReadStore(ctx.config.readStore);
  try {
    const units = await new UnitQueries(store).list();
    const byLevel = {
      district: units.filter((u) => u.level === 'district'),
      province: units.filter((u) => u.level === 'province'),
      national: units.filter((u) => !u.parentId),
    };
    if (byLevel.national.length === 0)
      throw new UsageError('no units in the read store: import a history and run `thads rebuild` first');
    const [{ last }] = await store.all<{ last: string }>('SELECT max(day) AS last FROM statistics_daily');
    const end = Date.parse(`${last}T00:00:00Z`);
    const random = lcg(7);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const queries = new StatisticsQueries(store);
    const results: Record<string, { p50: number; p95: number; max: number; runs: number }> = {};
    for (const [level, candidates] of Object.entries(byLevel)) {
      if (candidates.length === 0) continue;
      const took: number[] = [];
      for (let i = 0; i < runs; i++) {
        const unit = candidates[Math.floor(random() * candidates.length)];
        const to = end - Math.floor(random() * 365) * 86_400_000;
        const from = to - Math.floor(random() * 365) * 86_400_000;
        const started = process.hrtime.bigint();
        await queries.report({ unitId: unit.unitId, from: day(from), to: day(to) });
        took.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      took.sort((a, b) => a - b);
      results[level] = {
        p50: round(percentile(took, 0.5)),
        p95: round(percentile(took, 0.95)),
        max: round(took[took.length - 1]),
        runs,
      };
    }
    const series = await nationalSeriesLatency(
      queries,
      byLevel.national[0].unitId,
      last,
      Math.max(5, Math.round(runs / 10)),
    );
    ctx.out.write(
      `${JSON.stringify({ readStore: store.location, reportLatencyMs: results, seriesLatencyMs: series })}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
};
