import { getNextTransitions } from 'xstate';
import { CaseEvent, CaseEventType } from '../events';
import { parseVnd } from '../money';
import { BUYER_PAYMENT_BASIS, checkBuyerPayment } from './buyer-payment';
import { limitationStart, remainingDue } from './context';
import { checkLimitation } from './limitation-rule';
import { checkReduction } from './reduction-rule';
import { checkReturnRequest, checkSeparateTracking } from './separate-tracking';
import { checkVoluntaryPeriodOver } from './voluntary-period';
import { GUARD_BASIS } from './guard-basis';
import { LifecycleSnapshot, stateNameOf } from './states';

/**
 * Why the machine refused an event it knows in this state: the guard that failed, in words,
 * with its legal basis. The machine alone decides; this only explains.
 */
export interface Refusal {
  reason: string;
  detail: string;
  legalBasis?: string;
}

type Explain = (snapshot: LifecycleSnapshot, event: CaseEvent) => Refusal;

const amountOf = (event: CaseEvent) => ('amount' in event.data ? parseVnd(String(event.data.amount)) : 0n);

const overRemaining: Explain = (s, e) => ({
  reason: 'amount-exceeds-remaining',
  detail: `số tiền ${amountOf(e)} vượt quá số còn phải thi hành ${remainingDue(s.context.amounts)}`,
});

const EXPLAIN: Partial<Record<CaseEventType, Explain>> = {
  RequestRefused: () => ({
    reason: 'not-on-request',
    detail: 'chỉ từ chối được yêu cầu thi hành án',
    legalBasis: 'Luật THADS Điều 31.5',
  }),
  CaseCompleted: (s) => ({
    reason: 'amount-not-settled',
    detail: `còn ${remainingDue(s.context.amounts)} đồng phải thi hành`,
    legalBasis: 'Luật THADS Điều 52',
  }),
  MoneyCollected: (s, e) => {
    const a = amountOf(e);
    if (a <= 0n || a > remainingDue(s.context.amounts)) return overRemaining(s, e);
    const check = checkBuyerPayment(s.context, e);
    return {
      reason: 'no-sale-awaiting-payment',
      detail: check.ok ? '' : check.missing,
      legalBasis: BUYER_PAYMENT_BASIS,
    };
  },
  ObligationReduced: (s, e) => {
    const a = amountOf(e);
    if (a <= 0n || a > remainingDue(s.context.amounts)) return overRemaining(s, e);
    const check = e.type === 'ObligationReduced' ? checkReduction(s.context, e.data, e.on) : { ok: true as const };
    return {
      reason: 'reduction-conditions-not-met',
      detail: check.ok ? '' : check.missing,
      legalBasis: GUARD_BASIS.reductionAllowed.legalBasis,
    };
  },
  EnforcementDecided: (s, e) => {
    const check = checkLimitation(
      s.context.origin,
      limitationStart(s.context),
      s.context.receivedOn,
      e.type === 'EnforcementDecided' ? e.data.limitationGround : undefined,
    );
    return {
      reason: 'request-time-barred',
      detail: check.ok ? '' : check.missing,
      legalBasis: GUARD_BASIS.withinLimitation.legalBasis,
    };
  },
  CaseEntrusted: (s) => ({
    reason: 'entrust-to-own-unit',
    detail: `không ủy thác cho chính đơn vị đang thi hành (${s.context.unitId ?? '?'}); chọn cơ quan thi hành án khác`,
    legalBasis: GUARD_BASIS.entrustElsewhere.legalBasis,
  }),
  CaseTransferred: (s) => ({
    reason: 'transfer-to-own-unit',
    detail: `việc đã thuộc đơn vị ${s.context.unitId ?? '?'}; chọn cơ quan thi hành án khác`,
    legalBasis: GUARD_BASIS.transferElsewhere.legalBasis,
  }),
  AssetsSeized: (s, e) => {
    const check = checkVoluntaryPeriodOver(
      s.context.notifiedOn ?? s.context.decidedOn,
      e.on,
      e.type === 'AssetsSeized' ? e.data.immediateGround : undefined,
      s.context.interimMeasure,
    );
    return {
      reason: 'voluntary-period-running',
      detail: check.ok ? '' : check.missing,
      legalBasis: GUARD_BASIS.voluntaryPeriodOver.legalBasis,
    };
  },
  AssetDelivered: () => ({
    reason: 'buyer-not-paid-in-full',
    detail:
      'chỉ giao tài sản sau khi người mua trúng đấu giá đã nộp đủ tiền (ghi nhận bằng bước thu tiền có buyerPaidInFull)',
    legalBasis: GUARD_BASIS.buyerPaidInFull.legalBasis,
  }),
  MoneyDisbursed: (s, e) => ({
    reason: 'amount-exceeds-collected',
    detail: `chi ${amountOf(e)} vượt quá số đã thu chưa chi ${s.context.amounts.collected - s.context.amounts.disbursed}`,
    legalBasis: 'Luật THADS Điều 47',
  }),
  CaseMovedToSeparateTracking: (s, e) => {
    const check = checkSeparateTracking(s.context.origin, s.context.withoutConditions, e.on);
    return { reason: 'separate-tracking-conditions-not-met', detail: check.ok ? '' : check.missing };
  },
  RequestReturned: (s, e) => {
    const check = checkReturnRequest(s.context.origin, s.context.withoutConditions, e.on);
    return { reason: 'return-request-conditions-not-met', detail: check.ok ? '' : check.missing };
  },
  CaseClassified: (s) =>
    stateNameOf(s) === 'seized'
      ? {
          reason: 'auction-not-failed',
          detail: 'chỉ xác định chưa có điều kiện từ kê biên khi bán đấu giá không thành',
          legalBasis: GUARD_BASIS.unsoldAndClassWithout.legalBasis,
        }
      : { reason: 'same-class', detail: 'việc đã được phân loại như vậy' },
};

export const explainRefusal = (snapshot: LifecycleSnapshot, event: CaseEvent): Refusal => {
  const known = getNextTransitions(snapshot).some((t) => t.eventType === event.type);
  const explain = EXPLAIN[event.type];
  if (known && explain) return explain(snapshot, event);
  return { reason: 'not-in-this-state', detail: `bước này không được phép ở trạng thái hiện tại` };
};
