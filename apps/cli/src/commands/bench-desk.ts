import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CaseListFilter, CaseListQueries, openReadStore } from '@thads/projections';
import { Args, intFlag } from '../args';
import { CliContext } from '../context';
import type { BenchResult } from './bench';
import { percentile } from './bench-reports';
import { fillDeskReadStore, registerDeskUnits } from './bench-desk-data';
import { firstVisitBytes, startServer } from './bench-web';

const CHROMIUM = '/usr/bin/chromium';
const round = (ms: number) => Math.round(ms * 10) / 10;

/** p50/p95 of a query run `runs` times (after one run that warms the page cache). */
const timed = async (runs: number, query: () => Promise<unknown>): Promise<{ p50: number; p95: number }> => {
  await query();
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await query();
    took.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  took.sort((a, b) => a - b);
  return { p50: round(percentile(took, 0.5)), p95: round(percentile(took, 0.95)) };
};

/**
 * The web console's desk over `cases` cases (issue 23): one page of GET /api/cases's query
 * (sort=deadline, and a search by name) for a district, a province and the nation; the
 * JavaScript a first visit loads; and, when Chromium is installed, the time from opening
 * /ban-lam-viec to its first row drawn, through `npm start`'s server on that read store.
 */
export const deskBenchmarks = async (dir: string, cases: number): Promise<BenchResult[]> => {
  const results: BenchResult[] = [];
  const bundle = firstVisitBytes();
  if (bundle) {
    results.push({
      name: 'web: first visit JavaScript (gzip)',
      value: Math.round(bundle.jsGzip / 1024),
      unit: 'KiB',
      detail: `${bundle.files.join(' ')}; CSS ${Math.round(bundle.cssGzip / 1024)} KiB, HTML ${bundle.htmlGzip} B; lazy pages not counted`,
    });
  }
  const data = join(dir, `desk-${cases}`);
  mkdirSync(data, { recursive: true });
  const started = Date.now();
  const units = await registerDeskUnits(join(data, 'thads.db'));
  // The server creates the read models' tables, projects the units and adds the demo users.
  const env = { THADS_DEMO: '1', THADS_DEV_ACTOR: '1' };
  await (await startServer(data, env)).stop();
  fillDeskReadStore(join(data, 'read.db'), units.districts, cases);
  const built = Math.round((Date.now() - started) / 1000);

  const store = openReadStore(join(data, 'read.db'), { readOnly: true });
  try {
    const list = new CaseListQueries(store);
    const scopes: Array<[string, string[]]> = [
      ['district', [units.district]],
      ['province', units.province.districts],
      ['nation', units.all],
    ];
    const page = (unitIds: string[], more: Partial<CaseListFilter>) =>
      list.page({
        unitIds,
        wholeTree: unitIds.length === units.all.length,
        limit: 20,
        offset: 0,
        sort: 'deadline',
        ...more,
      });
    for (const [scope, unitIds] of scopes) {
      const byDeadline = await timed(20, () => page(unitIds, {}));
      results.push({
        name: `desk: page by deadline, ${scope}`,
        value: byDeadline.p95,
        unit: 'ms p95',
        detail: `p50 ${byDeadline.p50} ms; 20 rows and the total, ${unitIds.length} units, ${cases} cases (built in ${built} s)`,
      });
      const search = await timed(10, () => page(unitIds, { q: 'tran thi binh' }));
      results.push({
        name: `desk: search "tran thi binh", ${scope}`,
        value: search.p95,
        unit: 'ms p95',
        detail: `p50 ${search.p50} ms; diacritics-insensitive substring over the unit's cases`,
      });
    }
    const deep = await timed(10, () => page(units.all, { offset: 10_000 }));
    results.push({
      name: 'desk: page 501 by deadline, nation',
      value: deep.p95,
      unit: 'ms p95',
      detail: `p50 ${deep.p50} ms; offset 10000`,
    });
  } finally {
    await store.close();
  }
  if (!existsSync(CHROMIUM)) {
    results.push({
      name: 'desk: first render',
      value: 0,
      unit: 'skipped',
      detail: `${CHROMIUM} missing (apt-get install -y chromium)`,
    });
    return results;
  }
  results.push(...(await firstRender(data, env, cases)));
  return results;
};

/** Opening /ban-lam-viec logged in (a demo user's token), cold browser cache, until the first row is drawn. */
const firstRender = async (data: string, env: NodeJS.ProcessEnv, cases: number): Promise<BenchResult[]> => {
  // Loaded here only: a development dependency, like the browser it drives.
  const { chromium } = await import('playwright-core');
  const server = await startServer(data, env);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const results: BenchResult[] = [];
  try {
    for (const [who, userId] of [
      ['district head', 'tt-kg-pq'],
      ['national inspector', 'tra-vn'],
    ]) {
      const took: number[] = [];
      const parts: string[] = [];
      for (let run = 0; run < 3; run++) {
        const login = await fetch(`${server.url}/api/auth/demo-login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: userId }),
        });
        const { token } = (await login.json()) as { token: string };
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addInitScript(`sessionStorage.setItem('thads.token', ${JSON.stringify(token)})`);
        const page = await context.newPage();
        await page.goto(`${server.url}/ban-lam-viec`);
        await page.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 120_000 });
        // Since the navigation started, by the page's own clock; and when the scripts had run and the list answered.
        took.push(await page.evaluate<number>('performance.now()'));
        parts.push(
          await page.evaluate<string>(`(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const list = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/cases?')).pop();
          return 'scripts run ' + Math.round(nav.domContentLoadedEventEnd) + ' ms, list answered ' + Math.round(list ? list.responseEnd : -1) + ' ms (' + Math.round(list ? list.duration : -1) + ' ms)';
        })()`),
        );
        await context.close();
      }
      took.sort((a, b) => a - b);
      results.push({
        name: `desk: first render, ${who}`,
        value: Math.round(took[1]),
        unit: 'ms median',
        detail: `runs ${took.map(Math.round).join(', ')} ms (${parts.join('; ')}); cold cache, ${cases} cases in the read store, npm start's server, headless Chromium`,
      });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return results;
};

/** `thads bench-desk [--cases N]`: the desk's measures alone (also part of `npm run bench`). */
export const benchDeskCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'thads-bench-desk-'));
  try {
    const results = await deskBenchmarks(dir, intFlag(args, 'cases', 1_000_000));
    for (const r of results)
      ctx.out.write(`${r.name.padEnd(44)} ${String(r.value).padStart(10)} ${r.unit.padEnd(12)} ${r.detail}\n`);
    ctx.out.write(`${JSON.stringify({ results })}\n`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
