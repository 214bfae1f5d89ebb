import { addMonths } from '../calendar/local-date';
import { LocalDate } from '../local-date';
import { Regime, regimeOn } from '../regime';
import { WithoutConditionsGround } from '../reasons';
import { RuleConfidence } from './law-check';

/**
 * While a case is without conditions the officer re-verifies "at least every 6 months", or every
 * year when the debtor's address is unknown (Luật THADS Điều 44.2). The verifications that count
 * toward separate tracking or sending the request back (NĐ 62/2015 Điều 9.5; NĐ 152/2026 Điều
 * 22) are these periodic ones: one per period of the rhythm, counted from the decision of no
 * means. Two on one day, or two in one period, are one [likely: the law fixes the longest gap, not
 * the shortest; one per period is our reading of "định kỳ"].
 */
export interface VerificationRhythm {
  everyMonths: number;
  everyMonthsAddressUnknown: number;
  legalBasis: string;
  confidence: RuleConfidence;
}

export const VERIFICATION_RHYTHMS: Record<Regime, VerificationRhythm> = {
  '2009': {
    everyMonths: 6,
    everyMonthsAddressUnknown: 12,
    legalBasis: 'Luật THADS 26/2008/QH12 Điều 44.2',
    confidence: 'likely',
  },
  '2015': {
    everyMonths: 6,
    everyMonthsAddressUnknown: 12,
    legalBasis: 'Luật THADS Điều 44.2 (sửa đổi bởi Luật 64/2014/QH13)',
    confidence: 'sure',
  },
  // Law 106/2025 Điều 38.3 keeps periodic verification; its rhythm was not read: the old one is kept.
  '2026': {
    everyMonths: 6,
    everyMonthsAddressUnknown: 12,
    legalBasis: 'Luật THADS 106/2025/QH15 Điều 38.3 [nhịp xác minh chưa đọc được]',
    confidence: 'unsure',
  },
};

/**
 * The period of the rhythm `on` falls in: 0 for the first period after the decision of `since`,
 * 1 for the next…; -1 on or before the decision's day (the verification that led to it).
 */
export const verificationPeriod = (
  since: LocalDate,
  ground: WithoutConditionsGround | undefined,
  on: LocalDate,
): number => {
  if (on <= since) return -1;
  // Before 1 July 2009 nothing is judged by these counts (separate tracking has no rule then);
  // the first modelled rhythm keeps the count defined.
  const rhythm = VERIFICATION_RHYTHMS[regimeOn(on) ?? '2009'];
  const months = ground === 'addressUnknown' ? rhythm.everyMonthsAddressUnknown : rhythm.everyMonths;
  let period = 0;
  while (addMonths(since, (period + 1) * months) <= on) period++;
  return period;
};
