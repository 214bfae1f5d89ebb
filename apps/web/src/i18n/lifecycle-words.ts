/**
 * The lifecycle's state names and the statistics classes, in the order an office reads them
 * (libs/domain/src/lifecycle/states.ts, statistic-class.ts); their words are `state.<name>` and
 * `class.<name>` in the dictionaries.
 */
export const STATE_NAMES = [
  'received',
  'decided',
  'verified',
  'classified.withConditions',
  'classified.withoutConditions',
  'seized',
  'auctioned',
  'postponed',
  'suspended',
  'separateTracking',
  'entrusted',
  'completed',
  'terminated',
  'revoked',
  'refused',
  'returned',
] as const;

export const STATISTIC_CLASSES = [
  'notAccepted',
  'unclassified',
  'inProgress',
  'withoutConditions',
  'postponed',
  'suspended',
  'completed',
  'terminated',
  'entrustedOut',
  'revoked',
  'separateTracking',
  'returned',
] as const;
