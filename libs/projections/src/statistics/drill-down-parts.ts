import { assertNever } from '@thads/domain';
import { ACTIVE_STOCKS, LedgerKey } from './ledger-keys';
import { CASE_KEYS, MONEY_KEYS } from './report-shape';

/** Which ledger rows make up one figure: stocks before `from`, stocks at `to`, or flows in the period. */
export interface Part {
  kind: 'stockBefore' | 'stockAt' | 'flow';
  keys: LedgerKey[];
}

export type DrillColumn = Exclude<(typeof MONEY_KEYS)[number], 'rate'>;
export const DRILL_COLUMNS = MONEY_KEYS.filter((k): k is DrillColumn => k !== 'rate');
export const CASE_DRILL_COLUMNS = CASE_KEYS.filter((k): k is Exclude<DrillColumn, 'reduced'> => k !== 'rate');

const stockAt = (...keys: LedgerKey[]): Part => ({ kind: 'stockAt', keys });
const flow = (...keys: LedgerKey[]): Part => ({ kind: 'flow', keys });

/** The same composition as compose-report.ts, as lists of cases instead of sums. */
export const partsOf = (column: DrillColumn, money: boolean): Part[] => {
  switch (column) {
    case 'carriedOver':
      return [{ kind: 'stockBefore', keys: [...ACTIVE_STOCKS] }];
    case 'newlyAccepted':
      return [flow('accepted', 'restored')];
    case 'total':
      return [...partsOf('carriedOver', money), ...partsOf('newlyAccepted', money)];
    case 'entrustedOut':
      return [flow('entrustedOut')];
    case 'revoked':
      return [flow('revoked')];
    case 'completed':
      return [money ? flow('collected', 'completed') : flow('completed')];
    case 'terminated':
      return [flow('terminated')];
    case 'reduced':
      return [flow('reduced')];
    case 'resolved':
      return [
        ...partsOf('completed', money),
        ...partsOf('terminated', money),
        ...(money ? partsOf('reduced', money) : []),
      ];
    case 'unclassified':
      return [stockAt('unclassified')];
    case 'inProgress':
      return [stockAt('inProgress', 'unclassified')];
    case 'postponed':
      return [stockAt('postponed')];
    case 'suspended':
      return [stockAt('suspended')];
    case 'withConditions':
      return ['resolved', 'inProgress', 'postponed', 'suspended'].flatMap((c) => partsOf(c as DrillColumn, money));
    case 'withoutConditions':
      return [stockAt('withoutConditions'), flow('toSeparateTracking', 'returned')];
    case 'toExecute':
      return [...partsOf('withConditions', money), ...partsOf('withoutConditions', money)];
    case 'carriedForward':
      return ['withoutConditions', 'inProgress', 'postponed', 'suspended'].flatMap((c) =>
        partsOf(c as DrillColumn, money),
      );
    case 'separateTracking':
      return [stockAt('separateTracking')];
    default:
      return assertNever(column);
  }
};
