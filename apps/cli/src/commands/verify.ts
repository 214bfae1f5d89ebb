import { BrokenLink, verifyInRanges, verifyStream } from '@thads/application';
import { Args, flag, intFlag, UsageError } from '../args';
import { CliContext } from '../context';
import { progressBar } from '../progress';
import { defaultWorkers, rangeRunner } from '../verify-pool';

const REASONS: Record<BrokenLink['reason'], string> = {
  'hash-mismatch': 'nội dung hoặc siêu dữ liệu đã bị sửa',
  'prev-hash-mismatch': 'không nối với sự kiện trước (thứ tự bị đổi hoặc một sự kiện bị xóa rồi đánh số lại)',
  'revision-gap': 'thiếu sự kiện (đã bị xóa)',
};

const describe = (b: BrokenLink) =>
  `✗ ${b.streamId} revision ${b.revision}: ${b.reason} (${REASONS[b.reason]})${b.expected !== undefined ? `; expected ${b.expected}, found ${b.actual}` : ''}\n`;

/**
 * `thads verify --stream S | --all`: recomputes the hash chain (ARCHITECTURE.md §4) and reports
 * the first broken link of each stream. Exit code 1 when anything is broken, so a scheduled
 * check can alert. `--all` reads the whole log in ranges of positions, checked by worker threads
 * (`--workers N`, default the cores up to 4) and stitched in order, with a progress bar; memory
 * holds one link per stream and the ranges in flight, never the log.
 */
export const verifyCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const stream = flag(args, 'stream');
  const all = args.flags.all === true;
  if (all === (stream !== undefined)) throw new UsageError('verify needs exactly one of --stream S or --all');
  if (stream !== undefined) {
    const report = await verifyStream(ctx.store, stream);
    if (report.checked === 0) {
      ctx.err.write(`stream ${stream} has no events\n`);
      return 2;
    }
    if (report.firstBroken) ctx.err.write(describe(report.firstBroken));
    ctx.out.write(`${JSON.stringify(report)}\n`);
    return report.valid ? 0 : 1;
  }
  const head = (await ctx.store.headPosition()) ?? 0n;
  const runner = rangeRunner(ctx.store, ctx.config.eventStore, intFlag(args, 'workers', defaultWorkers()));
  const bar = progressBar('verify', 'positions');
  bar.start(Number(head), 0);
  const started = process.hrtime.bigint();
  const report = await verifyInRanges(head, runner.run, { concurrency: 2 * runner.concurrency, onProgress: (_, position) => bar.update(Math.min(Number(position), Number(head))) })
    .finally(() => runner.close());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  bar.update(Number(head));
  bar.stop();
  for (const b of report.broken) ctx.err.write(describe(b));
  if (report.brokenStreams > report.broken.length) ctx.err.write(`… and ${report.brokenStreams - report.broken.length} more broken streams\n`);
  ctx.out.write(`${JSON.stringify({ ...report, seconds, eventsPerSecond: Math.round(report.checked / Math.max(seconds, 1e-6)) })}\n`);
  return report.valid ? 0 : 1;
};
