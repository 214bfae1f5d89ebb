// Reason codes accepted with the steps that need one (ARCHITECTURE.md §5). Each list names
// the article whose grounds it encodes; `other` keeps room for grounds the list has not named.

/** Grounds for "chưa có điều kiện thi hành" — Luật THADS Điều 44a. */
export const WITHOUT_CONDITIONS_GROUNDS = ['noAssets', 'itemGone', 'addressUnknown'] as const;
/** Grounds for hoãn thi hành án — Luật THADS Điều 48. */
export const POSTPONE_REASONS = ['illness', 'addressUnknown', 'partiesAgree', 'assetDisputed', 'awaitingCourtExplanation', 'other'] as const;
/** Grounds for tạm đình chỉ — Luật THADS Điều 49. */
export const SUSPEND_REASONS = ['protest', 'bankruptcyPetition'] as const;
/** Grounds for đình chỉ thi hành án — Luật THADS Điều 50. */
export const TERMINATE_REASONS = [
  'debtorDiedNoEstate', 'creditorDiedNoHeir', 'creditorWaiver', 'judgmentAnnulled',
  'organisationDissolved', 'exemption', 'bankruptcyOpened', 'other',
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
export const ASSET_KINDS = ['movable', 'immovable'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
