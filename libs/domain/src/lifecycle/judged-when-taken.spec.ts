import { caseDecider, CaseState } from '../decider';
import { CaseEvent } from '../events';
import { remainingDue } from './context';
import { stateNameOf } from './states';
import { caseReceived, stepped } from '../testing/builders';

// A step in the log was judged by the law in force when it was taken. The guards added later
// (issue 20) judge new steps only: folding an older history gives what it gave then.
const fold = (events: CaseEvent[]): Extract<CaseState, { status: 'known' }> => {
  const state = events.reduce(caseDecider.evolve, caseDecider.initialState());
  if (state.status !== 'known') throw new Error('not received');
  return state;
};

describe('a recorded history keeps its effect under guards written after it', () => {
  it("applies an entrustment to the case's own unit recorded before Điều 55–57 were checked", () => {
    const state = fold([
      caseReceived({ unitId: 'u-hcm-q1' }, '2024-01-05'),
      stepped('decide', '2024-01-10'),
      stepped('entrust', '2024-01-20', { toUnitId: 'u-hcm-q1' }),
    ]);
    expect(stateNameOf(state.lifecycle)).toBe('entrusted');
  });

  it('applies a reduction recorded without a court decision (Điều 61, 63–64 were not checked then)', () => {
    const state = fold([
      caseReceived({ amountDue: '1000000' }, '2024-01-05'),
      stepped('decide', '2024-01-10'),
      { ...stepped('reduce', '2024-02-01'), data: { caseId: 'c', amount: '400000' } } as CaseEvent,
    ]);
    expect(remainingDue(state.lifecycle.context.amounts)).toBe(600000n);
  });

  it("applies a delivery recorded before the buyer's full payment was required (NĐ 62/2015 Điều 27.3)", () => {
    const events = [
      caseReceived({ amountDue: '1000000' }, '2024-01-05'),
      stepped('decide', '2024-01-10'),
      stepped('notify', '2024-01-11'),
      stepped('verify', '2024-01-25'),
      stepped('classify', '2024-02-01', { class: 'withConditions' }),
      stepped('seize', '2024-02-05'),
      stepped('value', '2024-02-10'),
      stepped('auction', '2024-03-01', { result: 'sold', price: '1000000' }),
      stepped('collect', '2024-03-05', { amount: '1000000' }),
      stepped('deliver', '2024-03-10'),
    ];
    const state = fold(events);
    expect(state.steps.map((e) => e.type)).toContain('AssetDelivered');
  });

  it('still refuses the same steps when they are new', () => {
    const state = fold([caseReceived({ unitId: 'u-hcm-q1' }, '2024-01-05'), stepped('decide', '2024-01-10')]);
    expect(() =>
      caseDecider.decide(
        {
          kind: 'step',
          caseId: state.caseId,
          step: 'entrust',
          on: '2024-01-20',
          today: '2024-01-20',
          data: { toUnitId: 'u-hcm-q1' },
        } as never,
        state,
      ),
    ).toThrow(/ủy thác|entrust/i);
  });
});
