/** Figures as the report gives them: counts as numbers, money as VND strings, rate as "47.30". */
export type ReportFigures = Record<string, number | string>;

const bigints = (f: ReportFigures): Record<string, bigint> =>
  Object.fromEntries(
    Object.entries(f)
      .filter(([k]) => k !== 'rate')
      .map(([k, v]) => [k, BigInt(v)]),
  );

/** resolved / withConditions in percent, 2 decimals, half-up (docs/architecture.md §6). */
export const expectedRate = (resolved: bigint, withConditions: bigint): string =>
  withConditions === 0n
    ? '0.00'
    : ((x: bigint) => `${x / 100n}.${String(x % 100n).padStart(2, '0')}`)(
        (resolved * 20000n + withConditions) / (2n * withConditions),
      );

/** The identities of docs/architecture.md §6, for cases and for money; returns the figures as bigints. */
export const expectReportIdentities = (report: {
  cases: ReportFigures;
  money: ReportFigures;
  transferred?: { in: { cases: number; money: string }; out: { cases: number; money: string } };
}) =>
  (
    [
      [report.cases, false],
      [report.money, true],
    ] as const
  ).map(([figures, isMoney]) => {
    const f = bigints(figures);
    // Transfers (docs/reorganisation.md) move cases between units: part of the total, zero net for the nation.
    const moved = (side: 'in' | 'out') => BigInt(report.transferred?.[side][isMoney ? 'money' : 'cases'] ?? 0);
    expect(f.total).toBe(f.carriedOver + f.newlyAccepted + moved('in') - moved('out'));
    expect(f.toExecute).toBe(f.total - f.entrustedOut - f.revoked);
    expect(f.toExecute).toBe(f.withConditions + f.withoutConditions);
    expect(f.resolved).toBe(f.completed + f.terminated + (isMoney ? f.reduced : 0n));
    expect(f.withConditions).toBe(f.resolved + f.inProgress + f.postponed + f.suspended);
    expect(f.carriedForward).toBe(f.toExecute - f.resolved);
    expect(figures.rate).toBe(expectedRate(f.resolved, f.withConditions));
    return f;
  });
