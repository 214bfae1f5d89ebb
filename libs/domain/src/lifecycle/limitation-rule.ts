import { LocalDate } from '../local-date';
import { addYears } from '../local-date';
import { LIMITATION_GROUNDS, LimitationGround, Origin } from '../reasons';
import { Regime, regimeOn } from '../regime';
import { ALLOWED, LawCheck, missing, RuleConfidence } from './law-check';

/**
 * The limitation of a request for enforcement (thời hiệu yêu cầu thi hành án), by the regime in
 * force on the date of the request. A request made later is enforced only when the decision
 * carries a recognised ground; otherwise the head refuses it (Luật THADS Điều 31.5).
 */
export interface LimitationRule {
  years: number;
  grounds: ReadonlyArray<LimitationGround>;
  legalBasis: string;
  confidence: RuleConfidence;
}

const BEFORE_2026 = LIMITATION_GROUNDS.filter((g) => g !== 'requestSentBack');

export const LIMITATION_RULES: Record<Regime, LimitationRule> = {
  '2009': { years: 5, grounds: BEFORE_2026, legalBasis: 'Luật THADS 26/2008/QH12 Điều 30', confidence: 'sure' },
  '2015': {
    years: 5,
    grounds: BEFORE_2026,
    legalBasis: 'Luật THADS Điều 30; NĐ 62/2015/NĐ-CP Điều 4',
    confidence: 'sure',
  },
  // The 2025 Law's own text was not read: 5 years kept, and the sent-back request's time is not
  // counted (NĐ 152/2026/NĐ-CP Điều 22.2, as the decree reports Điều 34.2 of the Law).
  '2026': {
    years: 5,
    grounds: LIMITATION_GROUNDS,
    legalBasis: 'Luật THADS 106/2025/QH15 Điều 34.2 [chưa đọc được văn bản Luật]; NĐ 152/2026/NĐ-CP Điều 22.2',
    confidence: 'unsure',
  },
};

/**
 * The five years run from the day the judgment took effect (Điều 30.1: "kể từ ngày bản án, quyết
 * định có hiệu lực pháp luật"), `judgment.effectiveOn` of the receipt. When it was not recorded the
 * judgment's date stands for it, and the refusal says so [unsure: a first-instance judgment takes
 * effect after its appeal period, so the stand-in can refuse up to that period early; the officer
 * then records `effectiveOn`, or the request with its ground].
 */
export const checkLimitation = (
  origin: Origin,
  from: { on: LocalDate; assumed: boolean } | undefined,
  requestedOn: LocalDate | undefined,
  ground: LimitationGround | undefined,
): LawCheck => {
  if (origin !== 'onRequest' || from === undefined || requestedOn === undefined) return ALLOWED;
  // Before 1 July 2009 no regime is modelled (regime.ts): no rule, so nothing to refuse by.
  const regime = regimeOn(requestedOn);
  if (regime === undefined) return ALLOWED;
  const rule = LIMITATION_RULES[regime];
  const lastDay = addYears(from.on, rule.years);
  if (requestedOn <= lastDay) return ALLOWED;
  if (ground !== undefined && rule.grounds.includes(ground)) return ALLOWED;
  const since = from.assumed
    ? `${from.on} (ngày bản án; ngày bản án có hiệu lực pháp luật chưa được ghi nhận — judgment.effectiveOn — nên tạm tính từ ngày bản án)`
    : `ngày bản án có hiệu lực pháp luật ${from.on}`;
  return missing(
    `yêu cầu ngày ${requestedOn} quá thời hiệu ${rule.years} năm kể từ ${since} (hết ngày ${lastDay}); ` +
      `cần căn cứ ${rule.grounds.join(', ')} hoặc từ chối yêu cầu (${rule.legalBasis}; Luật THADS Điều 31.5)`,
  );
};
