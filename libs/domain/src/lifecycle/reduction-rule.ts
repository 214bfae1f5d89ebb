import { LocalDate, addYears } from '../local-date';
import { Money, parseVnd } from '../money';
import { Origin, RELIEF_GROUNDS, ReliefGround, STATE_BUDGET_ITEMS, StateBudgetItem } from '../reasons';
import { Regime, regimeOn } from '../regime';
import { Amounts, remainingDue } from './context';
import { ALLOWED, LawCheck, missing, RuleConfidence } from './law-check';

/** How long after the first enforcement decision a court may waive a receipt of this size. */
export interface WaiverBand {
  below: Money;
  years: number;
}
/** A partial reduction: the rest due within [min, max], at most 1/share of it, and at most `cap`. */
export interface ReductionBand {
  min: Money;
  max?: Money;
  years: number;
  share: number;
  cap?: Money;
}

/**
 * Miễn, giảm nghĩa vụ thi hành án (Luật THADS Điều 61): only for receipts of the State budget,
 * only by a court's decision (Điều 63–64), only after the time the amount calls for, counted from
 * the first enforcement decision, and once a year per judgment (Điều 61.5).
 */
export interface ReductionRule {
  /** Nothing paid yet: waiver of the whole receipt (Điều 61.1.b). */
  waiverUntouched: ReadonlyArray<WaiverBand>;
  /** Part paid: waiver of the rest (Điều 61.2.b). */
  waiverOfRest: ReadonlyArray<WaiverBand>;
  /** Part paid: reduction of the rest (Điều 61.3). */
  partial: ReadonlyArray<ReductionBand>;
  oncePerYears: number;
  /** Grounds for waiving the rest of these items without the wait (Điều 61.4). */
  reliefGrounds: ReadonlyArray<ReliefGround>;
  reliefItems: ReadonlyArray<StateBudgetItem>;
  legalBasis: string;
  confidence: RuleConfidence;
}

const M = 1_000_000n;
const LAW_2014_BANDS = {
  waiverUntouched: [
    { below: 2n * M, years: 5 },
    { below: 5n * M, years: 10 },
  ],
  waiverOfRest: [
    { below: 5n * M, years: 5 },
    { below: 10n * M, years: 10 },
  ],
  partial: [
    { min: 10n * M, max: 100n * M, years: 5, share: 4 },
    { min: 100n * M + 1n, years: 10, share: 5, cap: 50n * M },
  ],
  oncePerYears: 1,
  reliefGrounds: RELIEF_GROUNDS,
  reliefItems: ['fine', 'courtFee'] as ReadonlyArray<StateBudgetItem>,
};

export const REDUCTION_RULES: Record<Regime, ReductionRule> = {
  // The 2008 text of Điều 61 before Luật 64/2014 was not read: the 2014 amounts are applied.
  '2009': {
    ...LAW_2014_BANDS,
    legalBasis: 'Luật THADS 26/2008/QH12 Điều 61 [mức tiền trước 2015 chưa đối chiếu]',
    confidence: 'unsure',
  },
  '2015': { ...LAW_2014_BANDS, legalBasis: 'Luật THADS Điều 61 (sửa đổi bởi Luật 64/2014/QH13)', confidence: 'sure' },
  '2026': {
    ...LAW_2014_BANDS,
    legalBasis: 'Luật THADS 106/2025/QH15 [điều về miễn, giảm chưa đọc được]; Luật THADS 2008 Điều 61',
    confidence: 'unsure',
  },
};

export interface ReductionFacts {
  origin: Origin;
  amounts: Amounts;
  /** The case's first enforcement decision: the start of the waiting time (Điều 61.5)… */
  decidedOn?: LocalDate;
  /** …or, for a case received by entrustment, the source case's first one. */
  firstDecisionOn?: LocalDate;
  /** The court decision of the previous miễn/giảm on this case. */
  lastReductionOn?: LocalDate;
}

export interface CourtDecision {
  amount?: unknown;
  court?: unknown;
  decisionNumber?: unknown;
  decisionOn?: unknown;
  stateBudgetItem?: unknown;
  reliefGround?: unknown;
}

const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';

export const checkReduction = (facts: ReductionFacts, data: CourtDecision, on: LocalDate): LawCheck => {
  if (!text(data.court) || !text(data.decisionNumber) || typeof data.decisionOn !== 'string' || data.decisionOn > on) {
    return missing(
      'miễn, giảm chỉ theo quyết định của Tòa án: cần tòa, số và ngày quyết định, không sau ngày ghi nhận (Luật THADS Điều 63, 64)',
    );
  }
  if (facts.origin !== 'exOfficio' || !(STATE_BUDGET_ITEMS as ReadonlyArray<unknown>).includes(data.stateBudgetItem)) {
    return missing(
      `chỉ miễn, giảm khoản thu nộp ngân sách nhà nước (${STATE_BUDGET_ITEMS.join(', ')}), thi hành chủ động (Luật THADS Điều 36.2, 61)`,
    );
  }
  // Before 1 July 2009 no regime is modelled (regime.ts): no rule, so nothing to refuse by.
  const regime = regimeOn(data.decisionOn);
  if (regime === undefined) return ALLOWED;
  const rule = REDUCTION_RULES[regime];
  const amount = typeof data.amount === 'string' ? parseVnd(data.amount) : 0n;
  const rest = remainingDue(facts.amounts);
  const partPaid = facts.amounts.collected > 0n || facts.amounts.reduced > 0n;
  // Điều 61.4 has no wait and is not bound by the once-a-year rule of Điều 61.5 (which names khoản 1–3).
  if (data.reliefGround !== undefined) {
    const fits =
      (rule.reliefGrounds as ReadonlyArray<unknown>).includes(data.reliefGround) &&
      (rule.reliefItems as ReadonlyArray<unknown>).includes(data.stateBudgetItem) &&
      partPaid &&
      amount === rest;
    return fits
      ? ALLOWED
      : missing(
          `miễn phần còn lại vì hoàn cảnh đặc biệt khó khăn hoặc lập công lớn chỉ cho án phí, tiền phạt ` +
            `đã thi hành được một phần, và miễn toàn bộ phần còn lại (Điều 61.4; ${rule.legalBasis})`,
        );
  }
  const firstDecision = facts.firstDecisionOn ?? facts.decidedOn;
  if (firstDecision === undefined)
    return missing('chưa có quyết định thi hành án để tính thời hạn xét miễn, giảm (Luật THADS Điều 61.5)');
  const courtOn = data.decisionOn;
  if (facts.lastReductionOn !== undefined && courtOn < addYears(facts.lastReductionOn, rule.oncePerYears)) {
    return missing(
      `chỉ được xét miễn, giảm một lần trong ${rule.oncePerYears} năm; lần trước ${facts.lastReductionOn} (Điều 61.5; ${rule.legalBasis})`,
    );
  }
  const waited = (years: number) => courtOn >= addYears(firstDecision, years);
  const tooEarly = (years: number) =>
    missing(`chưa hết ${years} năm kể từ quyết định thi hành án đầu tiên ${firstDecision} (${rule.legalBasis})`);
  if (amount === rest) {
    const bands = partPaid ? rule.waiverOfRest : rule.waiverUntouched;
    const band = bands.find((b) => rest < b.below);
    if (!band)
      return missing(
        `miễn toàn bộ chỉ khi số còn phải thi hành dưới ${bands[bands.length - 1].below} đồng (${rule.legalBasis})`,
      );
    return waited(band.years) ? ALLOWED : tooEarly(band.years);
  }
  if (!partPaid) return missing(`giảm một phần chỉ khi đã thi hành được một phần (Điều 61.3; ${rule.legalBasis})`);
  const band = rule.partial.find((b) => rest >= b.min && (b.max === undefined || rest <= b.max));
  if (!band)
    return missing(`giảm một phần chỉ khi số còn lại từ ${rule.partial[0].min} đồng (Điều 61.3; ${rule.legalBasis})`);
  if (!waited(band.years)) return tooEarly(band.years);
  if (amount * BigInt(band.share) > rest || (band.cap !== undefined && amount > band.cap)) {
    return missing(
      `mỗi lần giảm không quá 1/${band.share} số còn lại${band.cap !== undefined ? ` và không quá ${band.cap} đồng` : ''} (Điều 61.3; ${rule.legalBasis})`,
    );
  }
  return ALLOWED;
};
