import { CaseEvent } from '../events';
import { LocalDate } from '../local-date';
import { caseReceived, history, step, stepped } from '../testing/builders';
import { given } from '../testing/decider-spec';

// Each guard the law puts on a step (issue 20, points 1–7), with the article it comes from.

const court = (decisionOn: LocalDate, amount: string, more: Record<string, string> = {}) => ({
  amount,
  court: 'TAND Quận 1',
  decisionNumber: '05/QĐ-MGTHA',
  decisionOn,
  stateBudgetItem: 'courtFee' as const,
  ...more,
});
/** An ex officio court fee (a State-budget receipt), decided on 2016-03-01. */
const budgetCase = (amountDue: string, paid?: string): CaseEvent[] => [
  caseReceived({ origin: 'exOfficio', amountDue }, '2016-02-20'),
  stepped('decide', '2016-03-01'),
  ...(paid ? [stepped('collect', '2016-05-01', { amount: paid })] : []),
];

describe('miễn, giảm (Luật THADS Điều 61, 63–64)', () => {
  it("refuses a reduction on a private creditor's claim, however late (Điều 61: State-budget receipts only)", () =>
    given(history.decided(), [stepped('collect', '2024-10-10', { amount: '60000000' })])
      .when(step('reduce', '2026-11-01', court('2026-11-01', '1000000')))
      .thenThrows('case.step-not-allowed', 'reduction-conditions-not-met'));
  it('refuses a reduction without a court decision (Điều 63, 64)', () =>
    given(budgetCase('1500000'))
      .when(step('reduce', '2022-03-01', { amount: '1500000' } as never))
      .thenThrows('case.step-not-allowed', 'reduction-conditions-not-met'));
  it('waives a receipt under 2 million only 5 years after the decision (Điều 61.1.b)', () => {
    given(budgetCase('1500000'))
      .when(step('reduce', '2021-02-28', court('2021-02-28', '1500000')))
      .thenThrows('case.step-not-allowed', 'reduction-conditions-not-met');
    given(budgetCase('1500000'))
      .when(step('reduce', '2021-03-01', court('2021-03-01', '1500000')))
      .thenState('decided');
  });
  it('waives a receipt of 2 to 5 million only after 10 years (Điều 61.1.b)', () => {
    given(budgetCase('3000000'))
      .when(step('reduce', '2025-03-01', court('2025-03-01', '3000000')))
      .thenThrows('case.step-not-allowed', 'reduction-conditions-not-met');
    given(budgetCase('3000000'))
      .when(step('reduce', '2026-03-01', court('2026-03-01', '3000000')))
      .thenState('decided');
  });
  it('reduces a partly paid rest of 10–100 million by at most a quarter, after 5 years (Điều 61.3.a)', () => {
    const paid = budgetCase('50000000', '10000000');
    given(paid)
      .when(step('reduce', '2021-03-01', court('2021-03-01', '10000001')))
      .thenThrows('case.step-not-allowed', 'reduction-conditions-not-met');
    given(paid)
      .when(step('reduce', '2021-02-28', court('2021-02-28', '10000000')))
      .thenThrows('case.step-not-allowed', 'reduction-conditions-not-met');
    given(paid)
      .when(step('reduce', '2021-03-01', court('2021-03-01', '10000000')))
      .thenState('decided');
  });
  it('reduces only once a year per judgment (Điều 61.5)', () => {
    const once = [
      ...budgetCase('50000000', '10000000'),
      stepped('reduce', '2021-03-01', court('2021-03-01', '10000000')),
    ];
    given(once)
      .when(step('reduce', '2022-02-28', court('2022-02-28', '7500000')))
      .thenThrows('case.step-not-allowed', 'reduction-conditions-not-met');
    given(once)
      .when(step('reduce', '2022-03-01', court('2022-03-01', '7500000')))
      .thenState('decided');
  });
  it("counts the wait of a case received by entrustment from the source's first decision (Điều 61.5)", () => {
    const entrustedIn = (firstDecisionOn?: LocalDate) => [
      caseReceived(
        {
          origin: 'exOfficio',
          amountDue: '1500000',
          entrustedFrom: { caseId: 'src', unitId: 'u-hn', ...(firstDecisionOn && { firstDecisionOn }) },
        },
        '2020-02-20',
      ),
      stepped('decide', '2020-03-01'),
    ];
    given(entrustedIn('2016-03-01'))
      .when(step('reduce', '2021-03-01', court('2021-03-01', '1500000')))
      .thenState('decided');
    given(entrustedIn())
      .when(step('reduce', '2021-03-01', court('2021-03-01', '1500000')))
      .thenThrows('case.step-not-allowed', 'reduction-conditions-not-met');
  });
  it('waives the rest of a partly paid fine on hardship without the wait, never a fine not yet touched (Điều 61.4)', () => {
    const hardship = { stateBudgetItem: 'fine', reliefGround: 'hardship' };
    given(budgetCase('9000000', '1000000'))
      .when(step('reduce', '2016-06-01', court('2016-06-01', '8000000', hardship)))
      .thenState('decided');
    given(budgetCase('9000000'))
      .when(step('reduce', '2016-06-01', court('2016-06-01', '9000000', hardship)))
      .thenThrows('case.step-not-allowed', 'reduction-conditions-not-met');
  });
});

describe('limitation of a request (Luật THADS Điều 30, 31.5)', () => {
  const request = (on: LocalDate) => [
    caseReceived({ judgment: { court: 'TAND Quận 1', number: '1/2018/DS-ST', date: '2018-01-10' } }, on),
  ];
  it('enforces a request made on the last day of the 5 years', () =>
    given(request('2023-01-10')).when(step('decide', '2023-01-12')).thenState('decided'));
  it('refuses to decide on a request made after 5 years, naming Điều 30', () => {
    const error = given(request('2023-01-11'))
      .when(step('decide', '2023-01-12'))
      .refusal('case.step-not-allowed', 'request-time-barred');
    expect(error.extra.refusal?.legalBasis).toMatch(/Điều 30/);
    expect(error.extra.allowedSteps).toEqual(['refuse', 'transfer', 'recordCaseKinds']);
  });
  it('enforces a late request on a recognised ground (force majeure, objective obstacle: Điều 30.3; NĐ 62/2015 Điều 4)', () =>
    given(request('2023-06-01'))
      .when(step('decide', '2023-06-02', { limitationGround: 'objectiveObstacle' }))
      .thenState('decided'));
  it('lets the head refuse the late request (Điều 31.5)', () =>
    given(request('2023-06-01'))
      .when(step('refuse', '2023-06-02', { reason: 'timeBarred' }))
      .thenState('refused'));
  it('has no limitation for a case enforced ex officio (Điều 36.2)', () =>
    given([
      caseReceived({ origin: 'exOfficio', judgment: { court: 'TAND', number: '1', date: '2010-01-10' } }, '2023-06-01'),
    ])
      .when(step('decide', '2023-06-02'))
      .thenState('decided'));
  it('does not judge again the limitation of a request received by entrustment (Điều 55–57)', () =>
    given([
      caseReceived(
        {
          judgment: { court: 'TAND', number: '1', date: '2015-01-10' },
          entrustedFrom: { caseId: 'src', unitId: 'u-hn' },
        },
        '2023-06-01',
      ),
    ])
      .when(step('decide', '2023-06-02'))
      .thenState('decided'));
  it("accepts a sent-back request's ground only from 1 July 2026 (NĐ 152/2026 Điều 22.2)", () =>
    given(request('2023-06-01'))
      .when(step('decide', '2023-06-02', { limitationGround: 'requestSentBack' }))
      .thenThrows('case.step-not-allowed', 'request-time-barred'));
});

describe('entrustment (Luật THADS Điều 55–57)', () => {
  it('refuses entrusting a case to its own unit', () => {
    const error = given(history.decided())
      .when(step('entrust', '2024-10-20', { toUnitId: 'u-hcm-q1' }))
      .refusal('case.step-not-allowed', 'entrust-to-own-unit');
    expect(error.extra.refusal?.legalBasis).toMatch(/Điều 55/);
  });
  it('entrusts to another unit', () =>
    given(history.decided())
      .when(step('entrust', '2024-10-20', { toUnitId: 'u-hn' }))
      .thenState('entrusted'));
});

describe('delivery of an auctioned asset (NĐ 62/2015 Điều 27.3; NĐ 152/2026 Điều 67.1)', () => {
  it('refuses delivery before the buyer has paid in full', () =>
    given(history.auctioned())
      .when(step('deliver', '2025-01-05'))
      .thenThrows('case.step-not-allowed', 'buyer-not-paid-in-full'));
  it('refuses delivery after a payment that is not the full price', () =>
    given(history.auctioned(), [stepped('collect', '2025-01-05', { amount: '30000000' })])
      .when(step('deliver', '2025-01-06'))
      .thenThrows('case.step-not-allowed', 'buyer-not-paid-in-full'));
  it('delivers once the buyer has paid in full', () =>
    given(history.auctioned(), [
      stepped('collect', '2025-01-05', { amount: '30000000' }),
      stepped('collect', '2025-01-15', { amount: '70000000', buyerPaidInFull: true }),
    ])
      .when(step('deliver', '2025-01-20'))
      .thenState('auctioned'));
  it('a new seizure starts a new sale: the earlier payment does not deliver the new asset', () =>
    given(history.auctioned(), [
      stepped('collect', '2025-01-05', { amount: '10000000', buyerPaidInFull: true }),
      stepped('seize', '2025-01-10'),
      stepped('value', '2025-01-20'),
      stepped('auction', '2025-02-20'),
    ])
      .when(step('deliver', '2025-02-21'))
      .thenThrows('case.step-not-allowed', 'buyer-not-paid-in-full'));
});

describe('coercion inside the voluntary period (Luật THADS Điều 45, 46.1)', () => {
  const notified = (o: Partial<CaseEvent['data']> = {}, on = '2024-10-20') => [
    ...history.decided(o),
    stepped('notify', on),
    stepped('verify', on),
    stepped('classify', on),
  ];
  it('refuses a seizure on the last day of the 10 days from the notice', () => {
    const error = given(notified())
      .when(step('seize', '2024-10-30'))
      .refusal('case.step-not-allowed', 'voluntary-period-running');
    expect(error.extra.refusal?.legalBasis).toMatch(/Điều 45/);
  });
  it('seizes the day after the period ran out', () =>
    given(notified()).when(step('seize', '2024-10-31')).thenState('seized'));
  it('seizes at once to stop the debtor dissipating assets (Điều 45.2)', () =>
    given(notified())
      .when(step('seize', '2024-10-21', { immediateGround: 'dissipatingAssets' }))
      .thenState('seized'));
  it('ends on the next working day of the ordinary calendar, as the deadline does (Bộ luật Dân sự Điều 148)', () => {
    // Notice on 16/4/2025: day 10 is Saturday 26/4 (a swapped working day for civil servants only),
    // then Sunday; the debtor's period runs to Monday 28/4.
    given(notified({}, '2025-04-16'))
      .when(step('seize', '2025-04-27'))
      .thenThrows('case.step-not-allowed', 'voluntary-period-running');
    given(notified({}, '2025-04-16'))
      .when(step('seize', '2025-04-28'))
      .thenThrows('case.step-not-allowed', 'voluntary-period-running');
    given(notified({}, '2025-04-16')).when(step('seize', '2025-04-29')).thenState('seized');
  });
  it('counts 15 days before 1 July 2015 (Luật THADS 2008 Điều 45.1)', () => {
    const old = [
      caseReceived({}, '2014-03-01'),
      stepped('decide', '2014-03-03'),
      stepped('notify', '2014-03-05'),
      stepped('verify', '2014-03-06'),
      stepped('classify', '2014-03-06'),
    ];
    given(old).when(step('seize', '2014-03-20')).thenThrows('case.step-not-allowed', 'voluntary-period-running');
    given(old).when(step('seize', '2014-03-21')).thenState('seized');
  });
});

describe('verifications that count toward separate tracking (Luật THADS Điều 44.2; NĐ 62/2015 Điều 9.5)', () => {
  const since = '2024-10-28';
  const exOfficio = history.withoutConditions({ origin: 'exOfficio' }, since);
  it('two verifications on one day are one', () =>
    given(exOfficio, [stepped('verify', '2025-04-20'), stepped('verify', '2025-04-20')])
      .when(step('moveToSeparateTracking', '2025-11-01'))
      .thenThrows('case.step-not-allowed', 'separate-tracking-conditions-not-met'));
  it('two in one six-month period are one', () =>
    given(exOfficio, [stepped('verify', '2025-01-20'), stepped('verify', '2025-04-20')])
      .when(step('moveToSeparateTracking', '2025-11-01'))
      .thenThrows('case.step-not-allowed', 'separate-tracking-conditions-not-met'));
  it('one in each six-month period count twice', () =>
    given(exOfficio, [stepped('verify', '2025-04-20'), stepped('verify', '2025-04-28')])
      .when(step('moveToSeparateTracking', '2025-11-01'))
      .thenState('separateTracking'));
  it('a debtor of unknown address is verified yearly: two within one year are one', () => {
    const unknown = [
      caseReceived({ origin: 'exOfficio' }, '2023-05-01'),
      stepped('decide', '2023-05-03'),
      stepped('verify', '2023-05-25'),
      stepped('classify', '2023-06-01', { class: 'withoutConditions', ground: 'addressUnknown' }),
    ];
    given(unknown, [stepped('verify', '2023-12-01'), stepped('verify', '2024-05-31')])
      .when(step('moveToSeparateTracking', '2025-06-02'))
      .thenThrows('case.step-not-allowed', 'separate-tracking-conditions-not-met');
    given(unknown, [stepped('verify', '2023-12-01'), stepped('verify', '2024-06-01')])
      .when(step('moveToSeparateTracking', '2025-06-02'))
      .thenState('separateTracking');
  });
});

describe('an auction that did not sell (Luật THADS Điều 44a, 104)', () => {
  it('classifies the seized case without conditions from where it stands', () =>
    given(history.seized(), [
      stepped('value', '2024-11-20'),
      stepped('auction', '2024-12-20', { result: 'unsold', price: undefined }),
    ])
      .when(step('classify', '2025-01-10', { class: 'withoutConditions', ground: 'noAssets' }))
      .thenState('classified.withoutConditions'));
  it('not before an auction has failed', () =>
    given(history.seized())
      .when(step('classify', '2024-12-01', { class: 'withoutConditions', ground: 'noAssets' }))
      .thenThrows('case.step-not-allowed', 'auction-not-failed'));
  it('not when another asset was seized since', () =>
    given(history.seized(), [
      stepped('auction', '2024-12-20', { result: 'unsold', price: undefined }),
      stepped('seize', '2025-01-05'),
    ])
      .when(step('classify', '2025-01-10', { class: 'withoutConditions', ground: 'noAssets' }))
      .thenThrows('case.step-not-allowed', 'auction-not-failed'));
});
