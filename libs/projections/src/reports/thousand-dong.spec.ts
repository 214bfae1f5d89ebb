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

  it('moves only residue: a target the parts cannot reach within one nghìn each is refused', () => {
    // Floors 1+0, remainders 100 and 900: at most one more nghìn can be placed, and never a whole one below.
    expect(apportion([1_100n, 900n], 4n)).toBeUndefined();
    expect(apportion([1_100n, 900n], 0n)).toBeUndefined();
    // A part with no remainder is exact and takes nothing.
    expect(apportion([1_000n, 0n], 2n)).toBeUndefined();
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

  it('rounds each cell on its own when the parts do not add up to the whole (a transfer crosses the row)', () => {
    // The merged unit's quarter after 1 July 2025: 69,118,620,000 đ carried over, all of it
    // transferred out to the successor, so nothing to execute and no result.
    const exact: Column = {
      carriedOver: 69_118_620_000n,
      newlyAccepted: 0n,
      total: 0n,
      entrustedOut: 0n,
      revoked: 0n,
      toExecute: 0n,
      withConditions: 0n,
      withoutConditions: 0n,
      completed: 0n,
      terminated: 0n,
      reduced: 0n,
      resolved: 0n,
      inProgress: 0n,
      postponed: 0n,
      suspended: 0n,
      rate: 0n,
      carriedForward: 0n,
      separateTracking: 0n,
      unclassified: 0n,
    };
    const t = toThousands(exact);
    expect(t.carriedOver).toBe(69_118_620n);
    // The identity total = carriedOver + newlyAccepted shows the transfer gap; nothing is handed to results.
    expect(t.total).toBe(0n);
    expect(t.toExecute).toBe(0n);
    for (const k of ['completed', 'terminated', 'reduced', 'resolved', 'inProgress', 'withoutConditions'] as const)
      expect(t[k]).toBe(0n);
  });

  it('never moves a cell a whole nghìn from its exact amount, even when parts and whole disagree', () => {
    // 87,474,380,400 đ completed, with 9.87 billion transferred in beside it: the completed cell is the exact one rounded.
    const exact: Column = {
      carriedOver: 77_600_291_400n,
      newlyAccepted: 0n,
      total: 87_474_380_400n,
      entrustedOut: 0n,
      revoked: 0n,
      toExecute: 87_474_380_400n,
      withConditions: 87_474_380_400n,
      withoutConditions: 0n,
      completed: 87_474_380_400n,
      terminated: 0n,
      reduced: 0n,
      resolved: 87_474_380_400n,
      inProgress: 0n,
      postponed: 0n,
      suspended: 0n,
      rate: 10_000n,
      carriedForward: 0n,
      separateTracking: 0n,
      unclassified: 0n,
    };
    const t = toThousands(exact);
    expect(t.completed).toBe(87_474_380n);
    expect(t.terminated).toBe(0n);
    expect(t.total).toBe(87_474_380n);
    expect(t.carriedOver).toBe(77_600_291n);
    for (const k of Object.keys(exact) as Array<keyof Column>)
      if (k !== 'rate') expect(t[k] * 1000n - exact[k] < 1000n && exact[k] - t[k] * 1000n < 1000n).toBe(true);
  });
});
