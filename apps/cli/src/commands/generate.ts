import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { demoLines, localDateInVietnam } from '@thads/application';
import { Args, flag, intFlag } from '../args';
import { CliContext } from '../context';

/**
 * Case ids of generated lines start with this unless `--prefix` says otherwise: not the demo
 * data's `demo`, so that lines generated onto a store holding the demo data never name its cases.
 */
export const GENERATED_PREFIX = 'gen';

/**
 * `thads generate [--cases N] [--seed S] [--prefix P] [--no-units] [--start YYYY-MM-DD] [--seasonal]
 * [--watch-cases N] [--out FILE]`: demo-style import lines, deterministic. `--start` the first
 * receipt (years of history for the outlook's backtest), `--seasonal` the year-end push,
 * `--watch-cases` long-running cases of the watch lists.
 */
export const generateCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const file = flag(args, 'out');
  const out = file ? createWriteStream(file) : ctx.out;
  let lines = 0;
  for (const line of demoLines(localDateInVietnam(ctx.clock.now()), {
    cases: intFlag(args, 'cases', 400),
    seed: intFlag(args, 'seed', 20241001),
    prefix: flag(args, 'prefix') ?? GENERATED_PREFIX,
    units: args.flags['no-units'] === undefined,
    ...(flag(args, 'start') ? { start: flag(args, 'start') } : {}),
    seasonal: args.flags['seasonal'] !== undefined,
    watchCases: intFlag(args, 'watch-cases', 0),
  })) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    lines++;
  }
  if (file) await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(() => resolve()));
  ctx.err.write(`generated ${lines} lines\n`);
  return 0;
};
