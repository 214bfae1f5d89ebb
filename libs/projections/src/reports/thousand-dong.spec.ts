import { Column } from '../statistics/compose-report';
import { addRows, apportion, roundThousands, toThousands } from './thousand-dong';

describe('nghìn đồng', () => {
  it('rounds half up, negatives too', () => {
    expect([499n, 500n, 1_499n, 1_500n, -500n, -501n].map(roundThousands)).toEqual([0n, 1n, 1n, 2n, 0n, -1n]);
  });

  it('apportions by largest remainder to the target, ties to the earlier part', () => {
    // 1.4 + 1.4 + 1.2 = 4.0: floors 1+1+1, one more to the first of the largest remainders.
    expect(apportion([1_400n, 1_400n, 1_200n], 4n)).toEqual([2n, 1n, 1n]);
    expect(apportion([1_400n, 1_400n, 1_200n], 3n)).toEqual([1n, 1n, 1n]);
    expect(apportion([999n, 1n, 0n], 1n)).toEqual([1n, 0n, 0n]);
    expect(apportion([2_100n, 900n], 2n)).toEqual([2n, 0n]);
  });

  it('keeps the identities on a row whose parts each round up', () => {
    const exact = addRows([
      {
        carriedOver: 1_500n,
        newlyAccepted: 1_500n,
        total: 3_000n,
        entrustedOut: 0n,
        revoked: 0n,
        toExecute: 3_000n,
        withConditions: 1_500n,
        withoutConditions: 1_500n,
        completed: 500n,
        terminated: 500n,
        reduced: 500n,
        resolved: 1_500n,
        inProgress: 0n,
        postponed: 0n,
        suspended: 0n,
        rate: 0n,
        carriedForward: 1_500n,
        separateTracking: 0n,
        unclassified: 0n,
      } as Column,
    ]);
    const t = toThousands(exact);
    // Each of completed/terminated/reduced alone would round to 1 (3 in all); the row's 4 thousand leave room for 2.
    expect(t.carriedOver + t.newlyAccepted).toBe(4n);
    expect(t.toExecute).toBe(t.withConditions + t.withoutConditions);
    expect(t.resolved).toBe(t.completed + t.terminated + t.reduced);
    expect(t.rate).toBe(10_000n);
  });
});
