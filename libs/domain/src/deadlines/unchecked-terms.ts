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
    id: 'send-decision-to-procuracy', row: '6', title: 'Gửi quyết định về thi hành án cho Viện kiểm sát cùng cấp', regime: '2015',
    length: 3, unit: 'workingDays', ...agency, trigger: 'any decision on enforcement', metBy: 'sending to the procuracy',
    legalBasis: { law: LAW_2014, article: 'Điều 38' }, confidence: 'sure', missing: 'no step records the sending to the procuracy',
  },
  {
    id: 'reverify-on-differing-finding', row: '10', title: 'Xác minh lại khi kết quả xác minh của người được thi hành án khác', regime: '2015',
    length: 5, unit: 'workingDays', ...agency, trigger: 'the creditor\'s differing finding, or a protest', metBy: 'verify',
    legalBasis: { law: LAW_2014, article: 'Điều 44.5' }, confidence: 'sure', missing: 'no step records the creditor\'s finding or the protest',
  },
  {
    id: 'publish-without-conditions', row: '14', title: 'Công khai thông tin người phải thi hành án chưa có điều kiện thi hành', regime: '2015',
    length: 5, unit: 'workingDays', ...agency, trigger: 'classify (withoutConditions)', metBy: 'the online publication',
    legalBasis: { law: 'Thông tư 04/2023/TT-BTP', article: 'Điều 5' }, confidence: 'sure', missing: 'no step records the publication',
  },
  {
    id: 'stop-publication', row: '14', title: 'Rút thông tin công khai khi đình chỉ hoặc thi hành xong', regime: '2015',
    length: 2, unit: 'workingDays', ...agency, trigger: 'terminate, complete', metBy: 'the withdrawal of the publication',
    legalBasis: { law: 'Thông tư 04/2023/TT-BTP', article: 'Điều 6' }, confidence: 'sure', missing: 'no step records the withdrawal',
  },
  {
    id: 'publish-without-conditions', row: '14', title: 'Công khai thông tin người phải thi hành án chưa có điều kiện thi hành', regime: '2026',
    length: 5, unit: 'workingDays', ...agency, trigger: 'classify (withoutConditions)', metBy: 'the online publication and the letter to the commune',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 23.1' }, confidence: 'sure', missing: 'no step records the publication',
  },
  {
    id: 'stop-publication', row: '14', title: 'Cập nhật, rút thông tin công khai', regime: '2026',
    length: 3, unit: 'workingDays', ...agency, trigger: 'a change, terminate, resume, restore, complete', metBy: 'the update or withdrawal',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 23.2' }, confidence: 'sure', missing: 'no step records the publication or its withdrawal',
  },
  {
    id: 'receiver-decides-entrusted-case', row: '24', title: 'Cơ quan nhận ủy thác ra quyết định thi hành án', regime: '2015',
    length: 5, unit: 'workingDays', ...agency, trigger: 'receipt of the entrustment decision', metBy: 'decide (in the receiving unit)',
    legalBasis: { law: LAW_2014, article: 'Điều 57.1.b (sửa đổi bởi Luật 03/2022/QH15)' }, confidence: 'sure',
    missing: 'an entrusted-in case is received with a receive step that names its source (entrustedFrom), but the deadline read model '
      + 'does not keep that field yet: the ordinary 5-WD decision rules (rows 3–4) hold the same term there, under their own articles',
  },
  {
    id: 'sell-without-auction', row: '30', title: 'Bán tài sản không qua đấu giá (giá trị dưới 2 triệu đồng, mau hỏng)', regime: '2015',
    length: 5, unit: 'workingDays', ...agency, trigger: 'seize (low-value or perishable asset)', metBy: 'the sale',
    legalBasis: { law: LAW_2014, article: 'Điều 101.4' }, confidence: 'sure', missing: 'no field marks a low-value or perishable asset, and no step records a sale without auction',
  },
  {
    id: 'deposit-unclaimed-money', row: '36', title: 'Gửi tiền thi hành án chưa có người nhận vào ngân hàng', regime: '2015',
    length: 15, unit: 'days', ...agency, trigger: 'the payout notice to an individual', metBy: 'the deposit',
    legalBasis: { law: DECREE_62, article: 'Điều 49.2, 49.5' }, confidence: 'sure', missing: 'no step records the payout notice or the deposit',
  },
  {
    id: 'certify-result', row: '37', title: 'Xác nhận kết quả thi hành án', regime: '2015',
    length: 5, unit: 'workingDays', ...agency, trigger: 'a party\'s request', metBy: 'the certificate',
    legalBasis: { law: LAW_2014, article: 'Điều 53' }, confidence: 'sure', missing: 'no step records the request or the certificate',
  },
  {
    id: 'certify-result', row: '37', title: 'Xác nhận kết quả thi hành án', regime: '2026',
    length: 3, unit: 'workingDays', ...agency, trigger: 'a party\'s request', metBy: 'the certificate',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 32.3' }, confidence: 'sure', missing: 'no step records the request or the certificate',
  },
  {
    id: 'decide-bankruptcy', row: '4', title: 'Ra quyết định thi hành án đối với quyết định của Tòa án giải quyết phá sản', regime: '2015',
    length: 3, unit: 'workingDays', ...agency, trigger: 'receive (a bankruptcy court decision)', metBy: 'decide',
    legalBasis: { law: LAW_2014, article: 'Điều 36.2' }, confidence: 'sure',
    missing: 'no field of the receive step tells a bankruptcy court decision apart; such cases are checked against the 5-WD ex officio rule',
  },
  {
    id: 'ask-to-complete-request', row: '9.2/1a', title: 'Hướng dẫn bổ sung đơn yêu cầu thi hành án chưa đầy đủ', regime: '2026',
    length: 1, unit: 'workingDays', ...agency, trigger: 'receive (incomplete request)', metBy: 'the request to complete it',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 9.6' }, confidence: 'sure', missing: 'no field marks an incomplete request, and no step records the request to complete it',
  },
  {
    id: 'creditor-takes-asset-notice', row: '9.2/15c', title: 'Thông báo cho người phải thi hành án khi người được thi hành án nhận tài sản', regime: '2026',
    length: 3, unit: 'workingDays', ...agency, trigger: 'the creditor\'s request to take the unsold asset', metBy: 'notify',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 65.6' }, confidence: 'sure', missing: 'no step records the creditor taking the asset (then 5 WD for the debtor to redeem, 5 WD for the creditor to pay)',
  },
  {
    id: 'deliver-by-agreement', row: '9.2/17', title: 'Giao tài sản theo thỏa thuận, hoặc do Chấp hành viên bán', regime: '2026',
    length: 5, unit: 'workingDays', ...agency, trigger: 'the agreement (5 WD) or the CHV\'s sale (3 WD)', metBy: 'deliver',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 67.1' }, confidence: 'sure', missing: 'no field tells a delivery by agreement or after a sale by the enforcer apart',
  },
  {
    id: 'deposit-money-awaiting-delivery', row: '9.2/13b', title: 'Gửi tiền đã thu khi chưa giao tài sản', regime: '2026',
    length: 10, unit: 'days', ...agency, trigger: 'collect (asset not yet delivered)', metBy: 'the deposit',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 30.7' }, confidence: 'sure', missing: 'no step records the deposit',
  },
  {
    id: 'deposit-money-when-paused', row: '9.2/13c', title: 'Gửi tiền đang giữ khi hoãn, tạm đình chỉ', regime: '2026',
    length: 5, unit: 'workingDays', ...agency, trigger: 'postpone or suspend while money is held', metBy: 'the deposit',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 30.8' }, confidence: 'sure', missing: 'no step records the deposit',
  },
  {
    id: 'coercion-planning', row: '9.2/19', title: 'Phối hợp lập kế hoạch cưỡng chế với công an', regime: '2026',
    length: 3, unit: 'workingDays', ...agency, trigger: 'the request to the police', metBy: 'the plan',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 46' }, confidence: 'sure', missing: 'no step records coercion planning',
  },
];
