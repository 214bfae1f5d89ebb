import { createWorkingDayCalendar } from '../calendar/calendar';
import { DeadlineItem, evaluateDeadlines } from './evaluate';
import { RecordedStep } from './recorded-step';

const calendar = createWorkingDayCalendar();
const s = (step: string, on: string, data: Record<string, unknown> = {}): RecordedStep => ({
  step,
  on,
  data,
  eventId: `${step}@${on}`,
});
const onRequest = (on: string) => s('receive', on, { origin: 'onRequest' });
const exOfficio = (on: string) => s('receive', on, { origin: 'exOfficio' });

const deadlines = (steps: RecordedStep[], asOf: string, rule?: string): DeadlineItem[] =>
  evaluateDeadlines(steps, asOf, calendar).filter((d) => rule === undefined || d.rule === rule);
const only = (steps: RecordedStep[], asOf: string, rule: string): DeadlineItem => {
  const found = deadlines(steps, asOf, rule);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('the decision on a request (Luật THADS Điều 36.1: 5 working days)', () => {
  const received = onRequest('2025-01-24'); // a Friday, before the Tết break of 25/1–2/2/2025

  it('is due Friday 7 February 2025, not 31 January', () => {
    expect(only([received], '2025-01-31', 'decide-on-request')).toMatchObject({
      status: 'open',
      due: '2025-02-07',
      unit: 'workingDays',
      length: 5,
      regime: '2015',
      trigger: { step: 'receive', on: '2025-01-24', eventId: 'receive@2025-01-24' },
      legalBasis: { article: 'Điều 36.1' },
    });
  });

  it('is met by a decision on 7 February', () => {
    expect(only([received, s('decide', '2025-02-07')], '2025-03-01', 'decide-on-request')).toMatchObject({
      status: 'met',
      satisfiedOn: '2025-02-07',
      satisfiedBy: { step: 'decide', on: '2025-02-07' },
    });
  });

  it('is late by 3 calendar days when the decision comes on Monday 10 February', () => {
    expect(only([received, s('decide', '2025-02-10')], '2025-03-01', 'decide-on-request')).toMatchObject({
      status: 'late',
      satisfiedOn: '2025-02-10',
      daysLate: 3,
    });
  });

  it('is overdue as of 10 February when no decision was recorded by then, whatever came later', () => {
    expect(only([received, s('decide', '2025-02-12')], '2025-02-10', 'decide-on-request')).toMatchObject({
      status: 'overdue',
      daysOverdue: 3,
    });
  });

  it('is cancelled by a refusal, which is judged on its own deadline (Điều 31.5)', () => {
    const steps = [received, s('refuse', '2025-02-10')];
    const decision = only(steps, '2025-03-01', 'decide-on-request');
    expect(decision).toMatchObject({
      status: 'cancelled',
      cancelledBy: { step: 'refuse' },
      cancelReason: 'case-ended',
      caseEndedAs: 'refused',
      daysPastDueWhenCancelled: 3,
    });
    expect(decision.daysOverdue).toBeUndefined();
    expect(only(steps, '2025-03-01', 'refuse-request')).toMatchObject({
      status: 'late',
      startsOn: '2025-01-24',
      due: '2025-02-07',
      daysLate: 3,
    });
  });
});

describe('an interim measure (biện pháp khẩn cấp tạm thời)', () => {
  it('must be decided the day it is received', () => {
    const steps = [
      s('receive', '2025-03-03', { origin: 'exOfficio', interimMeasure: true }),
      s('decide', '2025-03-04'),
    ];
    expect(deadlines(steps, '2025-03-10').map((d) => d.rule)).not.toContain('decide-ex-officio');
    expect(only(steps, '2025-03-10', 'decide-interim-measure')).toMatchObject({
      unit: 'immediately',
      due: '2025-03-03',
      status: 'late',
      daysLate: 1,
    });
  });
});

describe('choosing the regime by the trigger date', () => {
  const opened = (noticeOn: string) => [exOfficio('2015-06-20'), s('decide', '2015-06-24'), s('notify', noticeOn)];

  it('gives a notice of 30 June 2015 the 15-day voluntary period of the 2008 Law', () => {
    expect(only(opened('2015-06-30'), '2015-07-01', 'voluntary-period')).toMatchObject({
      regime: '2009',
      length: 15,
      due: '2015-07-15',
    });
  });

  it('gives a notice of 1 July 2015 the 10 days of Luật 64/2014, ending Saturday 11 July and so on Monday 13 July', () => {
    expect(only(opened('2015-07-01'), '2015-07-01', 'voluntary-period')).toMatchObject({
      regime: '2015',
      length: 10,
      due: '2015-07-13',
    });
  });

  it('picks the delivery term by the payment date: 30 days before 2025, 60 days from 1 January 2025', () => {
    const sold = [exOfficio('2024-09-02'), s('auction', '2024-11-01', { result: 'sold' })];
    const paid = { buyerPaidInFull: true };
    expect(only([...sold, s('collect', '2024-12-31', paid)], '2025-01-05', 'deliver-sold-asset')).toMatchObject({
      length: 30,
      due: '2025-02-03',
    });
    expect(only([...sold, s('collect', '2025-01-02', paid)], '2025-01-05', 'deliver-sold-asset')).toMatchObject({
      length: 60,
      due: '2025-03-03',
    });
  });

  it('runs the delivery term from the full payment, not from a first instalment (NĐ 62/2015 Điều 27.3)', () => {
    const sold = [exOfficio('2024-09-02'), s('auction', '2024-11-01', { result: 'sold' })];
    expect(deadlines([...sold, s('collect', '2025-01-02')], '2025-01-05').map((d) => d.rule)).not.toContain(
      'deliver-sold-asset',
    );
    expect(
      only(
        [...sold, s('collect', '2025-01-02'), s('collect', '2025-01-20', { buyerPaidInFull: true })],
        '2025-01-25',
        'deliver-sold-asset',
      ),
    ).toMatchObject({ due: '2025-03-21' });
  });
});

describe('postponement and suspension pause the terms they affect', () => {
  const opened = [exOfficio('2025-02-25'), s('decide', '2025-03-03'), s('notify', '2025-03-04')];

  it('lengthens a day term by the calendar days postponed (10/3 to the day before the resumption of 20/3)', () => {
    const steps = [...opened, s('postpone', '2025-03-10', { reason: 'illness' }), s('resume', '2025-03-20')];
    expect(only(steps, '2025-03-21', 'voluntary-period')).toMatchObject({
      due: '2025-03-24',
      pausedUnits: 10,
      status: 'open',
    });
    expect(only(steps, '2025-03-25', 'first-verification')).toMatchObject({
      startsOn: '2025-03-24',
      due: '2025-04-03',
    });
  });

  it('lengthens a working-day term by the working days postponed', () => {
    const steps = [
      exOfficio('2025-02-25'),
      s('seize', '2025-03-03'),
      s('postpone', '2025-03-05', { reason: 'partiesAgree' }),
      s('resume', '2025-03-12'),
      s('value', '2025-03-14'),
    ];
    expect(only(steps, '2025-03-20', 'appraisal-contract')).toMatchObject({
      due: '2025-03-17',
      pausedUnits: 5,
      status: 'met',
    });
  });

  it('keeps the term open while the case stays postponed', () => {
    const steps = [...opened, s('postpone', '2025-03-10', { reason: 'illness' })];
    expect(only(steps, '2025-06-30', 'voluntary-period')).toMatchObject({ status: 'open', pausedSince: '2025-03-10' });
  });

  it('stops counting paused days at the act done during the pause', () => {
    const steps = [
      ...opened,
      s('postpone', '2025-03-10', { reason: 'illness' }),
      s('collect', '2025-03-12', { amount: '100' }),
    ];
    expect(only(steps, '2025-06-30', 'voluntary-period')).toMatchObject({
      pausedUnits: 2,
      due: '2025-03-17',
      status: 'met',
    });
  });

  it('ignores a postponement that begins after the due date', () => {
    const steps = [...opened, s('postpone', '2025-03-20', { reason: 'illness' })];
    expect(only(steps, '2025-03-21', 'voluntary-period')).toMatchObject({ due: '2025-03-14', status: 'overdue' });
  });
});

describe('cancellation', () => {
  it('cancels the open decision deadline when the case is terminated before it is due', () => {
    expect(
      only(
        [exOfficio('2025-03-03'), s('terminate', '2025-03-05', { reason: 'creditorWaiver' })],
        '2025-04-01',
        'decide-ex-officio',
      ),
    ).toMatchObject({ status: 'cancelled', cancelledBy: { step: 'terminate', on: '2025-03-05' } });
  });

  it('cancels the periodic re-verification when the case is terminated', () => {
    const steps = [
      exOfficio('2025-01-02'),
      s('decide', '2025-01-03'),
      s('classify', '2025-01-10', { class: 'withoutConditions', ground: 'noAssets' }),
      s('terminate', '2025-03-01', { reason: 'debtorDiedNoEstate' }),
    ];
    expect(only(steps, '2025-12-31', 'periodic-reverification')).toMatchObject({ status: 'cancelled' });
  });
});

describe('decisions judged against the date of their ground (groundOn)', () => {
  it('finds a postponement decided 7 working days after its ground late by 2 days', () => {
    const steps = [
      exOfficio('2025-03-01'),
      s('decide', '2025-03-03'),
      s('postpone', '2025-03-12', { reason: 'illness', groundOn: '2025-03-03' }),
    ];
    expect(only(steps, '2025-03-12', 'decide-postponement')).toMatchObject({
      status: 'late',
      startsOn: '2025-03-03',
      due: '2025-03-10',
      daysLate: 2,
    });
  });

  it('opens nothing when the ground date was not recorded', () => {
    expect(
      deadlines(
        [exOfficio('2025-03-01'), s('postpone', '2025-03-12', { reason: 'illness' })],
        '2025-03-12',
        'decide-postponement',
      ),
    ).toEqual([]);
  });

  it('tells a resumption after postponement from one after suspension', () => {
    const steps = [
      exOfficio('2025-03-01'),
      s('suspend', '2025-03-03', { reason: 'protest' }),
      s('resume', '2025-03-20', { groundOn: '2025-03-17' }),
    ];
    expect(deadlines(steps, '2025-03-31').map((d) => d.rule)).toContain('resume-after-suspension');
    expect(deadlines(steps, '2025-03-31').map((d) => d.rule)).not.toContain('resume-after-postponement');
  });
});

describe('cases without conditions', () => {
  const classified = [
    exOfficio('2024-01-02'),
    s('decide', '2024-01-03'),
    s('verify', '2024-01-05'),
    s('classify', '2024-01-10', { class: 'withoutConditions', ground: 'noAssets' }),
  ];

  it('re-verifies at least every 6 months, each verification opening the next, until two have been made', () => {
    const steps = [...classified, s('verify', '2024-07-01'), s('verify', '2025-01-20')];
    expect(
      deadlines(steps, '2025-12-31', 'periodic-reverification').map((d) => [d.trigger.on, d.due, d.status, d.daysLate]),
    ).toEqual([
      ['2024-01-10', '2024-07-10', 'met', undefined],
      ['2024-07-01', '2025-01-02', 'late', 18], // 1/1/2025 is Tết Dương lịch
    ]);
  });

  it("re-verifies yearly when the debtor's address is unknown", () => {
    const steps = [
      ...classified.slice(0, 3),
      s('classify', '2024-01-10', { class: 'withoutConditions', ground: 'addressUnknown' }),
    ];
    expect(only(steps, '2024-02-01', 'periodic-reverification')).toMatchObject({ length: 12, due: '2025-01-10' });
  });

  it('checks the decision of lack of conditions against the verification that found it (NĐ 62/2015 Điều 9.4)', () => {
    expect(only(classified, '2024-02-01', 'decide-without-conditions')).toMatchObject({
      startsOn: '2024-01-05',
      due: '2024-01-12',
      status: 'met',
    });
  });

  it('moves to separate tracking within 3 working days of meeting the conditions (1 year, 2 verifications)', () => {
    const steps = [
      ...classified,
      s('verify', '2024-06-01'),
      s('verify', '2024-12-01'),
      s('moveToSeparateTracking', '2025-01-20'),
    ];
    expect(only(steps, '2025-02-01', 'move-to-separate-tracking')).toMatchObject({
      startsOn: '2025-01-10',
      due: '2025-01-15',
      status: 'late',
      daysLate: 5,
    });
  });

  it('does not open the move before the conditions are met', () => {
    expect(deadlines([...classified, s('verify', '2024-06-01')], '2025-06-01', 'move-to-separate-tracking')).toEqual(
      [],
    );
  });

  it('asks for a verification within 10 days of new information (restore)', () => {
    const steps = [
      ...classified,
      s('verify', '2024-06-01'),
      s('verify', '2024-12-01'),
      s('moveToSeparateTracking', '2025-01-14'),
      s('restore', '2025-05-05'),
    ];
    expect(only(steps, '2025-05-20', 'verify-new-information')).toMatchObject({
      due: '2025-05-15',
      status: 'overdue',
      daysOverdue: 5,
    });
  });
});

describe('assets', () => {
  const seized = [
    exOfficio('2025-01-02'),
    s('decide', '2025-01-03'),
    s('classify', '2025-02-10', { class: 'withConditions' }),
    s('seize', '2025-03-03'),
  ];

  it('gives 30 days from valuation to auction for movables and 45 for immovables', () => {
    expect(
      only([...seized, s('value', '2025-03-10', { assetKind: 'movable' })], '2025-03-11', 'hold-auction'),
    ).toMatchObject({ length: 30, due: '2025-04-09' });
    expect(
      only([...seized, s('value', '2025-03-10', { assetKind: 'immovable' })], '2025-03-11', 'hold-auction'),
    ).toMatchObject({ length: 45, due: '2025-04-24' });
  });

  it('takes a contract date carried by the auction as proof of the auction contract', () => {
    const steps = [
      ...seized,
      s('value', '2025-03-10'),
      s('auction', '2025-04-20', { result: 'sold', contractOn: '2025-03-18' }),
    ];
    expect(only(steps, '2025-04-30', 'auction-contract')).toMatchObject({ satisfiedOn: '2025-03-18', status: 'met' });
  });

  it('follows a sale through payment, delivery and payout', () => {
    const steps = [
      ...seized,
      s('value', '2025-03-10'),
      s('auction', '2025-04-01', { result: 'sold' }),
      s('collect', '2025-04-25', { amount: '100', buyerPaidInFull: true }),
      s('deliver', '2025-06-10'),
      s('disburse', '2025-06-25', { amount: '100' }),
    ];
    const byRule = Object.fromEntries(deadlines(steps, '2025-07-01').map((d) => [d.rule, [d.due, d.status]]));
    expect(byRule).toMatchObject({
      // The buyer's term is counted on the civil calendar (BLDS Điều 148): 2/5/2025 is a day off
      // only for civil servants (swapped for Saturday 26/4), a working day for the buyer.
      'buyer-payment': ['2025-05-02', 'met'],
      'deliver-sold-asset': ['2025-06-24', 'met'],
      'disburse-after-delivery': ['2025-06-20', 'late'],
    });
    expect(byRule['disburse-collected']).toBeUndefined();
  });

  it('asks for a payout within 10 days of an ordinary collection', () => {
    const steps = [...seized.slice(0, 3), s('collect', '2025-03-03', { amount: '100' })];
    expect(only(steps, '2025-03-20', 'disburse-collected')).toMatchObject({
      due: '2025-03-13',
      status: 'overdue',
      daysOverdue: 7,
    });
  });
});

describe('the end of a case closes every deadline still open', () => {
  // A sale paid for on 4/11/2026, paid out and completed without a recorded delivery (the demo's
  // demo-0251): the delivery term (60 days, NĐ 152/2026 Điều 67.1) can never be met after completion.
  const completed = [
    exOfficio('2026-07-25'),
    s('decide', '2026-07-27'),
    s('classify', '2026-08-13', { class: 'withConditions' }),
    s('seize', '2026-09-03', { assetKind: 'movable' }),
    s('value', '2026-09-24'),
    s('auction', '2026-10-20', { result: 'sold' }),
    s('collect', '2026-11-04', { amount: '100', buyerPaidInFull: true }),
    s('disburse', '2026-11-05', { amount: '100' }),
    s('complete', '2026-11-12'),
  ];

  it.each(['2026-11-22', '2027-06-30', '2028-05-27'])(
    'cancels the delivery of a sold asset on completion, as of %s, with no days overdue',
    (asOf) => {
      const delivery = only(completed, asOf, 'deliver-sold-asset');
      expect(delivery).toMatchObject({
        status: 'cancelled',
        cancelReason: 'case-ended',
        caseEndedAs: 'completed',
        cancelledBy: { step: 'complete', on: '2026-11-12', eventId: 'complete@2026-11-12' },
      });
      expect(delivery.daysOverdue).toBeUndefined();
      expect(delivery.daysPastDueWhenCancelled).toBeUndefined();
      expect(deadlines(completed, asOf).filter((d) => d.status === 'open' || d.status === 'overdue')).toEqual([]);
    },
  );

  it('keeps the delivery open before the completion, as the steps stood that day', () => {
    expect(only(completed, '2026-11-11', 'deliver-sold-asset')).toMatchObject({ status: 'open', due: '2027-01-04' });
  });

  it('closes a payout missed before completion and records by how much it had been missed', () => {
    const steps = [
      exOfficio('2024-10-10'),
      s('decide', '2024-10-17'),
      s('notify', '2024-10-20'),
      s('collect', '2024-10-25', { amount: '100' }),
      s('complete', '2024-11-20'),
    ];
    const payout = only(steps, '2026-11-22', 'disburse-collected');
    expect(payout).toMatchObject({
      status: 'cancelled',
      cancelReason: 'case-ended',
      due: '2024-11-04',
      daysPastDueWhenCancelled: 16,
    });
    expect(payout.daysOverdue).toBeUndefined();
  });

  it.each([
    ['terminated', 'terminate', { reason: 'creditorWaiver' }],
    ['entrusted', 'entrust', { toUnitId: 'kg' }],
    ['revoked', 'revoke', {}],
  ])('closes them when the case is %s, whatever the rule lists as cancelling', (state, step, data) => {
    const steps = [
      ...completed.slice(0, -3),
      s('collect', '2026-11-04', { amount: '100', buyerPaidInFull: true }),
      s(step, '2026-11-20', data),
    ];
    expect(only(steps, '2028-01-01', 'deliver-sold-asset')).toMatchObject({ status: 'cancelled' });
    // The auction itself ends the appraisal-contract term (superseded); every other one closes with the case.
    const closedByEnd = deadlines(steps, '2028-01-01').filter(
      (x) => x.status === 'cancelled' && x.cancelReason !== 'superseded',
    );
    expect(closedByEnd.length).toBeGreaterThan(0);
    for (const d of closedByEnd) {
      expect(d).toMatchObject({
        cancelReason: 'case-ended',
        caseEndedAs: state,
        cancelledBy: { step, on: '2026-11-20' },
      });
    }
    expect(deadlines(steps, '2028-01-01').map((d) => d.status)).not.toContain('overdue');
    expect(deadlines(steps, '2028-01-01').map((d) => d.status)).not.toContain('open');
  });

  it('tells a deadline made moot by a later step of a running case from one closed by its end', () => {
    const steps = [...completed.slice(0, 5), s('value', '2026-09-30')];
    expect(deadlines(steps, '2026-10-01', 'hold-auction').map((d) => [d.trigger.on, d.status, d.cancelReason])).toEqual(
      [
        ['2026-09-24', 'cancelled', 'superseded'],
        ['2026-09-30', 'open', undefined],
      ],
    );
  });

  it('meets the voluntary period by a completion within it rather than cancelling it', () => {
    const steps = [
      exOfficio('2025-03-03'),
      s('decide', '2025-03-04'),
      s('notify', '2025-03-05'),
      s('complete', '2025-03-10'),
    ];
    expect(only(steps, '2025-06-30', 'voluntary-period')).toMatchObject({
      status: 'met',
      satisfiedBy: { step: 'complete' },
    });
  });

  it('closes a term paused by a suspension when the suspended case is terminated, and stops the pause there', () => {
    const opened = [
      exOfficio('2025-02-25'),
      s('decide', '2025-03-03'),
      s('notify', '2025-03-04'),
      s('suspend', '2025-03-10', { reason: 'protest' }),
    ];
    expect(only(opened, '2025-06-30', 'voluntary-period')).toMatchObject({ status: 'open', pausedSince: '2025-03-10' });
    const ended = only(
      [...opened, s('terminate', '2025-04-01', { reason: 'judgmentAnnulled' })],
      '2025-06-30',
      'voluntary-period',
    );
    expect(ended).toMatchObject({
      status: 'cancelled',
      cancelReason: 'case-ended',
      caseEndedAs: 'terminated',
      pausedUnits: 22,
    });
    expect(ended.pausedSince).toBeUndefined();
  });
});
