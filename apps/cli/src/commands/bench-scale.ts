import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './bench';

// dist/apps/cli/src/commands → the CLI's entry beside it and the repository's scripts/.
const MAIN = join(__dirname, '..', 'main.js');
const PATHS = join(__dirname, '..', '..', '..', '..', '..', 'scripts', 'paths.js');

/**
 * The measures of issues 3 and 5 over a generated history: `thads generate`, `import`, `rebuild`,
 * `verify --all`, `bench-reports` and `bench-deadlines`, each in its own process on one data directory, so the
 * rebuild's peak memory is its own (a million cases: `npm run bench:scale`, about an hour here).
 */
export const scaleBenchmarks = (dir: string, cases: number): BenchResult[] => {
  const data = join(dir, `scale-${cases}`);
  mkdirSync(data, { recursive: true });
  const file = join(data, 'history.jsonl');
  // The CLI as `npm run thads` starts it (named, not inherited: a parent run with -e would
  // start itself again), under a larger heap for the generator.
  const thads = (args: string[], heap = false): string =>
    execFileSync(
      process.execPath,
      ['--max-semi-space-size=64', ...(heap ? ['--max-old-space-size=12000'] : []), '-r', PATHS, MAIN, ...args],
      {
        env: { ...process.env, THADS_DATA_DIR: data, THADS_DEMO: '0' },
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  thads(['generate', '--cases', String(cases), '--seed', '2026', '--out', file], true);
  const imported = JSON.parse(thads(['import', file])) as {
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
  ];
};
