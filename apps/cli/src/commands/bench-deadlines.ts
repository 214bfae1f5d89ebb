import { existsSync } from 'node:fs';
import { openReadStore, UnitQueries } from '@thads/projections';
import { Args, intFlag, UsageError } from '../args';
import { CliContext } from '../context';
import type { BenchResult } from './bench';
import { percentile } from './bench-reports';
import { startServer } from './bench-web';

const CHROMIUM = '/usr/bin/chromium';
const round = (ms: number) => Math.round(ms * 10) / 10;

/** A demo user with a national scope who may read deadlines and statistics (libs/application/src/demo/demo-users.ts). */
const INSPECTOR = 'tra-vn';

const login = async (url: string): Promise<string> => {
  const answer = await fetch(`${url}/api/auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: INSPECTOR }),
  });
  if (!answer.ok) throw new Error(`demo login refused: ${answer.status} ${await answer.text()}`);
  return ((await answer.json()) as { token: string }).token;
};

/** The first (cold) time, then p50/p95 of `runs` more (a fresh login each: a national CSV may outlast a token). */
const timedGet = async (url: string, server: string, runs: number) => {
  const once = async () => {
    const token = await login(server);
    const started = process.hrtime.bigint();
    const answer = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await answer.text();
    if (!answer.ok) throw new Error(`${url}: ${answer.status} ${body.slice(0, 300)}`);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, body };
  };
  const first = await once();
  const took: number[] = [];
  for (let i = 0; i < runs; i++) took.push((await once()).ms);
  if (took.length === 0) took.push(first.ms);
  took.sort((a, b) => a - b);
  return {
    first: round(first.ms),
    p50: round(percentile(took, 0.5)),
    p95: round(percentile(took, 0.95)),
    body: first.body,
  };
};

/**
 * The inspection board (issue 24) over the read models of a data directory as they stand (run
 * `thads rebuild` first), through `npm start`'s server: the board's first page as the page asks
 * it (overdue and late), every status, a deep page, the counts by unit for the chart and the CSV,
 * for the largest province and the nation; then, with Chromium, the first render of the national
 * statistics page /thong-ke and of the board /thoi-han.
 */
export const deadlineBenchmarks = async (
  dataDir: string,
  readStore: string,
  runs: number,
  rendersOnly = false,
): Promise<BenchResult[]> => {
  const read = openReadStore(readStore, { readOnly: true });
  let province: string;
  let nation: string;
  let cases: number;
  try {
    const units = await new UnitQueries(read).list();
    nation = units.find((u) => !u.parentId)?.unitId ?? '';
    if (!nation) throw new UsageError('no units in the read store: import a history and run `thads rebuild` first');
    const sizes = await read.all<{ unit_id: string; n: number | bigint }>(
      'SELECT unit_id, count(*) AS n FROM cases GROUP BY unit_id',
    );
    const byProvince = new Map<string, number>();
    cases = 0;
    for (const s of sizes) {
      cases += Number(s.n);
      const unit = units.find((u) => u.unitId === s.unit_id);
      const top = units.find((u) => u.level === 'province' && unit?.path.startsWith(u.path));
      if (top) byProvince.set(top.unitId, (byProvince.get(top.unitId) ?? 0) + Number(s.n));
    }
    province = [...byProvince.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? nation;
  } finally {
    await read.close();
  }
  const server = await startServer(dataDir, { THADS_DEMO: '1', THADS_DEV_ACTOR: '1' });
  const results: BenchResult[] = [];
  // Each result as it comes, on stderr: a national run takes minutes.
  const push = (r: BenchResult) => {
    results.push(r);
    process.stderr.write(`${r.name}: ${r.value} ${r.unit} (${r.detail})\n`);
  };
  try {
    for (const [scope, unitId] of rendersOnly
      ? []
      : [
          ['province', province],
          ['nation', nation],
        ]) {
      const at = `${server.url}/api/deadlines`;
      const q = `unitId=${encodeURIComponent(unitId)}`;
      const board = await timedGet(`${at}?${q}&status=overdue,late&limit=20`, server.url, runs);
      const total = (JSON.parse(board.body) as { total: number }).total;
      push({
        name: `deadlines: board page, ${scope}`,
        value: board.p95,
        unit: 'ms p95',
        detail: `GET /api/deadlines?status=overdue,late&limit=20 over ${unitId}: ${total} matches; first ${board.first} ms, p50 ${board.p50} ms; ${cases} cases`,
      });
      const all = await timedGet(`${at}?${q}&limit=100`, server.url, runs);
      push({
        name: `deadlines: board page, every status, ${scope}`,
        value: all.p95,
        unit: 'ms p95',
        detail: `${(JSON.parse(all.body) as { total: number }).total} deadlines; first ${all.first} ms, p50 ${all.p50} ms`,
      });
      const deep = await timedGet(`${at}?${q}&limit=100&offset=10000`, server.url, runs);
      push({
        name: `deadlines: board page 101, ${scope}`,
        value: deep.p95,
        unit: 'ms p95',
        detail: `offset 10000; first ${deep.first} ms, p50 ${deep.p50} ms`,
      });
      const byUnit = await timedGet(`${at}/by-unit?${q}`, server.url, runs);
      push({
        name: `deadlines: counts by unit, ${scope}`,
        value: byUnit.p95,
        unit: 'ms p95',
        detail: `GET /api/deadlines/by-unit (the chart); first ${byUnit.first} ms, p50 ${byUnit.p50} ms`,
      });
      const csv = await timedGet(`${at}.csv?${q}&status=overdue`, server.url, 0);
      push({
        name: `deadlines: CSV of the overdue, ${scope}`,
        value: csv.first,
        unit: 'ms',
        detail: `${csv.body.split('\r\n').length - 2} rows, ${Math.round(csv.body.length / 1024)} KiB; first ${csv.first} ms`,
      });
    }
    if (!existsSync(CHROMIUM)) {
      results.push({ name: 'web: first render', value: 0, unit: 'skipped', detail: `${CHROMIUM} missing` });
      return results;
    }
    for (const r of await firstRenders(server.url, await login(server.url), nation, cases)) push(r);
  } finally {
    await server.stop();
  }
  return results;
};

/** Opening a page logged in, cold browser cache, until `ready` is drawn: 3 runs, the median. */
const firstRenders = async (url: string, token: string, nation: string, cases: number): Promise<BenchResult[]> => {
  // Loaded here only: a development dependency, like the browser it drives.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const results: BenchResult[] = [];
  const pages: Array<[string, string, string, string]> = [
    [
      'web: first render of /thong-ke, nation',
      `/thong-ke?unit=${nation}`,
      '[data-testid="table-cases"] tbody tr.ant-table-row, [data-testid="chart-trend"] svg path',
      '/api/statistics/series',
    ],
    ['web: first render of /thoi-han, nation', `/thoi-han?unit=${nation}`, 'tbody tr.ant-table-row', '/api/deadlines?'],
  ];
  try {
    for (const [name, path, ready, api] of pages) {
      const took: number[] = [];
      const parts: string[] = [];
      for (let run = 0; run < 3; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addInitScript(`sessionStorage.setItem('thads.token', ${JSON.stringify(token)})`);
        const page = await context.newPage();
        await page.goto(`${url}${path}`, { timeout: 300_000 });
        await page.locator(ready).first().waitFor({ timeout: 300_000 });
        took.push(await page.evaluate<number>('performance.now()'));
        parts.push(
          await page.evaluate<string>(`(() => {
            const r = performance.getEntriesByType('resource').filter((e) => e.name.includes(${JSON.stringify(api)})).pop();
            return ${JSON.stringify(api)} + ' answered ' + Math.round(r ? r.responseEnd : -1) + ' ms';
          })()`),
        );
        await context.close();
      }
      took.sort((a, b) => a - b);
      results.push({
        name,
        value: Math.round(took[1]),
        unit: 'ms median',
        detail: `runs ${took.map(Math.round).join(', ')} ms (${parts.join('; ')}); cold cache, ${cases} cases, headless Chromium`,
      });
    }
  } finally {
    await browser.close();
  }
  return results;
};

/**
 * `thads bench-deadlines [--runs N] [--renders-only]`: the board and the first renders over THADS_DATA_DIR (also in
 * `npm run bench`'s scale part); `--renders-only` the pages alone (the nation's board takes minutes at a million cases).
 */
export const benchDeadlinesCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const results = await deadlineBenchmarks(
    ctx.config.dataDir,
    ctx.config.readStore,
    intFlag(args, 'runs', 5),
    args.flags['renders-only'] !== undefined,
  );
  for (const r of results)
    ctx.out.write(`${r.name.padEnd(48)} ${String(r.value).padStart(10)} ${r.unit.padEnd(10)} ${r.detail}\n`);
  ctx.out.write(`${JSON.stringify({ results })}\n`);
  return 0;
};
