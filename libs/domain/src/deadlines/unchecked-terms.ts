import { Confidence } from '../calendar/calendar-day';
import { Regime } from '../regime';
import { DeadlineActor, LegalBasis, TermUnit, WhoseCalendar } from './deadline-rule';
import { DECREE_152_2026, DECREE_62, LAW_2014 } from './legal-sources';

/**
 * Terms of the law the engine does not check, because no recorded step or field marks their
 * trigger or the act that meets them. They are listed (GET /api/deadlines/rules, docs/deadlines.md)
 * so an inspector sees the whole table and what is missing, never counted as met or missed.
 */
export interface UncheckedTerm {
  id: string;
  /** The same row numbering as DeadlineRule.row (the 2026 decree's own terms as '9.2/n'). */
  row: string;
  title: string;
  regime: Regime;
  length: number;
  unit: TermUnit;
  actor: DeadlineActor;
  calendar: WhoseCalendar;
  trigger: string;
  metBy: string;
  legalBasis: LegalBasis;
  confidence: Confidence;
  /** What the lifecycle would need to record for the engine to check it. */
  missing: string;
}

const agency = { actor: 'agency', calendar: 'agency' } as const;

export const UNCHECKED_TERMS: ReadonlyArray<UncheckedTerm> = [
  {
    id: 'send-final-decision-to-procuracy',
    row: '6',
    title: 'Gửi quyết định đình chỉ, ủy thác, thu hồi cho Viện kiểm sát cùng cấp',
    regime: '2015',
    length: 3,
    unit: 'workingDays',
    ...agency,
    trigger: 'terminate, entrust, revoke',
    metBy: 'sending to the procuracy',
    legalBasis: { law: LAW_2014, article: 'Điều 38' },
    confidence: 'sure',
    missing:
      'these decisions end the case and the lifecycle records no step after a final state, so a notify with `to: procuracy` ' +
      'cannot follow them; it would need the sending date on the decision step itself (e.g. `sentToProcuracyOn`). The other ' +
      'decisions are checked (send-decision-to-procuracy)',
  },
  {
    id: 'stop-publication',
    row: '14',
    title: 'Rút thông tin công khai khi đình chỉ hoặc thi hành xong',
    regime: '2015',
    length: 2,
    unit: 'workingDays',
    ...agency,
    trigger: 'terminate, complete',
    metBy: 'the withdrawal of the publication',
    legalBasis: { law: 'Thông tư 04/2023/TT-BTP', article: 'Điều 6' },
    confidence: 'sure',
    missing:
      'the withdrawal follows a termination or a completion, final states after which no step can be recorded; it would need ' +
      'the withdrawal date on the final step (e.g. `publicationWithdrawnOn`), or a step allowed after the end',
  },
  {
    id: 'stop-publication',
    row: '14',
    title: 'Cập nhật, rút thông tin công khai',
    regime: '2026',
    length: 3,
    unit: 'workingDays',
    ...agency,
    trigger: 'a change, terminate, resume, restore, complete',
    metBy: 'the update or withdrawal',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 23.2' },
    confidence: 'sure',
    missing:
      'the withdrawal follows final states (as in 2015); an update after a resumption or a restore could be a notify with ' +
      '`to: public`, but "a change of the published information" is no recorded event, so the update is not judged either',
  },
  {
    id: 'sell-without-auction',
    row: '30',
    title: 'Bán tài sản không qua đấu giá (giá trị dưới 2 triệu đồng, mau hỏng)',
    regime: '2015',
    length: 5,
    unit: 'workingDays',
    ...agency,
    trigger: 'seize (low-value or perishable asset)',
    metBy: 'the sale',
    legalBasis: { law: LAW_2014, article: 'Điều 101.4' },
    confidence: 'sure',
    missing:
      'needs a field on the seizure or valuation marking an asset under 2 million đồng or perishable (e.g. `saleWithoutAuction: true`) ' +
      'and a way to record the direct sale (the auction step records an auction organised by an auction organisation)',
  },
  {
    id: 'deposit-unclaimed-money',
    row: '36',
    title: 'Gửi tiền thi hành án chưa có người nhận vào ngân hàng',
    regime: '2015',
    length: 15,
    unit: 'days',
    ...agency,
    trigger: 'the payout notice to an individual',
    metBy: 'the deposit',
    legalBasis: { law: DECREE_62, article: 'Điều 49.2, 49.5' },
    confidence: 'sure',
    missing:
      'needs the payout notice (a notify carrying the amount to be received) and a `deposit` step; the disburse step records ' +
      'money paid out, not money deposited for a creditor who did not come',
  },
  {
    id: 'certify-result',
    row: '37',
    title: 'Xác nhận kết quả thi hành án',
    regime: '2015',
    length: 5,
    unit: 'workingDays',
    ...agency,
    trigger: "a party's request",
    metBy: 'the certificate',
    legalBasis: { law: LAW_2014, article: 'Điều 53' },
    confidence: 'sure',
    missing:
      "needs a `certify` step carrying the date of the party's request (`requestedOn`), allowed in every state including " +
      'the final ones (a certificate is mostly asked for after the case ended); the complete step is the closing, not the certificate',
  },
  {
    id: 'certify-result',
    row: '37',
    title: 'Xác nhận kết quả thi hành án',
    regime: '2026',
    length: 3,
    unit: 'workingDays',
    ...agency,
    trigger: "a party's request",
    metBy: 'the certificate',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 32.3' },
    confidence: 'sure',
    missing: 'as in 2015: needs a `certify` step with `requestedOn`, allowed after the case ended',
  },
  {
    id: 'ask-to-complete-request',
    row: '9.2/1a',
    title: 'Hướng dẫn bổ sung đơn yêu cầu thi hành án chưa đầy đủ',
    regime: '2026',
    length: 1,
    unit: 'workingDays',
    ...agency,
    trigger: 'receive (incomplete request)',
    metBy: 'the request to complete it',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 9.6' },
    confidence: 'sure',
    missing:
      'needs a field on the receive step marking an incomplete request and a notify to the requester saying what is missing; ' +
      'an incomplete request is not a received case today',
  },
  {
    id: 'creditor-takes-asset-notice',
    row: '9.2/15c',
    title: 'Thông báo cho người phải thi hành án khi người được thi hành án nhận tài sản',
    regime: '2026',
    length: 3,
    unit: 'workingDays',
    ...agency,
    trigger: "the creditor's request to take the unsold asset",
    metBy: 'notify',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 65.6' },
    confidence: 'sure',
    missing:
      "needs a step recording the creditor's request to take the unsold asset (then 5 WD for the debtor to redeem, 5 WD for the creditor to pay)",
  },
  {
    id: 'deliver-by-agreement',
    row: '9.2/17',
    title: 'Giao tài sản theo thỏa thuận, hoặc do Chấp hành viên bán',
    regime: '2026',
    length: 5,
    unit: 'workingDays',
    ...agency,
    trigger: "the agreement (5 WD) or the CHV's sale (3 WD)",
    metBy: 'deliver',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 67.1' },
    confidence: 'sure',
    missing:
      "needs a step or field recording the parties' agreement on the asset or a sale by the enforcer (the deliver step follows an auction only)",
  },
  {
    id: 'deposit-money-awaiting-delivery',
    row: '9.2/13b',
    title: 'Gửi tiền đã thu khi chưa giao tài sản',
    regime: '2026',
    length: 10,
    unit: 'days',
    ...agency,
    trigger: 'collect (asset not yet delivered)',
    metBy: 'the deposit',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 30.7' },
    confidence: 'sure',
    missing:
      'the trigger is recorded (a collect after a sale, before delivery); the deposit is not: needs a `deposit` step',
  },
  {
    id: 'deposit-money-when-paused',
    row: '9.2/13c',
    title: 'Gửi tiền đang giữ khi hoãn, tạm đình chỉ',
    regime: '2026',
    length: 5,
    unit: 'workingDays',
    ...agency,
    trigger: 'postpone or suspend while money is held',
    metBy: 'the deposit',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 30.8' },
    confidence: 'sure',
    missing:
      'the trigger is recorded (a postponement or suspension with collected money not paid out); the deposit is not: needs a `deposit` step',
  },
  {
    id: 'coercion-planning',
    row: '9.2/19',
    title: 'Phối hợp lập kế hoạch cưỡng chế với công an',
    regime: '2026',
    length: 3,
    unit: 'workingDays',
    ...agency,
    trigger: 'the request to the police',
    metBy: 'the plan',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 46' },
    confidence: 'sure',
    missing:
      'needs steps for the request to the police and the coercion plan; the seizure records only the coercion itself',
  },
];
