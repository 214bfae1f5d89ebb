import { caseDecider } from './decider';
import { caseReceived, CASE_ID, history, step, stepped, TODAY } from './testing/builders';
import { given } from './testing/decider-spec';
import { stateNameOf } from './lifecycle/states';
import { allowedSteps } from './lifecycle/allowed-steps';
import { allowedStepsOf } from './decider';

const receive = (on = '2024-10-01', today = TODAY) => ({
  kind: 'receive' as const,
  caseId: CASE_ID,
  on,
  today,
  data: (({ caseId: _c, ...d }) => d)(caseReceived().data),
});

describe('receiving a case', () => {
  it('records the judgment and the amount due', () => given().when(receive()).then([caseReceived()]));
  it('refuses a second case with the same id', () =>
    given(history.received()).when(receive()).thenThrows('case.already-exists'));
  it('refuses a date in the future', () =>
    given().when(receive('2026-11-23', '2026-11-22')).thenThrows('case.step-date-in-future'));
});

describe('the main path', () => {
  it('walks received → decided → verified → classified → seized → auctioned → completed', () => {
    const walk = [
      step('decide', '2024-10-03'),
      step('assign', '2024-10-03'),
      step('notify', '2024-10-04'),
      step('verify', '2024-10-25'),
      step('classify', '2024-10-28'),
      step('seize', '2024-11-05'),
      step('value', '2024-11-20'),
      step('auction', '2024-12-20'),
      step('collect', '2025-01-10', { buyerPaidInFull: true }),
      step('deliver', '2025-02-10'),
      step('disburse', '2025-02-15'),
      step('complete', '2025-02-16'),
    ];
    const expected = [
      'decided',
      'decided',
      'decided',
      'verified',
      'classified.withConditions',
      'seized',
      'seized',
      'auctioned',
      'auctioned',
      'auctioned',
      'auctioned',
      'completed',
    ];
    let state = caseDecider.evolve(caseDecider.initialState(), caseReceived());
    const seen = walk.map((command) => {
      state = caseDecider.decide(command, state).reduce(caseDecider.evolve, state);
      return state.status === 'known' ? stateNameOf(state.lifecycle) : 'unknown';
    });
    expect(seen).toEqual(expected);
  });

  it('refuses a step on a case never received', () =>
    given().when(step('decide', '2024-10-03')).thenThrows('case.not-found'));
  it('refuses a step the machine does not allow, listing the allowed ones', () => {
    const error = given(history.received())
      .when(step('seize', '2024-10-03'))
      .refusal('case.step-not-allowed', 'not-in-this-state');
    expect(error.extra.allowedSteps).toEqual(['refuse', 'decide', 'transfer', 'recordCaseKinds']);
  });
  it('refuses a step dated before the previous step', () =>
    given(history.decided()).when(step('verify', '2024-10-02')).thenThrows('case.step-date-before-previous'));
  it('accepts a step on the same day as the previous one', () =>
    given(history.decided()).when(step('verify', '2024-10-03')).thenState('verified'));
  it('refuses a step dated in the future', () =>
    given(history.decided()).when(step('verify', '2026-12-01')).thenThrows('case.step-date-in-future'));
});

describe('classification and seizure', () => {
  it('seizes only with conditions (Luật THADS Điều 71, 87)', () =>
    given(history.withoutConditions()).when(step('seize', '2024-11-05')).thenThrows('case.step-not-allowed'));
  it('refuses to seize a case only verified', () =>
    given(history.verified()).when(step('seize', '2024-11-05')).thenThrows('case.step-not-allowed'));
  it('re-verification keeps the class', () =>
    given(history.withConditions()).when(step('verify', '2024-12-01')).thenState('classified.withConditions'));
  it('classify changes the class', () =>
    given(history.withoutConditions())
      .when(step('classify', '2025-01-01', { class: 'withConditions' }))
      .thenState('classified.withConditions'));
  it('refuses classifying again into the same class', () =>
    given(history.withConditions())
      .when(step('classify', '2024-12-01'))
      .thenThrows('case.step-not-allowed', 'same-class'));
  it('an unsold auction leaves the assets seized', () =>
    given(history.seized())
      .when(step('auction', '2024-12-01', { result: 'unsold', price: undefined }))
      .thenState('seized'));
});

describe('money', () => {
  it('completes only when the amount due is settled (Luật THADS Điều 52)', () =>
    given(history.auctioned(), [stepped('collect', '2025-01-10', { amount: '60000000' })])
      .when(step('complete', '2025-01-11'))
      .thenThrows('case.step-not-allowed', 'amount-not-settled'));
  // A court's waiver of a State-budget rest under 5 million đồng, 5 years after the decision (Luật THADS Điều 61.2).
  it('counts reductions (miễn, giảm) towards settlement', () =>
    given([
      caseReceived({ origin: 'exOfficio', amountDue: '10000000' }, '2018-02-20'),
      stepped('decide', '2018-03-01'),
      stepped('collect', '2019-01-10', { amount: '6000000' }),
      stepped('reduce', '2023-03-02', {
        amount: '4000000',
        court: 'TAND Quận 1',
        decisionNumber: '05/2023/QĐ-MGTHA',
        decisionOn: '2023-03-02',
        stateBudgetItem: 'courtFee',
      }),
    ])
      .when(step('complete', '2023-03-03'))
      .thenState('completed'));
  it('refuses collecting more than remains due', () =>
    given(history.auctioned(), [stepped('collect', '2025-01-10', { amount: '60000000' })])
      .when(step('collect', '2025-01-11', { amount: '40000001' }))
      .thenThrows('case.step-not-allowed', 'amount-exceeds-remaining'));
  it('refuses paying out more than was collected (Luật THADS Điều 47)', () =>
    given(history.auctioned(), [stepped('collect', '2025-01-10', { amount: '60000000' })])
      .when(step('disburse', '2025-01-11', { amount: '60000001' }))
      .thenThrows('case.step-not-allowed', 'amount-exceeds-collected'));
  it('a voluntary payment can complete a case during the voluntary period', () =>
    given(history.decided(), [stepped('collect', '2024-10-05')])
      .when(step('complete', '2024-10-06'))
      .thenState('completed'));
  it('a non-money obligation (amount 0) completes without collection', () =>
    given(history.decided({ amountDue: '0' }))
      .when(step('complete', '2024-10-06'))
      .thenState('completed'));
});

describe('postponement and suspension resume to where the case was (Điều 48.4, 49.3)', () => {
  it('postpone then resume returns to seized', () =>
    given(history.seized(), [stepped('postpone', '2024-12-01')])
      .when(step('resume', '2024-12-20'))
      .thenState('seized'));
  it('suspend then resume returns to classified without conditions', () =>
    given(history.withoutConditions(), [stepped('suspend', '2024-12-01')])
      .when(step('resume', '2024-12-20'))
      .thenState('classified.withoutConditions'));
  it('postponed, then suspended, resumes to where it was before both', () =>
    given(history.auctioned(), [stepped('postpone', '2025-01-01'), stepped('suspend', '2025-01-05')])
      .when(step('resume', '2025-02-01'))
      .thenState('auctioned'));
  it('refuses seizing while postponed', () =>
    given(history.withConditions(), [stepped('postpone', '2024-12-01')])
      .when(step('seize', '2024-12-02'))
      .thenThrows('case.step-not-allowed'));
  it('refuses resuming a case that is not paused', () =>
    given(history.withConditions()).when(step('resume', '2024-12-02')).thenThrows('case.step-not-allowed'));
  it('terminates a postponed case', () =>
    given(history.withConditions(), [stepped('postpone', '2024-12-01')])
      .when(step('terminate', '2024-12-02'))
      .thenState('terminated'));
});

describe('separate tracking, regime 2015 (NĐ 62/2015 Điều 9.5)', () => {
  const twoChecks = [stepped('verify', '2025-04-20'), stepped('verify', '2025-10-20')];
  it('moves after 1 year and two verifications', () =>
    given(history.withoutConditions(), twoChecks)
      .when(step('moveToSeparateTracking', '2025-10-28'))
      .thenState('separateTracking'));
  it('refuses before a year has passed', () =>
    given(history.withoutConditions(), twoChecks)
      .when(step('moveToSeparateTracking', '2025-10-27'))
      .thenThrows('case.step-not-allowed', 'separate-tracking-conditions-not-met'));
  it('refuses with only one verification', () =>
    given(history.withoutConditions(), [stepped('verify', '2025-04-20')])
      .when(step('moveToSeparateTracking', '2025-11-01'))
      .thenThrows('case.step-not-allowed', 'separate-tracking-conditions-not-met'));
  it('waits 2 years when the address is unknown', () =>
    given(history.verified(), [
      stepped('classify', '2024-10-28', { class: 'withoutConditions', ground: 'addressUnknown' }),
      ...twoChecks,
    ])
      .when(step('moveToSeparateTracking', '2025-11-01'))
      .thenThrows('case.step-not-allowed', 'separate-tracking-conditions-not-met'));
  it('refuses from a case with conditions', () =>
    given(history.withConditions())
      .when(step('moveToSeparateTracking', '2026-01-01'))
      .thenThrows('case.step-not-allowed', 'not-in-this-state'));
  it('restores to verification on new information', () =>
    given(history.withoutConditions(), twoChecks, [stepped('moveToSeparateTracking', '2025-11-01')])
      .when(step('restore', '2026-02-01'))
      .thenState('verified'));
});

describe('separate tracking and sending the request back, regime 2026 (NĐ 152/2026 Điều 22)', () => {
  const since = '2025-07-15';
  const checks = [stepped('verify', '2026-01-15')];
  it('needs 2 years from 1 July 2026, even where 1 year would have sufficed before', () =>
    given(history.withoutConditions({ origin: 'exOfficio' }, since), checks, [stepped('verify', '2026-06-15')])
      .when(step('moveToSeparateTracking', '2026-07-20', {}, '2027-12-31'))
      .thenThrows('case.step-not-allowed', 'separate-tracking-conditions-not-met'));
  it('moves an ex officio case after 2 years', () =>
    given(history.withoutConditions({ origin: 'exOfficio' }, since), checks)
      .when(step('moveToSeparateTracking', '2027-07-15', {}, '2027-12-31'))
      .thenState('separateTracking'));
  it('an on-request case is sent back instead of moved', () =>
    given(history.withoutConditions({ origin: 'onRequest' }, since), checks)
      .when(step('moveToSeparateTracking', '2027-07-15', {}, '2027-12-31'))
      .thenThrows('case.step-not-allowed', 'separate-tracking-conditions-not-met'));
  it('sends an on-request case back after 2 years', () =>
    given(history.withoutConditions({ origin: 'onRequest' }, since), checks)
      .when(step('returnRequest', '2027-07-15', {}, '2027-12-31'))
      .thenState('returned'));
  it('refuses sending a request back before 1 July 2026', () =>
    given(history.withoutConditions({ origin: 'onRequest' }, '2023-01-01'), checks)
      .when(step('returnRequest', '2026-06-30'))
      .thenThrows('case.step-not-allowed', 'return-request-conditions-not-met'));
  it('refuses sending back an ex officio case', () =>
    given(history.withoutConditions({ origin: 'exOfficio' }, since), checks)
      .when(step('returnRequest', '2027-07-15', {}, '2027-12-31'))
      .thenThrows('case.step-not-allowed', 'return-request-conditions-not-met'));
});

describe('side exits', () => {
  it('refuses a request (Điều 31.5)', () =>
    given(history.received()).when(step('refuse', '2024-10-02')).thenState('refused'));
  it('cannot refuse an ex officio case', () =>
    given(history.received({ origin: 'exOfficio' }))
      .when(step('refuse', '2024-10-02'))
      .thenThrows('case.step-not-allowed', 'not-on-request'));
  it('entrusts an open case', () =>
    given(history.verified()).when(step('entrust', '2024-11-01')).thenState('entrusted'));
  it('revokes a decision', () => given(history.decided()).when(step('revoke', '2024-11-01')).thenState('revoked'));
  it('nothing follows a final state', () =>
    given(history.decided(), [stepped('revoke', '2024-11-01')])
      .when(step('verify', '2024-11-02'))
      .thenThrows('case.step-not-allowed'));
});

describe('allowed steps', () => {
  // No 'reduce': miễn, giảm is for State-budget receipts only (Luật THADS Điều 61), and this case is on request.
  it('lists what a seized case may do', () => {
    const state = history.seized().reduce(caseDecider.evolve, caseDecider.initialState());
    if (state.status !== 'known') throw new Error('unknown');
    expect(allowedSteps(state.lifecycle, '2024-12-01')).toEqual([
      'assign',
      'notify',
      'seize',
      'value',
      'signAuctionContract',
      'auction',
      'collect',
      'terminate',
      'postpone',
      'suspend',
      'entrust',
      'transfer',
      'revoke',
      'recordCaseKinds',
    ]);
  });
  it('evolve ignores what the machine does not accept', () => {
    const state = [...history.received(), stepped('seize', '2024-10-05')].reduce(
      caseDecider.evolve,
      caseDecider.initialState(),
    );
    expect(state.status === 'known' && stateNameOf(state.lifecycle)).toBe('received');
  });
});

describe('corrections: a mistaken step is voided by a later event, never edited', () => {
  const withIds = (events: ReturnType<typeof history.seized>) => events.map((e, i) => ({ ...e, id: `e-${i}` }));
  const correct = (correctsEventId: string, on = '2024-11-10') =>
    step('correct', on, { correctsEventId, reason: 'nhập nhầm việc' });

  it('voids the latest step: the case is back where it was before it', () =>
    given(withIds(history.seized())).when(correct('e-4')).thenState('classified.withConditions'));
  it('records what it corrects', () => {
    const events = caseDecider.decide(correct('e-4'), given(withIds(history.seized())).state);
    expect(events).toEqual([
      {
        type: 'StepCorrected',
        on: '2024-11-10',
        data: {
          caseId: CASE_ID,
          correctsEventId: 'e-4',
          correctsType: 'AssetsSeized',
          correctsOn: '2024-11-05',
          reason: 'nhập nhầm việc',
        },
      },
    ]);
  });
  it('restores the amounts of a voided collection', () => {
    const past = withIds([...history.auctioned(), stepped('collect', '2025-01-10', { amount: '60000000' })]);
    const state = given(past).state;
    const after = caseDecider.decide(correct('e-7', '2025-01-11'), state).reduce(caseDecider.evolve, state);
    expect(after.status === 'known' && after.lifecycle.context.amounts.collected).toBe(0n);
  });
  it('lets the corrected step be taken again with another date', () => {
    const state = given(withIds(history.seized())).state;
    const after = caseDecider.decide(correct('e-4'), state).reduce(caseDecider.evolve, state);
    expect(caseDecider.decide(step('seize', '2024-11-01'), after)).toHaveLength(1);
  });
  it('refuses correcting a step that is not the latest', () =>
    given(withIds(history.seized())).when(correct('e-3')).thenThrows('case.correction-not-latest'));
  it('refuses correcting the reception itself', () =>
    given(withIds(history.received())).when(correct('e-0', '2024-10-02')).thenThrows('case.correction-not-allowed'));
  it('lists correct among the allowed steps once a step was taken', () => {
    const state = given(withIds(history.decided())).state;
    expect(state.status === 'known' && allowedStepsOf(state, '2024-10-05')).toContain('correct');
  });
});
