import { DeadlineItem, STATE_LABELS } from '@thads/domain';
import { formatDate } from '../history/vietnamese-format';

/** The deadline statuses in the inspectors' words. */
export const DEADLINE_STATUS_LABELS: Record<DeadlineItem['status'], string> = {
  open: 'đang chạy',
  overdue: 'quá hạn',
  met: 'đúng hạn',
  late: 'muộn',
  cancelled: 'hủy',
};

const vnDate = (d?: string) => (d ? formatDate(d) : '');

/** Why a deadline was closed without the act: the case's end (its final state and date) or the step that made it moot. */
export const cancelNote = (d: DeadlineItem): string => {
  if (d.status !== 'cancelled' || !d.cancelledBy) return '';
  const on = vnDate(d.cancelledBy.on);
  const missed = d.daysPastDueWhenCancelled ? `, đã quá hạn ${d.daysPastDueWhenCancelled} ngày khi hủy` : '';
  return d.caseEndedAs
    ? `việc kết thúc: ${STATE_LABELS[d.caseEndedAs]} ${on}${missed}`
    : `không còn cần thực hiện sau bước ${d.cancelledBy.step} ${on}${missed}`;
};
