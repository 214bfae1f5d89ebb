import { CaseHistory, HistoryEntry } from './case-history';
import { describeEventData } from './describe-event';
import { formatDate, formatInstant, formatVndString, ROLE_LABELS } from './vietnamese-format';

/** One column of the printed or exported history: a Vietnamese heading and how to fill it. */
interface Column {
  heading: string;
  cell: (e: HistoryEntry) => string;
}

/** The auditor's columns, shared by the CSV export, the printable page and the terminal. */
export const HISTORY_COLUMNS: ReadonlyArray<Column> = [
  { heading: 'Số thứ tự', cell: (e) => String(e.revision) },
  { heading: 'Ngày', cell: (e) => formatDate(e.on) },
  { heading: 'Bước', cell: (e) => e.stepLabel },
  { heading: 'Nội dung', cell: (e) => describeEventData(e.data) },
  { heading: 'Trạng thái sau bước', cell: (e) => e.stateAfterLabel },
  { heading: 'Phải thi hành', cell: (e) => formatVndString(e.amountsAfter.due) },
  { heading: 'Đã thu', cell: (e) => formatVndString(e.amountsAfter.collected) },
  { heading: 'Đã chi trả', cell: (e) => formatVndString(e.amountsAfter.disbursed) },
  { heading: 'Đã miễn, giảm', cell: (e) => formatVndString(e.amountsAfter.reduced) },
  { heading: 'Còn phải thi hành', cell: (e) => formatVndString(e.amountsAfter.remaining) },
  { heading: 'Thời điểm ghi nhận', cell: (e) => formatInstant(e.recordedAt) },
  { heading: 'Ghi nhận muộn', cell: (e) => (e.lateRecorded ? `Có (${e.recordingDelayDays} ngày)` : 'Không') },
  {
    heading: 'Người ghi nhận',
    cell: (e) => `${e.actor.id} (${ROLE_LABELS[e.actor.role] ?? e.actor.role}, ${e.actor.unitId})`,
  },
  {
    heading: 'Hiệu lực',
    cell: (e) =>
      e.correctedBy ? `Đã bị đính chính (${e.correctedBy})` : e.applied ? 'Có hiệu lực' : 'Không được áp dụng',
  },
  { heading: 'Loại sự kiện', cell: (e) => e.type },
  { heading: 'Vị trí trong sổ', cell: (e) => String(e.position) },
  { heading: 'Mã sự kiện', cell: (e) => e.id },
];

/** The heading lines of a history: which case, at which date, as known when. */
export const historyTitle = (h: CaseHistory): string[] => [
  `Việc thi hành án ${h.caseId}`,
  ...(h.asOf ? [`Tính đến hết ngày ${formatDate(h.asOf)}`] : []),
  ...(h.asKnownAt ? [`Theo dữ liệu đã ghi nhận đến ${formatInstant(h.asKnownAt)}`] : []),
];
