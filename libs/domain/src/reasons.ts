// Reason codes accepted with the steps that need one (docs/architecture.md §5). Each list names
// the article whose grounds it encodes; `other` keeps room for grounds the list has not named.

/** Grounds for "chưa có điều kiện thi hành" — Luật THADS Điều 44a. */
export const WITHOUT_CONDITIONS_GROUNDS = ['noAssets', 'itemGone', 'addressUnknown'] as const;
/** Grounds for hoãn thi hành án — Luật THADS Điều 48. */
export const POSTPONE_REASONS = [
  'illness',
  'addressUnknown',
  'partiesAgree',
  'assetDisputed',
  'awaitingCourtExplanation',
  'other',
] as const;
/** Grounds for tạm đình chỉ — Luật THADS Điều 49. */
export const SUSPEND_REASONS = ['protest', 'bankruptcyPetition'] as const;
/** Grounds for đình chỉ thi hành án — Luật THADS Điều 50. */
export const TERMINATE_REASONS = [
  'debtorDiedNoEstate',
  'creditorDiedNoHeir',
  'creditorWaiver',
  'judgmentAnnulled',
  'organisationDissolved',
  'exemption',
  'bankruptcyOpened',
  'other',
] as const;
/** Grounds for từ chối yêu cầu thi hành án — Luật THADS Điều 31.5. */
export const REFUSE_REASONS = ['noRight', 'noJurisdiction', 'timeBarred', 'other'] as const;

export type WithoutConditionsGround = (typeof WITHOUT_CONDITIONS_GROUNDS)[number];
export type PostponeReason = (typeof POSTPONE_REASONS)[number];
export type SuspendReason = (typeof SUSPEND_REASONS)[number];
export type TerminateReason = (typeof TERMINATE_REASONS)[number];
export type RefuseReason = (typeof REFUSE_REASONS)[number];

export const ORIGINS = ['exOfficio', 'onRequest'] as const;
export type Origin = (typeof ORIGINS)[number];
export const CASE_CLASSES = ['withConditions', 'withoutConditions'] as const;
export type CaseClass = (typeof CASE_CLASSES)[number];
export const AUCTION_RESULTS = ['sold', 'unsold'] as const;
export type AuctionResult = (typeof AUCTION_RESULTS)[number];
/**
 * Whom a notice goes to: the parties (Luật THADS Điều 39), the procuracy of the same level (Điều 38),
 * or the public (online publication of a debtor without conditions: TT 04/2023/TT-BTP Điều 5,
 * NĐ 152/2026/NĐ-CP Điều 23). Absent means the parties.
 */
export const NOTICE_RECIPIENTS = ['parties', 'procuracy', 'public'] as const;
export type NoticeRecipient = (typeof NOTICE_RECIPIENTS)[number];
export const isNoticeToParties = (to: unknown): boolean => to === undefined || to === 'parties';
export const ASSET_KINDS = ['movable', 'immovable'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/**
 * Grounds that keep time out of the 5-year limitation of a request — Luật THADS Điều 30.2–30.3,
 * NĐ 62/2015/NĐ-CP Điều 4.3 (force majeure, objective obstacles), Điều 30.1 (an obligation with its
 * own due date, or periodic instalments, counts from the due date), and from 1 July 2026 the time
 * of a request sent back (Luật THADS 106/2025/QH15 Điều 34.2; NĐ 152/2026/NĐ-CP Điều 22.2).
 */
export const LIMITATION_GROUNDS = [
  'forceMajeure',
  'objectiveObstacle',
  'postponedOrSuspended',
  'obligationDueLater',
  'requestSentBack',
] as const;
export type LimitationGround = (typeof LIMITATION_GROUNDS)[number];

/**
 * Why the officer acted before the voluntary period ran out — Luật THADS Điều 45.2 (to stop the
 * debtor hiding, dissipating or destroying assets or otherwise evading) and Điều 36 (an interim
 * measure is enforced at once, with no voluntary period).
 */
export const IMMEDIATE_SEIZURE_GROUNDS = [
  'hidingAssets',
  'dissipatingAssets',
  'destroyingAssets',
  'evadingEnforcement',
  'interimMeasure',
] as const;
export type ImmediateSeizureGround = (typeof IMMEDIATE_SEIZURE_GROUNDS)[number];

/**
 * The receipts of the State budget a court may waive or reduce — Luật THADS Điều 61 ("khoản thu
 * nộp ngân sách nhà nước"), the ex officio items of Điều 36.2.a and c.
 */
export const STATE_BUDGET_ITEMS = ['fine', 'courtFee', 'illegalGains', 'confiscation', 'otherStateReceipt'] as const;
export type StateBudgetItem = (typeof STATE_BUDGET_ITEMS)[number];

/**
 * Waiver of the rest of a fine or court fee already partly paid, with no waiting time: lasting
 * hardship from disaster, fire, accident or illness, or a great merit — Luật THADS Điều 61.4.
 */
export const RELIEF_GROUNDS = ['hardship', 'greatMerit'] as const;
export type ReliefGround = (typeof RELIEF_GROUNDS)[number];
