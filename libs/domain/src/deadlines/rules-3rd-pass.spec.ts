import { createWorkingDayCalendar } from '../calendar/calendar';
import { DeadlineItem, evaluateDeadlines } from './evaluate';
import { RecordedStep } from './recorded-step';

// The auditor's second review of issue 20: each rule with the article it comes from.

const calendar = createWorkingDayCalendar();
const s = (step: string, on: string, data: Record<string, unknown> = {}): RecordedStep => ({ step, on, data });
const find = (steps: RecordedStep[], asOf: string, rule: string): DeadlineItem[] =>
  evaluateDeadlines(steps, asOf, calendar).filter((d) => d.rule === rule);
const ids = (steps: RecordedStep[], asOf: string) => evaluateDeadlines(steps, asOf, calendar).map((d) => d.rule);

const entrustedIn = (on: string, more: Record<string, unknown> = {}) =>
  s('receive', on, {
    origin: 'onRequest',
    entrustedFrom: { caseId: 'c-1', unitId: 'u-1', firstDecisionOn: '2024-01-05' },
    ...more,
  });

describe('the receiving unit decides on an entrusted case within 5 working days (Luật THADS Điều 57.1.b, as amended by Luật 03/2022/QH15)', () => {
  it("runs from the entrusted-in receipt, and is met by the receiving unit's decision", () => {
    const [item] = find(
      [entrustedIn('2025-03-10'), s('decide', '2025-03-14')],
      '2025-04-01',
      'receiver-decides-entrusted-case',
    );
    expect(item).toMatchObject({
      regime: '2015',
      due: '2025-03-17',
      status: 'met',
      legalBasis: { article: 'Điều 57.1.b' },
    });
  });

  it('is overdue when the receiving unit has not decided, counted on working days', () => {
    expect(find([entrustedIn('2025-03-10')], '2025-03-20', 'receiver-decides-entrusted-case')[0]).toMatchObject({
      due: '2025-03-17',
      status: 'overdue',
      daysOverdue: 3,
    });
  });

  it('replaces the ordinary decision rules there (rows 3–4), and is not opened for an ordinary receipt', () => {
    const rules = ids([entrustedIn('2025-03-10')], '2025-03-20');
    expect(rules).toContain('receiver-decides-entrusted-case');
    expect(rules).not.toContain('decide-on-request');
    expect(ids([s('receive', '2025-03-10', { origin: 'onRequest' })], '2025-03-20')).not.toContain(
      'receiver-decides-entrusted-case',
    );
  });

  it('follows the regime of the receipt: before 1 March 2022 under Điều 57 (likely), from 1 July 2026 the 2025 Law (unsure)', () => {
    expect(find([entrustedIn('2021-06-01')], '2021-07-01', 'receiver-decides-entrusted-case')[0]).toMatchObject({
      regime: '2015',
      legalBasis: { article: 'Điều 57' },
    });
    expect(find([entrustedIn('2026-07-06')], '2026-08-01', 'receiver-decides-entrusted-case')[0]).toMatchObject({
      regime: '2026',
    });
  });

  it('leaves an entrusted interim measure to its immediate rule (Điều 36.2)', () => {
    const rules = ids([entrustedIn('2025-03-10', { interimMeasure: true })], '2025-03-20');
    expect(rules).toContain('decide-interim-measure');
    expect(rules).not.toContain('receiver-decides-entrusted-case');
  });
});

describe('a bankruptcy court decision is decided within 3 working days (Luật THADS Điều 36.2.e, as amended by Luật 64/2014/QH13)', () => {
  it('has its own 3-WD term instead of the ex officio 5 working days', () => {
    const steps = [
      s('receive', '2025-03-10', { origin: 'exOfficio', bankruptcyDecision: true }),
      s('decide', '2025-03-14'),
    ];
    expect(find(steps, '2025-04-01', 'decide-bankruptcy')[0]).toMatchObject({
      due: '2025-03-13',
      status: 'late',
      daysLate: 1,
    });
    expect(ids(steps, '2025-04-01')).not.toContain('decide-ex-officio');
  });

  it('before 1 July 2015 stays under the ex officio rule: no term of its own was read in the 2008 text', () => {
    const rules = ids([s('receive', '2014-03-10', { origin: 'exOfficio', bankruptcyDecision: true })], '2014-04-01');
    expect(rules).toContain('decide-ex-officio');
    expect(rules).not.toContain('decide-bankruptcy');
  });
});

describe('decisions on enforcement go to the procuracy within 3 working days (Luật THADS Điều 38)', () => {
  const decided = [s('receive', '2025-03-03', { origin: 'exOfficio' }), s('decide', '2025-03-05')];

  it('is met by a notice with to: procuracy, and not by the notice to the parties', () => {
    const toParties = [...decided, s('notify', '2025-03-06')];
    expect(find(toParties, '2025-03-20', 'send-decision-to-procuracy')[0]).toMatchObject({
      due: '2025-03-10',
      status: 'overdue',
    });
    const sent = [...toParties, s('notify', '2025-03-07', { to: 'procuracy' })];
    expect(find(sent, '2025-03-20', 'send-decision-to-procuracy')[0]).toMatchObject({
      status: 'met',
      satisfiedOn: '2025-03-07',
    });
  });

  it('a notice to the procuracy does not serve the parties, nor start the voluntary period (Điều 39, 45.1)', () => {
    const steps = [...decided, s('notify', '2025-03-06', { to: 'procuracy' })];
    expect(find(steps, '2025-03-20', 'notify-decision')[0]).toMatchObject({ status: 'overdue' });
    expect(find(steps, '2025-03-20', 'voluntary-period')).toEqual([]);
  });

  it('follows postponement, suspension, resumption and the decision of no means, each sent on its own', () => {
    const steps = [
      ...decided,
      s('notify', '2025-03-06', { to: 'procuracy' }),
      s('postpone', '2025-03-10', { reason: 'illness' }),
    ];
    const items = find(steps, '2025-03-20', 'send-decision-to-procuracy');
    expect(items.map((i) => [i.trigger.step, i.status])).toEqual([
      ['decide', 'met'],
      ['postpone', 'overdue'],
    ]);
  });
});

describe('a debtor without conditions is published within 5 working days (TT 04/2023/TT-BTP Điều 5; NĐ 152/2026 Điều 23.1)', () => {
  const without = (on: string) => [
    s('receive', '2025-01-02', { origin: 'exOfficio' }),
    s('decide', '2025-01-03'),
    s('verify', '2025-02-01'),
    s('classify', on, { class: 'withoutConditions', ground: 'noAssets' }),
  ];

  it('is met by a notify with to: public after the decision of no means', () => {
    expect(
      find(
        [...without('2025-03-03'), s('notify', '2025-03-07', { to: 'public' })],
        '2025-04-01',
        'publish-without-conditions',
      )[0],
    ).toMatchObject({ regime: '2015', due: '2025-03-10', status: 'met' });
  });

  it('is not asked before TT 04/2023/TT-BTP came into force (1 October 2023)', () => {
    expect(find(without('2023-06-01'), '2023-07-01', 'publish-without-conditions')).toEqual([]);
  });
});

describe("re-verification on a creditor's differing finding within 5 working days (Luật THADS Điều 44.5)", () => {
  it('judges the verification against the day the finding was received', () => {
    const steps = [
      s('receive', '2025-01-02', { origin: 'exOfficio' }),
      s('decide', '2025-01-03'),
      s('verify', '2025-03-14', { findingOn: '2025-03-05' }),
    ];
    expect(find(steps, '2025-04-01', 'reverify-on-differing-finding')[0]).toMatchObject({
      startsOn: '2025-03-05',
      due: '2025-03-12',
      status: 'late',
      daysLate: 2,
    });
  });
});

describe('periodic re-verification counts as the lifecycle counts (Luật THADS Điều 44.2; NĐ 62/2015 Điều 9.5)', () => {
  const classified = [
    s('receive', '2024-01-02', { origin: 'exOfficio' }),
    s('decide', '2024-01-03'),
    s('verify', '2024-02-01'),
    s('classify', '2024-03-01', { class: 'withoutConditions', ground: 'noAssets' }),
  ];

  it('a verification on the day of the decision of no means does not meet the first periodic term', () => {
    const [first] = find([...classified, s('verify', '2024-03-01')], '2024-10-01', 'periodic-reverification');
    expect(first).toMatchObject({ due: '2024-09-04', status: 'overdue' }); // 1/9 a Sunday, 2–3/9 National Day
  });

  it('two verifications on one day are one: the second neither meets nor opens a term', () => {
    const steps = [...classified, s('verify', '2024-06-03'), s('verify', '2024-06-03')];
    const items = find(steps, '2024-10-01', 'periodic-reverification');
    expect(items.map((i) => [i.trigger.on, i.status, i.satisfiedOn])).toEqual([
      ['2024-03-01', 'met', '2024-06-03'],
      ['2024-06-03', 'open', undefined],
    ]);
  });

  it('a second verification in the same period does not meet the next periodic term; one in the next period does', () => {
    const samePeriod = [...classified, s('verify', '2024-04-01'), s('verify', '2024-08-01')];
    const items = find(samePeriod, '2024-09-01', 'periodic-reverification');
    expect(items.map((i) => [i.trigger.on, i.status])).toEqual([
      ['2024-03-01', 'met'],
      ['2024-04-01', 'open'],
    ]);
    const nextPeriod = [...samePeriod, s('verify', '2024-09-20')];
    expect(find(nextPeriod, '2024-10-01', 'periodic-reverification')[1]).toMatchObject({
      status: 'met',
      satisfiedOn: '2024-09-20',
    });
  });
});

describe("the buyer's payment is met by the full payment only (NĐ 62/2015 Điều 27.3 as amended by NĐ 33/2020)", () => {
  const sold = [
    s('receive', '2025-01-02', { origin: 'exOfficio' }),
    s('decide', '2025-01-03'),
    s('seize', '2025-02-03'),
    s('value', '2025-02-10'),
    s('auction', '2025-03-10', { result: 'sold' }),
  ];

  it('an instalment leaves the term open; the payment with buyerPaidInFull meets it', () => {
    expect(find([...sold, s('collect', '2025-03-20')], '2025-04-01', 'buyer-payment')[0]).toMatchObject({
      status: 'open',
      due: '2025-04-09',
    });
    expect(
      find(
        [...sold, s('collect', '2025-03-20'), s('collect', '2025-04-02', { buyerPaidInFull: true })],
        '2025-04-20',
        'buyer-payment',
      )[0],
    ).toMatchObject({ status: 'met', satisfiedOn: '2025-04-02' });
  });
});

describe('the auction contract recorded before the auction (Luật THADS Điều 101.2)', () => {
  const valued = [
    s('receive', '2025-01-02', { origin: 'exOfficio' }),
    s('decide', '2025-01-03'),
    s('seize', '2025-03-03'),
    s('value', '2025-03-10'),
  ];

  it("runs the auction's term from the signAuctionContract step while the auction is still to come", () => {
    const [held] = find([...valued, s('signAuctionContract', '2025-03-18')], '2025-03-25', 'hold-auction');
    expect(held).toMatchObject({ startsOn: '2025-03-18', due: '2025-04-17', status: 'open' });
    expect(held.startAssumed).toBeUndefined();
    expect(
      find([...valued, s('signAuctionContract', '2025-03-18')], '2025-03-25', 'auction-contract')[0],
    ).toMatchObject({ status: 'met', satisfiedOn: '2025-03-18' });
  });

  it('is met by the auction; the contract step wins over a contractOn the auction also carries', () => {
    const steps = [
      ...valued,
      s('signAuctionContract', '2025-03-18'),
      s('auction', '2025-04-10', { result: 'unsold', contractOn: '2025-03-12' }),
    ];
    expect(find(steps, '2025-05-01', 'hold-auction')[0]).toMatchObject({ startsOn: '2025-03-18', status: 'met' });
  });

  it("old records keep reading the auction's contractOn, and the valuation stands in, marked, when neither is known", () => {
    expect(
      find(
        [...valued, s('auction', '2025-04-10', { result: 'unsold', contractOn: '2025-03-12' })],
        '2025-05-01',
        'hold-auction',
      )[0],
    ).toMatchObject({ startsOn: '2025-03-12' });
    expect(find(valued, '2025-03-25', 'hold-auction')[0]).toMatchObject({
      startsOn: '2025-03-10',
      startAssumed: expect.stringContaining('tạm tính'),
    });
  });
});
