import { BUYER_PAYMENT_BASIS } from './buyer-payment';
import { LIMITATION_RULES } from './limitation-rule';
import { REDUCTION_RULES } from './reduction-rule';
import { RETURN_REQUEST_RULE, SEPARATE_TRACKING_RULES } from './separate-tracking';
import { VOLUNTARY_PERIOD_RULES } from './voluntary-period';

/** The guards named in `setup({ guards })` of machine.ts; a test keeps the two lists equal. */
export type GuardName =
  | 'onRequest'
  | 'settled'
  | 'collectAllowed'
  | 'withinCollected'
  | 'sold'
  | 'classWith'
  | 'classWithout'
  | 'separateTrackingAllowed'
  | 'returnAllowed'
  | 'withinLimitation'
  | 'entrustElsewhere'
  | 'transferElsewhere'
  | 'reductionAllowed'
  | 'voluntaryPeriodOver'
  | 'buyerPaidInFull'
  | 'unsoldAndClassWithout';

export interface GuardBasis {
  /** What the guard asks, in the office's words. */
  meaning: string;
  legalBasis: string;
}

// The regime-dependent rules carry their own basis: list each regime's once, oldest first.
const basesOf = (rules: Record<string, { legalBasis: string }>) =>
  [...new Set(Object.values(rules).map((r) => r.legalBasis))].join('; ');
const separateTrackingBasis = basesOf(SEPARATE_TRACKING_RULES);

/**
 * Why each guard exists: the law a lifecycle diagram cites beside the arrow it guards
 * (docs/domain.md §2, docs/architecture.md §5). Refusals cite the same articles (refusals.ts).
 */
export const GUARD_BASIS: Record<GuardName, GuardBasis> = {
  onRequest: { meaning: 'chỉ áp dụng cho việc thi hành theo yêu cầu', legalBasis: 'Luật THADS Điều 31.5' },
  settled: { meaning: 'đã thu đủ hoặc được miễn, giảm đủ số phải thi hành', legalBasis: 'Luật THADS Điều 52' },
  collectAllowed: {
    meaning:
      'số tiền dương, không vượt quá số còn phải thi hành; "người mua đã nộp đủ" chỉ khi có cuộc bán đấu giá thành chưa nộp đủ tiền',
    legalBasis: `Luật THADS Điều 47, 61; ${BUYER_PAYMENT_BASIS}`,
  },
  withinCollected: { meaning: 'số chi trả không vượt quá số đã thu chưa chi', legalBasis: 'Luật THADS Điều 47' },
  sold: { meaning: 'cuộc bán đấu giá thành', legalBasis: 'Luật THADS Điều 101, 104' },
  classWith: { meaning: 'xác định có điều kiện thi hành', legalBasis: 'Luật THADS Điều 44, 44a' },
  classWithout: {
    meaning: 'xác định chưa có điều kiện thi hành',
    legalBasis: 'Luật THADS Điều 44a; NĐ 62/2015/NĐ-CP Điều 9',
  },
  separateTrackingAllowed: {
    meaning: 'đủ thời gian và số lần xác minh theo chế độ pháp lý đang có hiệu lực',
    legalBasis: separateTrackingBasis,
  },
  returnAllowed: {
    meaning: 'việc theo yêu cầu, đủ 2 năm chưa có điều kiện, từ 01/07/2026',
    legalBasis: RETURN_REQUEST_RULE.legalBasis,
  },
  withinLimitation: {
    meaning: 'yêu cầu trong thời hiệu 5 năm, hoặc có căn cứ không tính vào thời hiệu',
    legalBasis: basesOf(LIMITATION_RULES),
  },
  entrustElsewhere: {
    meaning:
      'ủy thác cho cơ quan thi hành án khác (cấp tỉnh hoặc khu vực) đã đăng ký và đang tồn tại vào ngày ủy thác, không cho chính đơn vị mình',
    legalBasis: 'Luật THADS Điều 55, 56, 57 (sửa đổi bởi Luật 03/2022/QH15)',
  },
  transferElsewhere: {
    meaning:
      'chuyển giao hồ sơ cho cơ quan thi hành án khác đang tồn tại vào ngày chuyển giao (khi sắp xếp, hợp nhất, chia tách đơn vị), không cho chính đơn vị mình',
    legalBasis:
      'Luật THADS Điều 35 (thẩm quyền thi hành án); NQ 190/2025/QH15, NQ 202/2025/QH15; CV 3769/BTP-TCTHADS ngày 25/06/2025 (cơ quan mới tiếp nhận, tiếp tục thi hành các việc đang thi hành)',
  },
  reductionAllowed: {
    meaning:
      'quyết định của Tòa án miễn, giảm khoản thu nộp ngân sách nhà nước, đủ thời hạn theo số tiền, một lần mỗi năm',
    legalBasis: `${basesOf(REDUCTION_RULES)}; Luật THADS Điều 63, 64`,
  },
  voluntaryPeriodOver: {
    meaning: 'hết thời hạn tự nguyện, hoặc có căn cứ áp dụng ngay',
    legalBasis: basesOf(VOLUNTARY_PERIOD_RULES),
  },
  buyerPaidInFull: {
    meaning: 'người mua trúng đấu giá đã nộp đủ tiền',
    legalBasis: 'NĐ 62/2015/NĐ-CP Điều 27.3 (sửa đổi bởi NĐ 33/2020/NĐ-CP); NĐ 152/2026/NĐ-CP Điều 67.1',
  },
  unsoldAndClassWithout: {
    meaning: 'bán đấu giá không thành, không còn tài sản khác: xác định chưa có điều kiện thi hành',
    legalBasis: 'Luật THADS Điều 44a, 104',
  },
};
