import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { demoLines, localDateInVietnam, nationalUnitSet } from '@thads/application';
import { Args, flag, intFlag, UsageError } from '../args';
import { CliContext } from '../context';

/**
 * Case ids of generated lines start with this unless `--prefix` says otherwise: not the demo
 * data's `demo`, so that lines generated onto a store holding the demo data never name its cases.
 */
export const GENERATED_PREFIX = 'gen';

/**
 * `thads generate [--cases N] [--seed S] [--prefix P] [--no-units] [--start YYYY-MM-DD] [--seasonal]
 * [--watch-cases N] [--national] [--today YYYY-MM-DD] [--out FILE]`: demo-style import lines,
 * deterministic. `--start` the first receipt (years of history for the outlook's backtest),
 * `--seasonal` the year-end push, `--watch-cases` long-running cases of the watch lists,
 * `--national` the 63 provinces before 1 July 2025 with ten district offices each instead of the
 * demo's two, `--today` the last business date (a history that ends before a reorganisation).
 */
export const generateCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const file = flag(args, 'out');
  const out = file ? createWriteStream(file) : ctx.out;
  let lines = 0;
  const today = flag(args, 'today') ?? localDateInVietnam(ctx.clock.now());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today needs YYYY-MM-DD, not ${today}`);
  for (const line of demoLines(today, {
    cases: intFlag(args, 'cases', 400),
    seed: intFlag(args, 'seed', 20241001),
    prefix: flag(args, 'prefix') ?? GENERATED_PREFIX,
    units: args.flags['no-units'] === undefined,
    ...(flag(args, 'start') ? { start: flag(args, 'start') } : {}),
    seasonal: args.flags['seasonal'] !== undefined,
    watchCases: intFlag(args, 'watch-cases', 0),
    ...(args.flags['national'] !== undefined && { unitSet: nationalUnitSet(provincesBefore2025()) }),
  })) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    lines++;
  }
  if (file) await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(() => resolve()));
  ctx.err.write(`generated ${lines} lines\n`);
  return 0;
};

/** docs/data/provinces-2025.csv, found above this file (in the sources or in dist/). */
export const provinces2025Csv = (): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'docs', 'data', 'provinces-2025.csv')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'docs', 'data', 'provinces-2025.csv');
};

/** The 63 provinces of docs/data/provinces-2025.csv (its predecessor columns). */
export const provincesBefore2025 = (): Array<{ unitId: string; name: string }> =>
  readFileSync(provinces2025Csv(), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [unitId, name] = line.split(',').map((c) => c.trim());
      return { unitId, name };
    });
