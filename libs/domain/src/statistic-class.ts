import { CaseStateName } from './lifecycle/states';

/**
 * Where a case stands in the official statistics (docs/domain.md §4.4), from its lifecycle state.
 * A case accepted but not yet classified counts as with conditions (inside "in progress") and
 * is also shown as `unclassified`, so inspectors see the verification backlog.
 * Postponed and suspended cases stay inside "có điều kiện" (TT 06/2019 practice, docs/domain.md §4.4).
 */
export type StatisticClass =
  | 'notAccepted'
  | 'unclassified'
  | 'inProgress'
  | 'withoutConditions'
  | 'postponed'
  | 'suspended'
  | 'completed'
  | 'terminated'
  | 'entrustedOut'
  | 'revoked'
  | 'separateTracking'
  | 'returned';

export const STATISTIC_CLASS: Record<CaseStateName, StatisticClass> = {
  received: 'notAccepted',
  refused: 'notAccepted',
  decided: 'unclassified',
  verified: 'unclassified',
  'classified.withConditions': 'inProgress',
  seized: 'inProgress',
  auctioned: 'inProgress',
  'classified.withoutConditions': 'withoutConditions',
  postponed: 'postponed',
  suspended: 'suspended',
  completed: 'completed',
  terminated: 'terminated',
  entrusted: 'entrustedOut',
  revoked: 'revoked',
  separateTracking: 'separateTracking',
  // NĐ 152/2026 Điều 32.1.d closes the case; its report column is not known (docs/domain.md §9.6 rule 3).
  returned: 'returned',
};
