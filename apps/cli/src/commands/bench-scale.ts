import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Args, flag, intFlag, UsageError } from '../args';
import { CliContext } from '../context';
import type { BenchResult } from './bench';
import { provinces2025Csv } from './generate';

// dist/apps/cli/src/commands → the CLI's entry beside it and the repository's scripts/.
const MAIN = join(__dirname, '..', 'main.js');
const PATHS = join(__dirname, '..', '..', '..', '..', '..', 'scripts', 'paths.js');

/** The generated nation: the 63 provinces with their district offices, up to the day before the 2025 merge. */
const HISTORY = ['--national', '--start', '2023-10-01', '--today', '2025-06-30', '--watch-cases', '200'];

/**
 * The measures over a generated national history: `thads generate`, `import`, `rebuild`, `verify
 * --all`, `bench-reports`, `bench-forms`, `bench-deadlines` and `bench-outlook`, then the 2025 reorganisation (63
 * provinces into 34 on 1 July 2025) and the reports after it, each in its own process on one data
 * directory, so the rebuild's peak memory is its own (a million cases: `npm run bench:scale`).
 * `--scale-dir DIR` keeps the data directory: a second run reuses its import (imported.json) and
 * measures the rest again; the reorganisation is then recorded already and timed as a repeat.
 */
export const scaleBenchmarks = (dir: string, cases: number, keep?: string): BenchResult[] => {
  const data = keep ?? join(dir, `scale-${cases}`);
  mkdirSync(data, { recursive: true });
  const file = join(data, 'history.jsonl');
  const marker = join(data, 'imported.json');
  // The CLI as `npm run thads` starts it (named, not inherited: a parent run with -e would
  // start itself again), under a larger heap for the generator.
  // Each step said on stderr as it starts and ends: at a million cases some take many minutes.
  const thads = (args: string[], heap = false): string => {
    const started = Date.now();
    process.stderr.write(`scale: thads ${args.join(' ')}\n`);
    const out = execFileSync(
      process.execPath,
      ['--max-semi-space-size=64', ...(heap ? ['--max-old-space-size=12000'] : []), '-r', PATHS, MAIN, ...args],
      {
        env: { ...process.env, THADS_DATA_DIR: data, THADS_DEMO: '0' },
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    process.stderr.write(`scale: ${args[0]} done in ${Math.round((Date.now() - started) / 1000)} s\n`);
    return out;
  };
  if (!existsSync(marker)) {
    thads(['generate', '--cases', String(cases), '--seed', '2026', ...HISTORY, '--out', file], true);
    writeFileSync(marker, thads(['import', file]));
  }
  const imported = JSON.parse(readFileSync(marker, 'utf8')) as {
    lines: number;
    rejected: number;
    commandsPerSecond: number;
  };
  const rebuilt = JSON.parse(thads(['rebuild'])) as {
    events: number;
    eventsPerSecond: number;
    peakRssMiB: number;
    rssMiB: number[];
  };
  const verified = JSON.parse(thads(['verify', '--all'])) as {
    valid: boolean;
    checked: number;
    eventsPerSecond: number;
  };
  const reports = JSON.parse(thads(['bench-reports', '--runs', '200'])) as {
    reportLatencyMs: Record<string, { p50: number; p95: number }>;
    seriesLatencyMs: {
      from: string;
      to: string;
      runs: number;
      series12Months: { p50: number; p95: number };
      twelveReports: { p50: number; p95: number };
    };
  };
  const { reportLatencyMs: latency, seriesLatencyMs: series } = reports;
  const forms = (
    JSON.parse(thads(['bench-forms', '--runs', '3'])) as {
      forms: Record<string, { rows: number; jsonMs: number; xlsxMs: number }>;
    }
  ).forms;
  // The inspection board and the first renders (issue 24), through the server on the same data.
  const deadlines = (
    JSON.parse(thads(['bench-deadlines', '--runs', '5']).trim().split('\n').pop()!) as {
      results: BenchResult[];
    }
  ).results.map((r) => ({ ...r, name: `scale: ${r.name}` }));
  // The watch lists and the year's outlook (issue 27): their three APIs for a district, a province and the nation.
  const outlook = (
    JSON.parse(thads(['bench-outlook', '--runs', '20', '--no-backtest'])) as {
      latencyMs: Record<string, Record<'watchlists' | 'listPage' | 'outlook', { p50: number; p95: number }>>;
    }
  ).latencyMs;
  // The 2025 reorganisation (issue 26) on the whole history, then the same reports again.
  const reorganisedAt = process.hrtime.bigint();
  const merges = thads(['reorganise', provinces2025Csv(), '--on', '2025-07-01'])
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { movedCases: number });
  const reorganisedMs = Number(process.hrtime.bigint() - reorganisedAt) / 1e6;
  const moved = merges.reduce((sum, m) => sum + m.movedCases, 0);
  const after = (
    JSON.parse(thads(['bench-reports', '--runs', '200'])) as {
      reportLatencyMs: Record<string, { p50: number; p95: number }>;
    }
  ).reportLatencyMs;
  const scale = `${cases} cases, ${rebuilt.events} events`;
  return [
    {
      name: `scale: import ${cases} generated cases`,
      value: imported.commandsPerSecond,
      unit: 'commands/s',
      detail: `${imported.lines} lines, ${imported.rejected} refused`,
    },
    {
      name: 'scale: rebuild every read model',
      value: rebuilt.eventsPerSecond,
      unit: 'events/s',
      detail: `${scale}, target ≥ 100000`,
    },
    {
      name: 'scale: thads verify --all',
      value: verified.eventsPerSecond,
      unit: 'events/s',
      detail: `${verified.checked} events, ${verified.valid ? 'valid' : 'BROKEN'}, target ≥ 100000`,
    },
    {
      name: 'scale: rebuild peak memory',
      value: rebuilt.peakRssMiB,
      unit: 'MiB',
      detail: `RSS at each tenth ${rebuilt.rssMiB.join(' ')}; target flat, < 1024`,
    },
    ...Object.entries(forms).flatMap(([id, f]) => [
      {
        name: `scale: form ${id} of the nation, JSON`,
        value: f.jsonMs,
        unit: 'ms',
        detail: `${f.rows} rows, median of 3`,
      },
      {
        name: `scale: form ${id} of the nation, .xlsx`,
        value: f.xlsxMs,
        unit: 'ms',
        detail: `${f.rows} rows, built and written, median of 3`,
      },
    ]),
    ...Object.entries(latency).map(([level, l]) => ({
      name: `scale: report latency p95, ${level}`,
      value: l.p95,
      unit: 'ms',
      detail: `p50 ${l.p50} ms; target p95 < ${level === 'national' ? 100 : 20} ms`,
    })),
    {
      name: 'scale: 12-month national series p95',
      value: series.series12Months.p95,
      unit: 'ms',
      detail: `${series.from}..${series.to}, ${series.runs} runs, p50 ${series.series12Months.p50} ms; the 12 reports it replaces p50 ${series.twelveReports.p50} ms, p95 ${series.twelveReports.p95} ms; budget p95 < 200 ms`,
    },
    ...deadlines,
    ...Object.entries(outlook).flatMap(([level, l]) =>
      (
        [
          ['watchlists', 'watch lists', 'GET /api/watchlists'],
          ['listPage', 'watch list page', "GET /api/watchlists/{id}/cases, a list's first page"],
          ['outlook', 'outlook', 'GET /api/statistics/outlook'],
        ] as const
      ).map(([key, label, what]) => ({
        name: `scale: ${label} p95, ${level}`,
        value: l[key].p95,
        unit: 'ms',
        detail: `${what}, 20 runs, p50 ${l[key].p50} ms`,
      })),
    ),
    {
      name: 'scale: the 2025 reorganisation (63 → 34)',
      value: Math.round(reorganisedMs / 100) / 10,
      unit: 's',
      detail: `${merges.length} merges on 2025-07-01, ${moved} open cases moved (0 when the kept directory had it already)`,
    },
    ...Object.entries(after).map(([level, l]) => ({
      name: `scale: report latency p95 after it, ${level}`,
      value: l.p95,
      unit: 'ms',
      detail: `p50 ${l.p50} ms, 200 random periods`,
    })),
  ];
};

/** `thads bench-scale --dir DIR [--cases N]`: the scale part of `npm run bench` alone, on a kept directory. */
export const benchScaleCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const dir = flag(args, 'dir');
  if (!dir) throw new UsageError('bench-scale needs --dir DIR (kept: a second run reuses its import)');
  const results = scaleBenchmarks(dir, intFlag(args, 'cases', 1_000_000), dir);
  for (const r of results)
    ctx.out.write(`${r.name.padEnd(48)} ${String(r.value).padStart(10)} ${r.unit.padEnd(12)} ${r.detail}\n`);
  ctx.out.write(`${JSON.stringify({ results })}\n`);
  return 0;
};
