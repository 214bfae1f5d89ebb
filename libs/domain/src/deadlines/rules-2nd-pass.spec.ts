import { createWorkingDayCalendar } from '../calendar/calendar';
import { DeadlineItem, evaluateDeadlines } from './evaluate';
import { RecordedStep } from './recorded-step';

const calendar = createWorkingDayCalendar();
const s = (step: string, on: string, data: Record<string, unknown> = {}): RecordedStep => ({ step, on, data });
const find = (steps: RecordedStep[], asOf: string, rule: string): DeadlineItem[] =>
  evaluateDeadlines(steps, asOf, calendar).filter((d) => d.rule === rule);

const seized = (on: string, more: RecordedStep[] = []) => [
  s('receive', '2025-01-02', { origin: 'exOfficio' }),
  s('decide', '2025-01-03'),
  s('seize', on),
  ...more,
];

describe('the auction is held within 30 days of the auction contract, 45 for immovables (Luật THADS Điều 101.2)', () => {
  it('runs from the contract date the auction step carries', () => {
    const steps = seized('2025-03-03', [
      s('value', '2025-03-10'),
      s('auction', '2025-04-20', { result: 'unsold', contractOn: '2025-03-20' }),
    ]);
    const [held] = find(steps, '2025-05-01', 'hold-auction');
    expect(held).toMatchObject({ startsOn: '2025-03-20', due: '2025-04-21', status: 'met' }); // 19/4 Saturday → Monday 21/4
    expect(held.startAssumed).toBeUndefined();
  });

  it('counts 45 days for an immovable, from the contract', () => {
    const steps = seized('2025-03-03', [
      s('value', '2025-03-10', { assetKind: 'immovable' }),
      s('auction', '2025-05-02', { result: 'sold', contractOn: '2025-03-20' }),
    ]);
    expect(find(steps, '2025-06-01', 'hold-auction')[0]).toMatchObject({
      length: 45,
      startsOn: '2025-03-20',
      due: '2025-05-05',
      status: 'met',
    });
  });

  it('runs from the valuation, and says so, while no contract date is known', () => {
    const waiting = seized('2025-03-03', [s('value', '2025-03-10')]);
    expect(find(waiting, '2025-03-20', 'hold-auction')[0]).toMatchObject({
      startsOn: '2025-03-10',
      due: '2025-04-09',
      status: 'open',
      startAssumed: expect.stringContaining('tạm tính từ ngày định giá'),
    });
    const noDate = [...waiting, s('auction', '2025-04-20', { result: 'unsold' })];
    expect(find(noDate, '2025-05-01', 'hold-auction')[0]).toMatchObject({
      startsOn: '2025-03-10',
      status: 'late',
      startAssumed: expect.any(String),
    });
  });

  it('ignores a contract date outside the valuation and the auction', () => {
    const steps = seized('2025-03-03', [
      s('value', '2025-03-10'),
      s('auction', '2025-04-20', { result: 'unsold', contractOn: '2025-03-01' }),
    ]);
    expect(find(steps, '2025-05-01', 'hold-auction')[0]).toMatchObject({
      startsOn: '2025-03-10',
      startAssumed: expect.any(String),
    });
  });

  it('still checks the contract itself within 10 days of the valuation from the same date', () => {
    const steps = seized('2025-03-03', [
      s('value', '2025-03-10'),
      s('auction', '2025-04-20', { result: 'unsold', contractOn: '2025-03-25' }),
    ]);
    expect(find(steps, '2025-05-01', 'auction-contract')[0]).toMatchObject({
      due: '2025-03-20',
      satisfiedOn: '2025-03-25',
      status: 'late',
      daysLate: 5,
    });
  });
});

describe('the notice after an auction that did not sell', () => {
  const unsold = (on: string, more: RecordedStep[] = []) =>
    seized('2025-03-03', [s('value', '2025-03-10'), s('auction', on, { result: 'unsold' }), ...more]);

  it('is due within 5 working days of the failed auction (Luật THADS Điều 104.1) and met by the notice', () => {
    // 25/4, Saturday 26/4 (worked), 28/4, 29/4, then 30/4–2/5 off and the weekend: Monday 5/5.
    expect(find(unsold('2025-04-24'), '2025-04-25', 'notify-failed-auction')[0]).toMatchObject({
      regime: '2015',
      due: '2025-05-05',
      status: 'open',
    });
    expect(
      find(unsold('2025-04-24', [s('notify', '2025-05-05')]), '2025-06-01', 'notify-failed-auction')[0],
    ).toMatchObject({ status: 'met' });
  });

  it('is not opened by a sale', () => {
    const steps = seized('2025-03-03', [s('value', '2025-03-10'), s('auction', '2025-04-24', { result: 'sold' })]);
    expect(find(steps, '2025-06-01', 'notify-failed-auction')).toEqual([]);
  });

  it('is due within 2 working days from 1 July 2026 (NĐ 152/2026/NĐ-CP Điều 65.6)', () => {
    const steps = [
      s('receive', '2026-07-01', { origin: 'exOfficio' }),
      s('value', '2026-08-03'),
      s('auction', '2026-09-10', { result: 'unsold' }),
      s('notify', '2026-09-15'),
    ];
    expect(find(steps, '2026-10-01', 'notify-failed-auction')[0]).toMatchObject({
      regime: '2026',
      length: 2,
      due: '2026-09-14',
      status: 'late',
    });
  });
});

describe('the notice of the valuation result from 1 July 2026 (NĐ 152/2026/NĐ-CP Điều 60.6: 3 working days)', () => {
  it('opens on a valuation and is met by the notice', () => {
    const steps = [
      s('receive', '2026-07-01', { origin: 'exOfficio' }),
      s('value', '2026-08-03'),
      s('notify', '2026-08-06'),
    ];
    expect(find(steps, '2026-09-01', 'notify-valuation')[0]).toMatchObject({
      regime: '2026',
      due: '2026-08-06',
      status: 'met',
    });
  });

  it('has no counterpart before 1 July 2026', () => {
    expect(
      find(
        [s('receive', '2025-07-01', { origin: 'exOfficio' }), s('value', '2025-08-04')],
        '2025-09-01',
        'notify-valuation',
      ),
    ).toEqual([]);
  });
});

describe('the move to separate tracking (NĐ 62/2015 Điều 9.5)', () => {
  const classified = [
    s('receive', '2023-11-01', { origin: 'exOfficio' }),
    s('decide', '2023-11-02'),
    s('verify', '2024-01-05'),
    s('classify', '2024-01-10', { class: 'withoutConditions', ground: 'noAssets' }),
  ];

  // One per 6-month period of the rhythm counts, as the lifecycle counts them (verification-rhythm.ts).
  it('counts two verifications on one day, or in one period, as one', () => {
    expect(
      find(
        [...classified, s('verify', '2024-06-03'), s('verify', '2024-06-03')],
        '2025-06-02',
        'move-to-separate-tracking',
      ),
    ).toEqual([]);
    expect(
      find(
        [...classified, s('verify', '2024-06-03'), s('verify', '2024-06-04')],
        '2025-06-02',
        'move-to-separate-tracking',
      ),
    ).toEqual([]);
    expect(
      find(
        [...classified, s('verify', '2024-06-03'), s('verify', '2024-07-15')],
        '2025-06-02',
        'move-to-separate-tracking',
      )[0],
    ).toMatchObject({ startsOn: '2025-01-10', regime: '2015' });
  });

  it('is not opened without the receipt that says whose case it is', () => {
    expect(
      find(
        [...classified.slice(1), s('verify', '2024-06-03'), s('verify', '2024-12-02')],
        '2025-06-02',
        'move-to-separate-tracking',
      ),
    ).toEqual([]);
  });
});

describe('the first verification (Luật THADS Điều 44.1)', () => {
  it('is met by a verification made after the decision but before the notice, as the lifecycle allows', () => {
    const steps = [
      s('receive', '2025-03-03', { origin: 'exOfficio' }),
      s('decide', '2025-03-04'),
      s('verify', '2025-03-05'),
      s('notify', '2025-03-06'),
    ];
    expect(find(steps, '2025-05-01', 'first-verification')[0]).toMatchObject({
      status: 'met',
      satisfiedOn: '2025-03-05',
    });
  });

  it('is not met by a verification before the decision', () => {
    const steps = [
      s('receive', '2025-03-03', { origin: 'exOfficio' }),
      s('verify', '2025-03-03'),
      s('decide', '2025-03-04'),
      s('notify', '2025-03-06'),
    ];
    expect(find(steps, '2025-05-01', 'first-verification')[0]).toMatchObject({ status: 'overdue' });
  });
});

describe('pauses (Luật THADS Điều 48–49)', () => {
  const withoutConditions = [
    s('receive', '2025-01-02', { origin: 'exOfficio' }),
    s('decide', '2025-01-03'),
    s('verify', '2025-01-20'),
    s('classify', '2025-02-03', { class: 'withoutConditions', ground: 'noAssets' }),
  ];

  it('tell a suspension that follows a postponement apart, for a rule paused only by suspension', () => {
    // Periodic re-verification is paused by the suspension (8/4–7/5: 30 days), not by the postponement
    // before it: 3/8 + 30 days is 2/9, Quốc khánh, so 3/9.
    const steps = [
      ...withoutConditions,
      s('postpone', '2025-03-03', { reason: 'illness' }),
      s('suspend', '2025-04-08', { reason: 'bankruptcyPetition' }),
      s('resume', '2025-05-08'),
    ];
    expect(find(steps, '2025-06-01', 'periodic-reverification')[0]).toMatchObject({
      pausedUnits: 30,
      due: '2025-09-03',
    });
  });

  it('end a term whose last day falls in a pause on the first working day of the resumption', () => {
    // The 10-day payout from Wednesday 5/3 ends Saturday 15/3, so Monday 17/3. Postponed that
    // Monday until the resumption on Thursday 27/3: the 10 paused days would end the term on
    // 25/3, while the case still stood still; it ends on 27/3, the day it could be done again.
    const steps = [
      s('receive', '2025-01-02', { origin: 'exOfficio' }),
      s('collect', '2025-03-05', { amount: '100' }),
      s('postpone', '2025-03-17', { reason: 'illness' }),
      s('resume', '2025-03-27'),
    ];
    expect(find(steps, '2025-04-15', 'disburse-collected')[0]).toMatchObject({ pausedUnits: 10, due: '2025-03-27' });
  });
});

describe('found by walking random cases through the lifecycle', () => {
  it('opens no payout after delivery when nothing was collected from the buyer (NĐ 62/2015 Điều 27.4)', () => {
    const sold = seized('2025-03-03', [s('value', '2025-03-10'), s('auction', '2025-04-10', { result: 'sold' })]);
    expect(find([...sold, s('deliver', '2025-05-05')], '2025-06-30', 'disburse-after-delivery')).toEqual([]);
    expect(
      find(
        [...sold, s('collect', '2025-04-20', { amount: '100' }), s('deliver', '2025-05-05')],
        '2025-06-30',
        'disburse-after-delivery',
      )[0],
    ).toMatchObject({ due: '2025-05-15', status: 'overdue' });
  });

  it('ends the appraisal contract of a seizure when the asset is auctioned without a new valuation (Điều 98.1)', () => {
    const steps = seized('2025-03-03', [s('auction', '2025-03-05', { result: 'unsold' })]);
    expect(find(steps, '2025-06-30', 'appraisal-contract')[0]).toMatchObject({
      status: 'cancelled',
      cancelledBy: { step: 'auction' },
    });
  });
});
