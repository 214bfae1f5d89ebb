import { caseDecider, CaseEvent, CaseState, KnownCase, STEP_EVENT, StepName } from '@thads/domain';
import { movesOf } from './ledger-move';

const received: CaseEvent = {
  type: 'CaseReceived',
  on: '2019-09-01',
  id: 'e0',
  data: {
    caseId: 'c',
    unitId: 'u',
    origin: 'exOfficio',
    amountDue: '1000',
    judgment: { court: 'T', number: '1', date: '2019-01-01' },
    creditor: { name: 'A' },
    debtor: { name: 'B' },
  },
};
const step = (s: StepName, on: string, data: Record<string, unknown> = {}, id = `${s}-${on}`): CaseEvent =>
  ({ type: STEP_EVENT[s], on, id, data: { caseId: 'c', ...data } }) as CaseEvent;

/** Folds the history, then returns the move of the last event as the projector would see it. */
const moveOfLast = (events: CaseEvent[]) => {
  const before = events.slice(0, -1).reduce(caseDecider.evolve, caseDecider.initialState() as CaseState);
  const after = caseDecider.evolve(before, events[events.length - 1]) as KnownCase;
  return movesOf({ event: events[events.length - 1], before, after });
};
const withConditions = [
  received,
  step('decide', '2019-09-05'),
  step('verify', '2019-09-20'),
  step('classify', '2019-09-25', { class: 'withConditions' }),
];

describe('ledger moves', () => {
  it('writes nothing when a judgment is only received', () => {
    expect(moveOfLast([received])).toBeUndefined();
  });

  it('accepts a case on its enforcement decision, with its amount due', () => {
    expect(moveOfLast([received, step('decide', '2019-09-05')])).toEqual({
      day: '2019-09-05',
      deltas: [
        { key: 'unclassified', n: 1, money: 1000n },
        { key: 'accepted', n: 1, money: 1000n },
      ],
    });
  });

  it('moves a classified case between stocks with its remaining due', () => {
    expect(moveOfLast(withConditions)!.deltas).toEqual([
      { key: 'unclassified', n: -1, money: -1000n },
      { key: 'inProgress', n: 1, money: 1000n },
    ]);
  });

  it('books a collection as a flow and lowers the stock it sits in', () => {
    expect(moveOfLast([...withConditions, step('collect', '2019-11-10', { amount: '600' })])).toEqual({
      day: '2019-11-10',
      deltas: [
        { key: 'collected', n: 0, money: 600n },
        { key: 'inProgress', n: 0, money: -600n },
      ],
    });
  });

  it('books what remains due when a case is terminated', () => {
    const moves = moveOfLast([
      ...withConditions,
      step('collect', '2019-11-10', { amount: '600' }),
      step('terminate', '2019-12-01', { reason: 'creditorWaiver' }),
    ]);
    expect(moves!.deltas).toEqual([
      { key: 'inProgress', n: -1, money: -400n },
      { key: 'terminated', n: 1, money: 400n },
    ]);
  });

  it('takes back a voided step on the voided step’s own date', () => {
    const collect = step('collect', '2019-11-10', { amount: '600' }, 'e-collect');
    const moves = moveOfLast([
      ...withConditions,
      collect,
      step('correct', '2019-12-20', { correctsEventId: 'e-collect', reason: 'nhầm' }),
    ]);
    expect(moves).toEqual({
      day: '2019-11-10',
      deltas: [
        { key: 'collected', n: 0, money: -600n },
        { key: 'inProgress', n: 0, money: 600n },
      ],
    });
  });

  it('takes back an acceptance when the decision itself is voided', () => {
    const moves = moveOfLast([
      received,
      step('decide', '2019-09-05', {}, 'e-decide'),
      step('correct', '2019-09-06', { correctsEventId: 'e-decide', reason: 'nhầm' }),
    ]);
    expect(moves).toEqual({
      day: '2019-09-05',
      deltas: [
        { key: 'unclassified', n: -1, money: -1000n },
        { key: 'accepted', n: -1, money: -1000n },
      ],
    });
  });
});
