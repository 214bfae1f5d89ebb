import { recordCase, TEST_CASE_ID } from '../testing/recorded-case';
import { buildCaseHistory } from './case-history';
import { LATE_RECORDING_DAYS } from './late-recording';

const TODAY = '2025-12-01';
const walk = recordCase([
  { step: 'receive', on: '2025-01-24' },
  { step: 'decide', on: '2025-02-03' },
  { step: 'verify', on: '2025-02-25' },
  { step: 'classify', on: '2025-02-27', data: { class: 'withConditions' } },
  // Recorded 8 days after its date: one day more than the tolerance.
  { step: 'collect', on: '2025-03-10', recordedAt: '2025-03-18T03:00:00.000Z', data: { amount: '1000000' } },
  // Recorded exactly 7 days after: still on time.
  { step: 'collect', on: '2025-03-20', recordedAt: '2025-03-27T03:00:00.000Z', data: { amount: '2000000' } },
]);

describe('a case history built from its stream', () => {
  it('lists every event with its step, label, dates, actor and the state and amounts after it', () => {
    const h = buildCaseHistory(TEST_CASE_ID, walk, {}, { today: TODAY });
    expect(h.events.map((e) => [e.revision, e.step, e.stateAfter])).toEqual([
      [0, 'receive', 'received'],
      [1, 'decide', 'decided'],
      [2, 'verify', 'verified'],
      [3, 'classify', 'classified.withConditions'],
      [4, 'collect', 'classified.withConditions'],
      [5, 'collect', 'classified.withConditions'],
    ]);
    expect(h.events[1]).toMatchObject({
      type: 'EnforcementDecided',
      stepLabel: 'Ra quyết định thi hành án',
      on: '2025-02-03',
      recordedAt: '2025-02-03T03:00:00.000Z',
      actor: { id: 'chv-07', role: 'enforcer', unitId: 'kg-pq' },
      position: 101,
      applied: true,
      correctedBy: null,
      stateAfterLabel: 'Đã ra quyết định thi hành án',
    });
    expect(h.events[5].amountsAfter).toEqual({
      due: '228188311000',
      collected: '3000000',
      disbursed: '0',
      reduced: '0',
      remaining: '228185311000',
    });
    expect(h).toMatchObject({
      state: 'classified.withConditions',
      revision: 5,
      asOf: null,
      asKnownAt: null,
      lateRecordingDays: LATE_RECORDING_DAYS,
    });
    expect(h.case).toMatchObject({
      unitId: 'kg-pq',
      origin: 'onRequest',
      receivedOn: '2025-01-24',
      debtor: { name: 'Trần Văn Bình' },
    });
  });

  it(`flags a step recorded more than ${LATE_RECORDING_DAYS} days after its business date`, () => {
    const h = buildCaseHistory(TEST_CASE_ID, walk, {}, { today: TODAY });
    expect(h.events.map((e) => e.lateRecorded)).toEqual([false, false, false, false, true, false]);
    expect(h.events[4].recordingDelayDays).toBe(8);
    expect(h.events[5].recordingDelayDays).toBe(7);
  });

  it('asOf: the case at the end of that day, the steps allowed then, and only the events dated up to it', () => {
    const h = buildCaseHistory(TEST_CASE_ID, walk, { asOf: '2025-02-26' }, { today: TODAY });
    expect(h).toMatchObject({ asOf: '2025-02-26', state: 'verified', revision: 2, amounts: { collected: '0' } });
    expect(h.events).toHaveLength(3);
    expect(h.allowedSteps).toEqual(expect.arrayContaining(['classify', 'verify', 'correct']));
    expect(h.allowedSteps).not.toContain('seize');
  });

  it('asOf before receipt: not yet a case, no events', () => {
    const h = buildCaseHistory(TEST_CASE_ID, walk, { asOf: '2025-01-23' }, { today: TODAY });
    expect(h).toMatchObject({
      state: null,
      stateLabel: 'Chưa tiếp nhận',
      amounts: null,
      allowedSteps: [],
      revision: null,
      case: null,
      events: [],
    });
  });

  it('asKnownAt: ignores what was recorded later, even when dated earlier; combines with asOf', () => {
    const knownBefore = buildCaseHistory(
      TEST_CASE_ID,
      walk,
      { asKnownAt: new Date('2025-03-15T00:00:00Z') },
      { today: TODAY },
    );
    expect(knownBefore.events.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    expect(knownBefore.amounts?.collected).toBe('0');
    const both = buildCaseHistory(
      TEST_CASE_ID,
      walk,
      { asOf: '2025-03-12', asKnownAt: new Date('2025-03-18T05:00:00Z') },
      { today: TODAY },
    );
    expect(both).toMatchObject({
      revision: 4,
      amounts: { collected: '1000000' },
      asKnownAt: '2025-03-18T05:00:00.000Z',
    });
  });

  it('shows a corrected step beside its correction; asOf counts the corrected step as never taken', () => {
    const corrected = recordCase([
      { step: 'receive', on: '2025-01-24' },
      { step: 'decide', on: '2025-02-03' },
      { step: 'collect', on: '2025-02-05', data: { amount: '5000000' } },
      { step: 'correct', on: '2025-02-10', data: { correctsEventId: 'e-2', reason: 'nhập nhầm số tiền' } },
    ]);
    const h = buildCaseHistory(TEST_CASE_ID, corrected, {}, { today: TODAY });
    expect(h.events[2]).toMatchObject({ correctedBy: 'e-3', amountsAfter: { collected: '5000000' } });
    expect(h.events[3]).toMatchObject({ step: 'correct', stateAfter: 'decided', amountsAfter: { collected: '0' } });
    expect(buildCaseHistory(TEST_CASE_ID, corrected, { asOf: '2025-02-06' }, { today: TODAY }).amounts?.collected).toBe(
      '0',
    );
    const before = buildCaseHistory(
      TEST_CASE_ID,
      corrected,
      { asOf: '2025-02-06', asKnownAt: new Date('2025-02-08T00:00:00Z') },
      { today: TODAY },
    );
    expect(before.amounts?.collected).toBe('5000000');
  });

  it('asks the deadlines hook for the events up to the date, and attributes what each event opened and met', () => {
    const seen: Array<[number, string]> = [];
    const deadline = {
      rule: 'decision',
      trigger: { step: 'receive', on: '2025-01-24' },
      satisfiedOn: '2025-02-03',
      status: 'met',
    };
    const h = buildCaseHistory(
      TEST_CASE_ID,
      walk,
      { asOf: '2025-03-01' },
      {
        today: TODAY,
        deadlinesFor: (events, asOf) => {
          seen.push([events.length, asOf]);
          return [deadline];
        },
      },
    );
    expect(seen).toEqual([[4, '2025-03-01']]);
    expect(h.deadlines).toEqual([deadline]);
    expect(h.events[0].deadlinesOpened).toEqual([deadline]);
    expect(h.events[1].deadlinesMet).toEqual([deadline]);
    expect(h.events[2]).toMatchObject({ deadlinesOpened: [], deadlinesMet: [] });
  });
});
