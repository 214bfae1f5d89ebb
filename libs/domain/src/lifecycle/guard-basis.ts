import { RETURN_REQUEST_RULE, SEPARATE_TRACKING_RULES } from './separate-tracking';

/** The guards named in `setup({ guards })` of machine.ts; a test keeps the two lists equal. */
export type GuardName =
  | 'onRequest' | 'settled' | 'withinRemaining' | 'withinCollected' | 'sold'
  | 'classWith' | 'classWithout' | 'separateTrackingAllowed' | 'returnAllowed';

export interface GuardBasis {
  /** What the guard asks, in the office's words. */
  meaning: string;
  legalBasis: string;
}

// The regime-dependent rules carry their own basis: list each regime's once, oldest first.
const separateTrackingBasis = [...new Set(Object.values(SEPARATE_TRACKING_RULES).map((r) => r.legalBasis))].join('; ');

/**
 * Why each guard exists: the law a lifecycle diagram cites beside the arrow it guards
 * (DOMAIN.md §2, ARCHITECTURE.md §5). Refusals cite the same articles (refusals.ts).
 */
export const GUARD_BASIS: Record<GuardName, GuardBasis> = {
  onRequest: { meaning: 'chỉ áp dụng cho việc thi hành theo yêu cầu', legalBasis: 'Luật THADS Điều 31.5' },
  settled: { meaning: 'đã thu đủ hoặc được miễn, giảm đủ số phải thi hành', legalBasis: 'Luật THADS Điều 52' },
  withinRemaining: { meaning: 'số tiền dương, không vượt quá số còn phải thi hành', legalBasis: 'Luật THADS Điều 47, 61' },
  withinCollected: { meaning: 'số chi trả không vượt quá số đã thu chưa chi', legalBasis: 'Luật THADS Điều 47' },
  sold: { meaning: 'cuộc bán đấu giá thành', legalBasis: 'Luật THADS Điều 101, 104' },
  classWith: { meaning: 'xác định có điều kiện thi hành', legalBasis: 'Luật THADS Điều 44, 44a' },
  classWithout: { meaning: 'xác định chưa có điều kiện thi hành', legalBasis: 'Luật THADS Điều 44a; NĐ 62/2015/NĐ-CP Điều 9' },
  separateTrackingAllowed: { meaning: 'đủ thời gian và số lần xác minh theo chế độ pháp lý đang có hiệu lực', legalBasis: separateTrackingBasis },
  returnAllowed: { meaning: 'việc theo yêu cầu, đủ 2 năm chưa có điều kiện, từ 01/07/2026', legalBasis: RETURN_REQUEST_RULE.legalBasis },
};
