import { DeadlineStepName, PauseStep } from './deadline-rule';

// The instruments the rules cite, by regime (docs/domain.md §0). Article numbers of Luật 106/2025/QH15
// come from NĐ 152/2026's cross-references; its numbers of days were not read (docs/domain.md §9.0), so
// 2026 rules that depend on them keep the 2015 value and say so.

export const LAW_2008 = 'Luật Thi hành án dân sự số 26/2008/QH12';
export const LAW_2014 = 'Luật Thi hành án dân sự 2008, sửa đổi, bổ sung bởi Luật số 64/2014/QH13';
export const LAW_2022 = 'Luật Thi hành án dân sự 2008, sửa đổi, bổ sung bởi Luật số 03/2022/QH15';
export const LAW_2025 = 'Luật Thi hành án dân sự số 106/2025/QH15';
export const DECREE_62 = 'Nghị định 62/2015/NĐ-CP';
export const DECREE_62_2020 = 'Nghị định 62/2015/NĐ-CP, sửa đổi bởi Nghị định 33/2020/NĐ-CP';
export const DECREE_62_2024 = 'Nghị định 62/2015/NĐ-CP, sửa đổi bởi Nghị định 152/2024/NĐ-CP';
export const DECREE_152_2026 = 'Nghị định 152/2026/NĐ-CP';

/** Appended to a 2026 article whose length was not read: the 2015 value stands until checked. */
export const LENGTH_UNCONFIRMED_2026 = 'thời hạn chưa đối chiếu với văn bản Luật; tạm áp dụng thời hạn của Luật 2008';

// Steps after which a case's deadlines no longer run (docs/architecture.md §5 final states).
export const CASE_ENDS: ReadonlyArray<DeadlineStepName> = [
  'terminate',
  'complete',
  'entrust',
  'revoke',
  'returnRequest',
];
// Money and sold assets must still be handed over after the case is marked completed.
export const CASE_ENDS_BUT_COMPLETION: ReadonlyArray<DeadlineStepName> = [
  'terminate',
  'entrust',
  'revoke',
  'returnRequest',
];
export const PAUSES: ReadonlyArray<PauseStep> = ['postpone', 'suspend'];
