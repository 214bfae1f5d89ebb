import type { MessageKey } from '../../i18n/vi';

/**
 * The columns of the offices' two tables (về việc, về tiền), grouped as the forms group them:
 * thụ lý, taken out (ủy thác, thu hồi), phải thi hành, the results among cases with conditions,
 * then the rate and what passes to the next period. Keys are the report's (docs/architecture.md §6).
 */
export interface ColumnGroup {
  title?: MessageKey;
  keys: string[];
}

export const columnGroups = (money: boolean): ColumnGroup[] => [
  { title: 'stats.group.accepted', keys: ['carriedOver', 'newlyAccepted', 'total'] },
  { title: 'stats.group.lessened', keys: ['entrustedOut', 'revoked'] },
  { title: 'stats.group.toExecute', keys: ['toExecute', 'withConditions', 'withoutConditions'] },
  {
    title: 'stats.group.results',
    keys: [
      'completed',
      'terminated',
      ...(money ? ['reduced'] : []),
      'resolved',
      'inProgress',
      'postponed',
      'suspended',
      'unclassified',
    ],
  },
  { keys: ['rate', 'carriedForward', 'separateTracking'] },
];

export const keyLabel = (key: string): MessageKey => `stats.key.${key}` as MessageKey;

/** A rate as Vietnamese writes it: "47,30". */
export const formatRate = (rate: string | number | undefined): string =>
  rate === undefined ? '' : String(rate).replace('.', ',');
