import { CaseCommand, TakeStep } from '../commands';
import { CaseEvent, CaseReceived, STEP_EVENT, StepData, StepEvent, StepName } from '../events';
import { LocalDate } from '../local-date';

export const CASE_ID = 'c-1';
export const D0: LocalDate = '2024-10-01';
export const TODAY: LocalDate = '2026-11-22';

export const caseReceived = (o: Partial<CaseReceived['data']> = {}, on: LocalDate = D0): CaseReceived => ({
  type: 'CaseReceived',
  on,
  data: {
    caseId: CASE_ID,
    unitId: 'u-hcm-q1',
    origin: 'onRequest',
    judgment: { court: 'TAND Quận 1', number: '12/2024/DS-ST', date: '2024-08-20' },
    creditor: { name: 'Ngân hàng TMCP A' },
    debtor: { name: 'Nguyễn Văn B' },
    amountDue: '100000000',
    ...o,
  },
});

/** One past event of a step, with the data it needs defaulted. */
export const stepped = <S extends StepName>(step: S, on: LocalDate, data: Partial<StepData[S]> = {}): StepEvent =>
  ({ type: STEP_EVENT[step], on, data: { caseId: CASE_ID, ...DEFAULT_DATA[step], ...data } }) as StepEvent;

export const step = <S extends StepName>(
  s: S,
  on: LocalDate,
  data: Partial<StepData[S]> = {},
  today: LocalDate = TODAY,
): CaseCommand =>
  ({ kind: 'step', caseId: CASE_ID, step: s, on, today, data: { ...DEFAULT_DATA[s], ...data } }) as TakeStep;

const DEFAULT_DATA: { [S in StepName]: Partial<StepData[S]> } = {
  refuse: {},
  decide: {},
  assign: { enforcerId: 'chv-1' },
  notify: {},
  verify: {},
  signAuctionContract: {},
  classify: { class: 'withConditions' },
  seize: {},
  value: {},
  auction: { result: 'sold', price: '100000000' },
  deliver: {},
  collect: { amount: '100000000' },
  disburse: { amount: '100000000' },
  reduce: { amount: '1' },
  complete: {},
  terminate: { reason: 'creditorWaiver' },
  postpone: { reason: 'illness' },
  suspend: { reason: 'protest' },
  resume: {},
  moveToSeparateTracking: {},
  restore: {},
  entrust: { toUnitId: 'u-hn' },
  transfer: { toUnitId: 'u-hn' },
  revoke: {},
  returnRequest: {},
  recordCaseKinds: { creditorKind: 'creditInstitution', judgmentKind: 'commercial' },
  correct: { correctsEventId: 'e-?', reason: 'nhập nhầm' },
};

/** Ready-made pasts: each extends the one before (docs/style.md §13). */
export const history = {
  received: (o: Partial<CaseReceived['data']> = {}): CaseEvent[] => [caseReceived(o)],
  decided: (o: Partial<CaseReceived['data']> = {}) => [...history.received(o), stepped('decide', '2024-10-03')],
  verified: (o: Partial<CaseReceived['data']> = {}) => [...history.decided(o), stepped('verify', '2024-10-25')],
  withConditions: (o: Partial<CaseReceived['data']> = {}) => [
    ...history.verified(o),
    stepped('classify', '2024-10-28'),
  ],
  withoutConditions: (o: Partial<CaseReceived['data']> = {}, on: LocalDate = '2024-10-28') => [
    ...history.verified(o),
    stepped('classify', on, { class: 'withoutConditions', ground: 'noAssets' }),
  ],
  seized: (o: Partial<CaseReceived['data']> = {}) => [...history.withConditions(o), stepped('seize', '2024-11-05')],
  auctioned: (o: Partial<CaseReceived['data']> = {}) => [
    ...history.seized(o),
    stepped('value', '2024-11-20'),
    stepped('auction', '2024-12-20'),
  ],
};
