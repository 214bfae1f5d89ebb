/**
 * How the ledger and the report place cases where the law or the forms leave room (docs/domain.md
 * marks these [unsure] or [likely]). Each is named, sourced, and served by
 * GET /api/statistics/policies, so an inspector can see what a number means. A policy that
 * shapes the stored moves needs a rebuild when it changes (bump statisticsProjection.version);
 * the others apply when the report is composed.
 */
export interface StatisticsPolicy {
  id: string;
  rule: string;
  source: string;
  confidence: 'sure' | 'likely' | 'unsure';
}

export const POLICIES = {
  acceptedIsDecided: {
    id: 'acceptedIsDecided',
    rule: 'A case is accepted (thụ lý) by its enforcement decision (step `decide`), not when the judgment or request is received; one decision is one case (việc). A received or refused request is not counted.',
    source: 'Luật THADS Điều 36; TT 08/2015 guide "mỗi QĐ THA là một việc" (docs/domain.md §4.3)',
    confidence: 'sure',
  },
  unclassifiedInProgress: {
    id: 'unclassifiedInProgress',
    rule: 'An accepted case not yet classified (decided or verified) counts as with conditions, inside inProgress, and is also shown as `unclassified` (the verification backlog).',
    source: 'Issue 3; no form text found (docs/domain.md §9.6 rule 6)',
    confidence: 'unsure',
  },
  pausedWithConditions: {
    id: 'pausedWithConditions',
    rule: 'Postponed (hoãn, any ground) and suspended (tạm đình chỉ) cases stay inside withConditions, in their own columns, whatever class they had before the pause.',
    source:
      'TT 06/2019 practice for Điều 48.1.c (hanoimoi.vn); forms of TT 01/2013–08/2015 (docs/domain.md §4.4, §9.6 rule 4); not confirmed for other grounds nor after TT 05/2024',
    confidence: 'unsure',
  },
  separateTrackingNotCarriedOver: {
    id: 'separateTrackingNotCarriedOver',
    rule: 'Cases in the separate-tracking register (sổ theo dõi riêng) before `from` are not carried over; `separateTracking` gives the register at `to`.',
    source:
      'thads.moj.gov.vn ItemID=1355 "số cũ chuyển sang (trừ số đã chuyển sổ theo dõi riêng)"; NĐ 62/2015 Điều 9.5–9.6 (docs/domain.md §4.4)',
    confidence: 'sure',
  },
  separateTrackingMoveWithoutConditions: {
    id: 'separateTrackingMoveWithoutConditions',
    rule: 'A case moved to separate tracking during the period stays in that period’s withoutConditions (it was a case without conditions of this period) and in carriedForward; it is not carried over into the next period.',
    source:
      'docs/domain.md §4.4 ("chưa có điều kiện đã chuyển sổ theo dõi riêng" kept out of the active columns) — placement within the period inferred',
    confidence: 'likely',
  },
  separateTrackingOutsideCaseload: {
    id: 'separateTrackingOutsideCaseload',
    rule: 'Steps on a case while it is in the separate-tracking register (terminate, revoke, miễn/giảm) change only the register, not the period’s columns: the register is outside the caseload.',
    source: 'NĐ 62/2015 Điều 9.5; docs/domain.md §4.4 (register kept out of the active columns)',
    confidence: 'unsure',
  },
  restoredAsNewlyAccepted: {
    id: 'restoredAsNewlyAccepted',
    rule: 'A case brought back from separate tracking (new information, step `restore`) enters the caseload again as newlyAccepted on that date; the drill-down lists it with that date.',
    source: 'NĐ 62/2015 Điều 9.6 (resumes enforcement); the report identities need it in total; no form text found',
    confidence: 'unsure',
  },
  returnedWithoutConditions: {
    id: 'returnedWithoutConditions',
    rule: 'A request sent back under the 2026 regime (gửi lại yêu cầu, step `returnRequest`) closes the case in withoutConditions for its period, not as completed or terminated, and is not carried over.',
    source:
      'NĐ 152/2026 Điều 22.2, 32.1.d; docs/domain.md §9.6 rule 3 ("do not count them as thi hành xong until the 2026 forms are seen")',
    confidence: 'unsure',
  },
  exitMoney: {
    id: 'exitMoney',
    rule: 'Money: newlyAccepted is the amount due of the cases accepted in the period; completed is the money collected in the period; reduced the miễn/giảm in the period; terminated, entrustedOut and revoked the amount still due when the case left; inProgress, postponed, suspended, withoutConditions and carriedOver what is still due on those cases.',
    source:
      'Issue 3; gso.gov.vn "Kết quả thi hành án dân sự" (money done = money collected; reduced counts as resolved)',
    confidence: 'likely',
  },
  rateRounding: {
    id: 'rateRounding',
    rule: '`rate` is a decimal string in percent with exactly 2 decimals, rounded half-up from the exact fraction resolved / withConditions ("47.30"); "0.00" when there is no case with conditions. Target gaps are the rate minus the target in percentage points, signed ("11.54", "-33.20").',
    source: 'docs/architecture.md §6; docs/domain.md §4.5 ("vượt/thiếu x%" = rate − target)',
    confidence: 'sure',
  },
} as const satisfies Record<string, StatisticsPolicy>;

export const POLICY_LIST: ReadonlyArray<StatisticsPolicy> = Object.values(POLICIES);
