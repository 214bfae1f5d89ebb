import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportForm, StatisticsQueries, StatisticsReport, UnitHistoryQueries } from '@thads/projections';
import { parseArgs } from '../../apps/cli/src/args';
import { generateCommand } from '../../apps/cli/src/commands/generate';
import { importCommand } from '../../apps/cli/src/commands/import';
import { reorganiseCommand } from '../../apps/cli/src/commands/reorganise';
import { reportCommand } from '../../apps/cli/src/commands/report';
import { currentReadModels } from '../../apps/cli/src/read-models';
import { cliContext } from './cli-harness';

/**
 * Issue 26 end to end through the command line (docs/reorganisation.md §6): a national history of
 * the 63 provinces up to 30 June 2025 (`thads generate --national --today 2025-06-30`), imported,
 * then the 2025 merges of docs/data/provinces-2025.csv applied on 1 July 2025 (`thads reorganise`).
 * The tree is 63 provinces on 30 June and 34 on 1 July; the nation's report and form are unchanged;
 * a province that absorbed its neighbours covers them from 1 July, and its 2025 figures and its
 * 2026 comparison are the sum of what they reported.
 */
const CSV = join(__dirname, '..', '..', 'docs', 'data', 'provinces-2025.csv');
const NINE_MONTHS = { from: '2024-10-01', to: '2025-06-30' };
const YEAR_2025 = { from: '2024-10-01', to: '2025-09-30' };
const YEAR_2024 = { from: '2023-10-01', to: '2024-09-30' };
const NINE_MONTHS_2026 = { from: '2025-10-01', to: '2026-06-30' };

/** The CSV's groups: each successor with its predecessors (itself first, as every 2025 successor keeps its id). */
const groups = (): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(CSV, 'utf8').split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [predecessor, , successor] = line.split(',').map((c) => c.trim());
    out.set(successor, [...(out.get(successor) ?? []), predecessor]);
  }
  return out;
};

const figures = (r: Pick<StatisticsReport, 'cases' | 'money'>) => ({ cases: r.cases, money: r.money });
/** Σ of several reports' figures, key by key, rates left out (they are not sums). */
const sum = (parts: Array<Pick<StatisticsReport, 'cases' | 'money'>>) => ({
  cases: Object.fromEntries(
    Object.keys(parts[0].cases)
      .filter((k) => k !== 'rate')
      .map((k) => [k, parts.reduce((t, p) => t + Number(p.cases[k as keyof typeof p.cases]), 0)]),
  ),
  money: Object.fromEntries(
    Object.keys(parts[0].money)
      .filter((k) => k !== 'rate')
      .map((k) => [k, parts.reduce((t, p) => t + BigInt(p.money[k as keyof typeof p.money]), 0n).toString()]),
  ),
});
const withoutRate = (r: Pick<StatisticsReport, 'cases' | 'money'>) => sum([r]);

describe('thads generate --national, import, then the 2025 reorganisation from its CSV', () => {
  it('keeps the nation, counts 63 then 34 provinces, and sums the merged provinces', async () => {
    const cli = cliContext();
    try {
      const file = join(cli.dir, 'national.jsonl');
      const generate = ['generate', '--national', '--today', '2025-06-30', '--start', '2023-10-01'];
      expect(
        await generateCommand(parseArgs([...generate, '--cases', '400', '--seed', '26', '--out', file]), cli.ctx),
      ).toBe(0);
      expect(await importCommand(parseArgs(['import', file]), cli.ctx)).toBe(0);
      expect(JSON.parse(cli.out.text())).toMatchObject({ rejected: 0 });

      const report = async (unitId: string, p: { from: string; to: string }): Promise<StatisticsReport> => {
        const before = cli.out.text().length;
        expect(
          await reportCommand(
            parseArgs(['report', '--unit', unitId, '--from', p.from, '--to', p.to, '--json']),
            cli.ctx,
          ),
        ).toBe(0);
        return JSON.parse(cli.out.text().slice(before));
      };
      const form = async (p: { from: string; to: string }): Promise<ReportForm> => {
        const before = cli.out.text().length;
        const args = ['report', '--form', '01', '--unit', 'vn', '--from', p.from, '--to', p.to];
        expect(await reportCommand(parseArgs(args), cli.ctx)).toBe(0);
        return JSON.parse(cli.out.text().slice(before));
      };
      const nation = [YEAR_2024, NINE_MONTHS, YEAR_2025];
      // One after another: each command writes its answer to the same captured stdout.
      const nationBefore: StatisticsReport[] = [];
      for (const p of nation) nationBefore.push(await report('vn', p));
      const formBefore = [await form(NINE_MONTHS), await form(YEAR_2025)];
      expect(nationBefore[1].cases.total).toBeGreaterThan(100);

      // The merge whose provinces hold the most cases, so that the sums below say something.
      const read = await currentReadModels(cli.ctx);
      const provinces = new Map<string, StatisticsReport>();
      try {
        const queries = new StatisticsQueries(read);
        for (const predecessors of groups().values())
          for (const p of predecessors) provinces.set(p, await queries.report({ unitId: p, ...NINE_MONTHS }));
      } finally {
        await read.close();
      }
      const merges = [...groups()].filter(([, predecessors]) => predecessors.length > 1);
      const cases = (ps: string[]) => ps.reduce((t, p) => t + provinces.get(p)!.cases.total, 0);
      const [successor, predecessors] = merges.sort((a, b) => cases(b[1]) - cases(a[1]))[0];
      expect(predecessors.filter((p) => provinces.get(p)!.cases.total > 0).length).toBeGreaterThan(1);
      const successorBefore = await report(successor, NINE_MONTHS);

      const reorganise = ['reorganise', CSV, '--on', '2025-07-01'];
      expect(await reorganiseCommand(parseArgs(reorganise), cli.ctx)).toBe(0);
      expect(cli.err.text()).toMatch(/moved [1-9]\d* open cases in 23 reorganisations/);

      // The tree on either side of the change (what GET /api/units?asOf= answers).
      const after = await currentReadModels(cli.ctx);
      try {
        const units = new UnitHistoryQueries(after);
        const level = async (asOf: string) =>
          (await units.asOf(asOf)).filter((u) => u.level === 'province').map((u) => u.unitId);
        expect((await level('2025-06-30')).length).toBe(63);
        expect((await level('2025-07-01')).sort()).toEqual([...groups().keys()].sort());
        expect(groups().size).toBe(34);
      } finally {
        await after.close();
      }

      // The nation's report and form do not move: every transfer is within it.
      for (const [i, p] of nation.entries())
        expect([p, figures(await report('vn', p))]).toEqual([p, figures(nationBefore[i])]);
      expect(await form(NINE_MONTHS)).toEqual(formBefore[0]);
      const yearForm = await form(YEAR_2025);
      expect(yearForm.totals).toEqual(formBefore[1].totals);
      expect(yearForm.rows.filter((r) => r.depth === 0)).toHaveLength(1 + 34);

      // The successor kept its id: its 9 months are its own, as reported then; from 1 July it covers
      // the provinces it absorbed, so its year 2025 (nothing happened after 30 June but the
      // transfers, which cancel) and the comparison of its 2026 are the sum of their 9 months.
      expect(await report(successor, NINE_MONTHS)).toEqual(successorBefore);
      const nineMonths = sum(predecessors.map((p) => provinces.get(p)!));
      const year = await report(successor, YEAR_2025);
      expect(year.includes).toEqual(expect.arrayContaining(predecessors.filter((p) => p !== successor)));
      expect(withoutRate(year)).toEqual(nineMonths);
      expect(year.transferred?.in).toEqual(year.transferred?.out);
      const next = await report(successor, NINE_MONTHS_2026);
      expect(withoutRate(next.samePeriodLastYear!)).toEqual(nineMonths);
    } finally {
      await cli.close();
    }
  }, 600_000);
});
