import {
  AnchorKey,
  anchorLine,
  eventsAfterAnchor,
  lastSigned,
  summaryOf,
  CaseHistory,
  formatDate,
  formatInstant,
  formatVndString,
  HistoryEntry,
  historyTitle,
  parseHistoryQuery,
  readCaseHistory,
  describeEventData,
  localDateInVietnam,
} from '@thads/application';
import { CaseNotFound } from '@thads/domain';
import { Args, flag, UsageError } from '../args';
import { CliContext } from '../context';

// Terminal columns: wide enough for the longest state label, cut with an ellipsis beyond.
const fit = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

const header = (h: CaseHistory): string[] => {
  const lines = historyTitle(h);
  if (h.case) {
    const c = h.case;
    lines.push(
      `Đơn vị ${c.unitId} · tiếp nhận ${formatDate(c.receivedOn)} · ${describeEventData({ judgment: c.judgment })}`,
    );
    lines.push(`Người được thi hành: ${c.creditor.name} · Người phải thi hành: ${c.debtor.name}`);
  }
  const a = h.amounts;
  lines.push(
    `Trạng thái: ${h.stateLabel}${h.state ? ` (${h.state})` : ''}${a ? ` · phải thi hành ${formatVndString(a.due)} · đã thu ${formatVndString(a.collected)} · còn ${formatVndString(a.remaining)}` : ''}`,
  );
  return lines;
};

const row = (e: HistoryEntry): string[] => {
  const mark = e.lateRecorded ? '⚠' : e.correctedBy ? '✗' : ' ';
  const line = `${mark}${String(e.revision).padStart(4)}  ${formatDate(e.on)}  ${fit(e.stepLabel, 40)} → ${fit(e.stateAfterLabel, 30)}  ${formatInstant(e.recordedAt)}  ${e.actor.id}`;
  const detail = describeEventData(e.data);
  return detail ? [line, `       ${detail}`] : [line];
};

/** `thads case <id> [--as-of D] [--as-known-at T]`: a case's timeline for an auditor at a terminal. */
export const caseCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const [caseId] = args.positional;
  if (!caseId) throw new UsageError('case needs a case id: thads case <id> [--as-of YYYY-MM-DD] [--as-known-at ISO]');
  const { query, errors } = parseHistoryQuery({ asOf: flag(args, 'as-of'), asKnownAt: flag(args, 'as-known-at') });
  if (errors.length) throw new UsageError(errors.join('; '));
  const { history, verify } = await readCaseHistory(ctx.store, caseId, query, {
    today: localDateInVietnam(ctx.clock.now()),
  }).catch((error) => {
    throw error instanceof CaseNotFound ? new UsageError(`case ${caseId} not found`) : error;
  });
  const integrity = verify();
  const lines = [...header(history), '', ...history.events.flatMap(row), ''];
  if (history.events.some((e) => e.lateRecorded))
    lines.push(`⚠ ghi nhận muộn hơn ${history.lateRecordingDays} ngày sau ngày của bước`);
  if (history.events.some((e) => e.correctedBy)) lines.push('✗ bước đã bị đính chính (vẫn được lưu trong sổ)');
  lines.push(
    integrity.valid
      ? `Chuỗi băm: toàn vẹn (${integrity.checked} sự kiện)`
      : `Chuỗi băm: BỊ THAY ĐỔI tại revision ${integrity.firstBroken?.revision} (${integrity.firstBroken?.reason})`,
  );
  // The log's latest anchor, as every exported history prints it (docs/integrity.md).
  const key = AnchorKey.load(ctx.config.anchors.keyFile);
  const anchor = key ? lastSigned(ctx.config.anchors.file, key) : undefined;
  if (anchor)
    lines.push(
      `Mốc neo nhật ký: ${anchorLine(summaryOf(anchor), eventsAfterAnchor(history.events, summaryOf(anchor)))}`,
    );
  ctx.out.write(`${lines.join('\n')}\n`);
  return integrity.valid ? 0 : 1;
};
