import { getNextTransitions } from 'xstate';
import { CaseEvent, CaseEventType } from '../events';
import { parseVnd } from '../money';
import { remainingDue } from './context';
import { checkReturnRequest, checkSeparateTracking } from './separate-tracking';
import { LifecycleSnapshot } from './states';

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
  RequestRefused: () => ({ reason: 'not-on-request', detail: 'chỉ từ chối được yêu cầu thi hành án', legalBasis: 'Luật THADS Điều 31.5' }),
  CaseCompleted: (s) => ({
    reason: 'amount-not-settled',
    detail: `còn ${remainingDue(s.context.amounts)} đồng phải thi hành`,
    legalBasis: 'Luật THADS Điều 52',
  }),
  MoneyCollected: overRemaining,
  ObligationReduced: overRemaining,
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
  CaseClassified: () => ({ reason: 'same-class', detail: 'việc đã được phân loại như vậy' }),
};

export const explainRefusal = (snapshot: LifecycleSnapshot, event: CaseEvent): Refusal => {
  const known = getNextTransitions(snapshot).some((t) => t.eventType === event.type);
  const explain = EXPLAIN[event.type];
  if (known && explain) return explain(snapshot, event);
  return { reason: 'not-in-this-state', detail: `bước này không được phép ở trạng thái hiện tại` };
};
