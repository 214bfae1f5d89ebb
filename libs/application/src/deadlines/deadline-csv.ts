import { DeadlineItem } from '@thads/domain';
import { csvCell } from '../history/history-csv';
import { formatDate } from '../history/vietnamese-format';
import { cancelNote, DEADLINE_STATUS_LABELS } from './deadline-labels';

export type DeadlineCsvRow = DeadlineItem & { caseId: string; unitId: string; enforcerId: string | null };

const vnDate = (d?: string) => (d ? formatDate(d) : '');

const COLUMNS: ReadonlyArray<[string, (d: DeadlineCsvRow) => string]> = [
  ['Việc', (d) => d.caseId],
  ['Đơn vị', (d) => d.unitId],
  ['Chấp hành viên', (d) => d.enforcerId ?? ''],
  ['Quy định', (d) => d.rule],
  ['Nội dung', (d) => d.title],
  // The article is what an inspector cites in the record (kết luận kiểm sát): always on the row.
  ['Căn cứ', (d) => `${d.legalBasis.law} ${d.legalBasis.article}`],
  ['Phát sinh', (d) => `${d.trigger.step} ${vnDate(d.trigger.on)}`],
  ['Hạn', (d) => vnDate(d.due)],
  ['Thực hiện', (d) => vnDate(d.satisfiedOn)],
  ['Tình trạng', (d) => DEADLINE_STATUS_LABELS[d.status] ?? d.status],
  ['Số ngày trễ', (d) => String(d.daysLate ?? d.daysOverdue ?? '')],
  ['Lý do hủy', cancelNote],
];

/**
 * The inspection board as CSV (RFC 4180: CRLF, quoted fields; cells that a spreadsheet would run
 * as a formula kept as text) with Vietnamese headings, dates dd/mm/yyyy. The leading BOM makes
 * Excel read UTF-8, so the diacritics survive a double-click.
 */
export const deadlineCsv = (rows: ReadonlyArray<DeadlineCsvRow>): string =>
  `\uFEFF${[COLUMNS.map(([heading]) => heading), ...rows.map((d) => COLUMNS.map(([, cell]) => cell(d)))].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
