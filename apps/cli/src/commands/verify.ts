import {
  AnchorFinding,
  AnchorKey,
  AnchorReport,
  BrokenLink,
  verifyStream,
  verifyWithAnchors,
} from '@thads/application';
import { Args, flag, intFlag, UsageError } from '../args';
import { CliContext } from '../context';
import { progressBar } from '../progress';
import { defaultWorkers, rangeRunner, RangeRunner } from '../verify-pool';

const REASONS: Record<BrokenLink['reason'], string> = {
  'hash-mismatch': 'nội dung hoặc siêu dữ liệu đã bị sửa',
  'prev-hash-mismatch': 'không nối với sự kiện trước (thứ tự bị đổi hoặc một sự kiện bị xóa rồi đánh số lại)',
  'revision-gap': 'thiếu sự kiện (đã bị xóa)',
};

const ANCHOR_KINDS: Record<AnchorFinding['kind'], string> = {
  truncated: 'thiếu sự kiện so với mốc neo (đã bị xóa)',
  forged: 'thừa sự kiện so với mốc neo (bị chèn thêm)',
  rewritten: 'nội dung hoặc vị trí sự kiện đã đổi so với mốc neo (kể cả khi chuỗi băm được tính lại)',
  'id-edited': 'mã sự kiện đã bị sửa',
  'stored-at-edited': 'thời điểm lưu đã bị sửa',
  'anchor-unreadable': 'dòng của tệp mốc neo không đọc được',
  'anchor-signature-invalid': 'chữ ký của mốc neo không hợp lệ (tệp mốc neo bị sửa)',
  'anchor-other-key': 'mốc neo ký bằng khóa khác',
  'anchor-chain-broken': 'chuỗi mốc neo bị đứt (một dòng bị xóa, đổi chỗ hoặc chèn)',
  'anchor-inconsistent': 'mốc neo có chữ ký nhưng không khớp với chính nó',
  'no-key': 'không có tệp khóa để kiểm tra chữ ký mốc neo',
};

const describeFinding = (f: AnchorFinding) =>
  `✗ anchor${f.anchor !== undefined ? ` ${f.anchor}` : ''}: ${f.kind} (${ANCHOR_KINDS[f.kind]}): ${f.detail}\n`;

const describeAnchors = (a: AnchorReport) =>
  a.anchors === 0
    ? 'anchors: none yet (thads anchor writes one; the API writes them as it runs)\n'
    : `anchors: ${a.checked}/${a.anchors} checked, key ${a.keyFingerprint ?? '?'}; latest ${a.latest ? `#${a.latest.seq} at position ${a.latest.position} (${a.latest.at})` : 'none'}; ` +
      `${a.window.events} event(s) after it, not yet anchored\n`;

const describe = (b: BrokenLink) =>
  `✗ ${b.streamId} revision ${b.revision}: ${b.reason} (${REASONS[b.reason]})${b.expected !== undefined ? `; expected ${b.expected}, found ${b.actual}` : ''}\n`;

/**
 * `thads verify --stream S | --all`: recomputes the hash chain (docs/architecture.md §4) and reports
 * the first broken link of each stream. Exit code 1 when anything is broken, so a scheduled
 * check can alert. `--all` reads the whole log in ranges of positions, checked by worker threads
 * (`--workers N`, default the cores up to 4) and stitched in order, with a progress bar; memory
 * holds one link per stream and the ranges in flight, never the log. In the same pass it checks
 * the log against every anchor of the anchor file (docs/integrity.md): truncation, rewriting,
 * forging, ids or storage times edited before an anchor, and the anchor file itself, each named.
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
  const workers = intFlag(args, 'workers', defaultWorkers());
  const key = AnchorKey.load(ctx.config.anchors.keyFile);
  if (key) ctx.err.write(`anchor key: ${key.fingerprint}\n`);
  let runner: RangeRunner | undefined;
  const bar = progressBar('verify', 'positions');
  bar.start(Number(head), 0);
  const started = process.hrtime.bigint();
  const report = await verifyWithAnchors(
    ctx.store,
    { anchorFile: ctx.config.anchors.file, keyFile: ctx.config.anchors.keyFile },
    {
      runner: (options) => {
        runner = rangeRunner(ctx.store, ctx.config.eventStore, workers, options);
        return { run: runner.run, concurrency: 2 * runner.concurrency };
      },
      onProgress: (_, position) => bar.update(Math.min(Number(position), Number(head))),
    },
  ).finally(() => runner?.close());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  bar.update(Number(head));
  bar.stop();
  for (const b of report.broken) ctx.err.write(describe(b));
  if (report.brokenStreams > report.broken.length)
    ctx.err.write(`… and ${report.brokenStreams - report.broken.length} more broken streams\n`);
  for (const f of report.anchors.findings) ctx.err.write(describeFinding(f));
  ctx.err.write(describeAnchors(report.anchors));
  ctx.out.write(
    `${JSON.stringify({ ...report, seconds, eventsPerSecond: Math.round(report.checked / Math.max(seconds, 1e-6)) })}\n`,
  );
  return report.valid ? 0 : 1;
};
