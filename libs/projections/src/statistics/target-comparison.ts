import { UnitTargets } from '../targets/target-queries';
import { formatHundredths, parsePercent } from './percent';
import { monthsSinceOctober } from './reporting-period';
import { TargetComparison } from './report-shape';

/**
 * The report against the unit's targets: the period target (chỉ tiêu phân kỳ) for the number of
 * months from 1 October to `to` when one was set, else the annual target. The gap is the rate
 * minus the target in percentage points, "vượt" when positive, "thiếu" when negative
 * (docs/domain.md §4.5: Kiên Giang 38.71 % "vượt 11.54 %" over a 27.17 % period target).
 */
export const compareWithTarget = (
  rates: { cases: bigint; money: bigint },
  targets: UnitTargets,
  to: string,
): TargetComparison => {
  const applicable = targets.periods[String(monthsSinceOctober(to))] ?? targets;
  const cases = parsePercent(applicable.cases);
  const money = parsePercent(applicable.money);
  return {
    cases: formatHundredths(cases),
    money: formatHundredths(money),
    casesGap: formatHundredths(rates.cases - cases),
    moneyGap: formatHundredths(rates.money - money),
  };
};
