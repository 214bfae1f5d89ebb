import { WatchRule } from './watch-rule';

/** How sure we are that the source asks for this list, and with these thresholds. */
export type SourceConfidence = 'high' | 'medium' | 'low';

export interface WatchList {
  id: string;
  /** The office's words. */
  label: string;
  rule: WatchRule;
  /** The report or instruction that asks for the list, and what of it is our reading. */
  source: { text: string; confidence: SourceConfidence; note?: string };
}

/**
 * The lists leadership follows case by case (issue 27), each a named rule over the case's state,
 * money, kinds, dates and step history (watch-rule.ts). Sources and the readings behind each
 * threshold are in docs/watchlists.md; a new list is a new entry here, not new code.
 */
export const WATCH_LISTS: ReadonlyArray<WatchList> = [
  {
    id: 'credit-over-20bn-3y',
    label: 'Việc tín dụng, ngân hàng trên 20 tỷ đồng có điều kiện thi hành chưa xong sau 3 năm',
    rule: {
      caseload: 'withConditions',
      creditorKinds: ['creditInstitution'],
      dueOver: '20000000000',
      withConditionsForYears: 3,
      money: 'remaining',
    },
    source: {
      text: 'Báo cáo công tác THADS hằng năm (Tổng cục THADS, Bộ Tư pháp): việc liên quan tổ chức tín dụng có giá trị lớn; Nghị quyết 42/2017/QH14 về thí điểm xử lý nợ xấu',
      confidence: 'low',
      note: '"Trên 20 tỷ" read as strictly over; three years counted from the first classification with conditions.',
    },
  },
  {
    id: 'conditions-over-1y',
    label: 'Việc có điều kiện thi hành tồn đọng từ 1 năm trở lên',
    rule: { caseload: 'withConditions', withConditionsForYears: 1, money: 'remaining' },
    source: {
      text: 'Chỉ tiêu, nhiệm vụ THADS hằng năm (Quyết định giao chỉ tiêu của Bộ Tư pháp): giải quyết dứt điểm việc có điều kiện tồn đọng kéo dài',
      confidence: 'medium',
      note: 'One year to the day from the first classification with conditions (Luật THADS Điều 44, 44a).',
    },
  },
  {
    id: 'corruption-economic-recovery',
    label: 'Thu hồi tiền, tài sản trong các vụ án hình sự về tham nhũng, kinh tế',
    rule: { caseload: 'active', judgmentKinds: ['criminalCorruption', 'criminalEconomic'], money: 'remaining' },
    source: {
      text: 'Chỉ thị 04-CT/TW ngày 02/6/2021 của Ban Bí thư về tăng cường thu hồi tài sản bị thất thoát, chiếm đoạt trong các vụ án hình sự về tham nhũng, kinh tế; báo cáo gửi Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực',
      confidence: 'high',
    },
  },
  {
    id: 'auction-unsold-repeatedly',
    label: 'Tài sản đã bán đấu giá nhiều lần không thành',
    rule: { caseload: 'active', unsoldAuctionsAtLeast: 2, money: 'remaining' },
    source: {
      text: 'Luật THADS Điều 104 (giảm giá tài sản sau mỗi lần bán đấu giá không thành); báo cáo công tác THADS về tài sản tồn đọng qua nhiều lần giảm giá',
      confidence: 'medium',
      note: '"Nhiều lần" read as two or more auctions without a sale since the last sale.',
    },
  },
  {
    id: 'sold-not-delivered',
    label: 'Tài sản đã bán đấu giá thành nhưng chưa giao cho người mua',
    rule: { caseload: 'activeOrCompleted', soldNotDelivered: true, money: 'soldPrice' },
    source: {
      text: 'Luật THADS Điều 106 (giao tài sản bán đấu giá cho người mua trong 30 ngày, bất động sản 60 ngày, kể từ ngày người mua nộp đủ tiền); NĐ 62/2015/NĐ-CP Điều 27.3',
      confidence: 'high',
      note: 'A completed case whose sold asset is still with the debtor stays on the list: delivery is still owed.',
    },
  },
];

export const watchListById = (id: string): WatchList | undefined => WATCH_LISTS.find((l) => l.id === id);
