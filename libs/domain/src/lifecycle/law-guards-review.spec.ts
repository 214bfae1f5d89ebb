import { CaseEvent } from '../events';
import { entrustmentRefusal } from '../units/unit-rules';
import { caseReceived, history, step, stepped } from '../testing/builders';
import { given } from '../testing/decider-spec';

// The auditor's second review of issue 20: the guards read the case's own facts, each with its article.

describe('"the buyer has paid in full" needs a sale awaiting its price (NĐ 62/2015 Điều 27.3; NĐ 152/2026 Điều 65.1)', () => {
  it('refuses buyerPaidInFull on a case with no auction', () => {
    const error = given(history.decided())
      .when(step('collect', '2024-10-20', { amount: '1000', buyerPaidInFull: true }))
      .refusal('case.step-not-allowed', 'no-sale-awaiting-payment');
    expect(error.extra.refusal?.legalBasis).toMatch(/Điều 27\.3/);
  });
  it('refuses it after an auction that did not sell', () =>
    given(history.seized(), [stepped('value', '2024-11-20'), stepped('auction', '2024-12-20', { result: 'unsold' })])
      .when(step('collect', '2024-12-21', { amount: '1000', buyerPaidInFull: true }))
      .thenThrows('case.step-not-allowed', 'no-sale-awaiting-payment'));
  it('refuses it twice for one sale', () =>
    given(history.auctioned(), [stepped('collect', '2025-01-05', { amount: '1000', buyerPaidInFull: true })])
      .when(step('collect', '2025-01-06', { amount: '1000', buyerPaidInFull: true }))
      .thenThrows('case.step-not-allowed', 'no-sale-awaiting-payment'));
  it('accepts it on a sold auction not yet paid, and a plain payment anywhere', () => {
    given(history.auctioned())
      .when(step('collect', '2025-01-05', { amount: '1000', buyerPaidInFull: true }))
      .thenState('auctioned');
    given(history.decided())
      .when(step('collect', '2024-10-20', { amount: '1000' }))
      .thenState('decided');
  });
  it('keeps a recorded history that carried it without a sale (judged when taken)', () => {
    const past: CaseEvent[] = [
      ...history.decided(),
      { ...stepped('collect', '2024-10-20', { amount: '1000', buyerPaidInFull: true }) },
    ];
    given(past)
      .when(step('collect', '2024-10-21', { amount: '1000' }))
      .thenState('decided');
  });
});

describe("an interim measure is the case's fact (Luật THADS Điều 36.2, 45.2)", () => {
  const notified = (o: Parameters<typeof history.decided>[0] = {}) => [
    ...history.decided(o),
    stepped('notify', '2024-10-20'),
    stepped('verify', '2024-10-20'),
    stepped('classify', '2024-10-20'),
  ];
  it('seizes at once, without a ground on the seizure, when the case enforces an interim measure', () =>
    given(notified({ interimMeasure: true }))
      .when(step('seize', '2024-10-21'))
      .thenState('seized'));
  it('refuses the interim-measure ground when the case records it is none', () =>
    given(notified({ interimMeasure: false }))
      .when(step('seize', '2024-10-21', { immediateGround: 'interimMeasure' }))
      .thenThrows('case.step-not-allowed', 'voluntary-period-running'));
  it('accepts the ground as declared when the case says nothing (documented in docs/law.md)', () =>
    given(notified())
      .when(step('seize', '2024-10-21', { immediateGround: 'interimMeasure' }))
      .thenState('seized'));
  it('a notice sent only to the procuracy does not start the voluntary period (Điều 45.1)', () => {
    // Without a notice to the parties the period counts from the decision (3/10): over on 14/10.
    const procuracyOnly = [
      ...history.decided(),
      stepped('notify', '2024-10-20', { to: 'procuracy' }),
      stepped('verify', '2024-10-20'),
      stepped('classify', '2024-10-20'),
    ];
    given(procuracyOnly).when(step('seize', '2024-10-21')).thenState('seized');
  });
});

describe('the limitation runs from the day the judgment took effect (Luật THADS Điều 30.1)', () => {
  const judgment = (effectiveOn?: string) => ({
    court: 'TAND Quận 1',
    number: '1/2018/DS-ST',
    date: '2018-01-10',
    ...(effectiveOn && { effectiveOn }),
  });
  it("enforces a request within 5 years of the effective day though more than 5 years after the judgment's date", () =>
    given([caseReceived({ judgment: judgment('2018-02-12') }, '2023-02-10')])
      .when(step('decide', '2023-02-13'))
      .thenState('decided'));
  it('refuses one after 5 years from the effective day', () => {
    const error = given([caseReceived({ judgment: judgment('2018-02-12') }, '2023-02-13')])
      .when(step('decide', '2023-02-14'))
      .refusal('case.step-not-allowed', 'request-time-barred');
    expect(error.message).toContain('có hiệu lực pháp luật 2018-02-12');
  });
  it("without effectiveOn counts from the judgment's date and says it is a stand-in", () => {
    const error = given([caseReceived({ judgment: judgment() }, '2023-02-10')])
      .when(step('decide', '2023-02-13'))
      .refusal('case.step-not-allowed', 'request-time-barred');
    expect(error.message).toContain('tạm tính từ ngày bản án');
  });
});

describe('the auction contract is a step of its own (Luật THADS Điều 101.2)', () => {
  it('is recorded after the valuation, before the auction, and leaves the case where it stands', () =>
    given(history.seized(), [stepped('value', '2024-11-20')])
      .when(step('signAuctionContract', '2024-11-25'))
      .thenState('seized'));
  it('is not recorded before a seizure', () =>
    given(history.withConditions())
      .when(step('signAuctionContract', '2024-11-25'))
      .thenThrows('case.step-not-allowed'));
});

describe('who may receive an entrustment (Luật THADS Điều 55–57)', () => {
  const unit = { unitId: 'u', name: 'u', level: 'district' as const };
  it('not the central management department, which enforces no case', () =>
    expect(entrustmentRefusal({ ...unit, level: 'central' }, '2025-03-01')).toMatch(/Điều 13, 55, 56/));
  it('not a unit before it was established or after it ceased (1 July 2025 reorganisation)', () => {
    expect(entrustmentRefusal({ ...unit, until: '2025-06-30' }, '2025-07-01')).toMatch(/không còn tồn tại/);
    expect(entrustmentRefusal({ ...unit, from: '2025-07-01' }, '2025-06-30')).toMatch(/chưa được thành lập/);
  });
  it('a province, district or regional office existing that day', () => {
    expect(entrustmentRefusal({ ...unit, until: '2025-06-30' }, '2025-06-30')).toBeUndefined();
    expect(entrustmentRefusal({ ...unit, level: 'province', from: '2025-07-01' }, '2025-07-01')).toBeUndefined();
  });
});
