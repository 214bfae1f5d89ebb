import fc from 'fast-check';
import { initialTransition, transition } from 'xstate';
import {
  allowedSteps,
  caseLifecycle,
  CaseEvent,
  LifecycleSnapshot,
  LocalDate,
  nextSnapshot,
  STEP_NAMES,
} from '@thads/domain';
import { caseReceived, stepped } from '../../../domain/src/testing/builders';

// Here rather than beside libs/domain/src/lifecycle/fast-path: libs/domain may import only xstate, not fast-check.
const plain = (s: LifecycleSnapshot) =>
  JSON.stringify({ value: s.value, status: s.status, context: s.context, history: s.historyValue }, (_k, v: unknown) =>
    typeof v === 'bigint' ? `${v}n` : v,
  );

// Random pasts, legal and not: the reused outcomes meet many contexts (amounts, origins, dates
// either side of 1 July 2026), and every snapshot must be the one xstate's transition() makes.
const day = (n: number): LocalDate =>
  new Date(Date.UTC(2024, 9, 1) + n * 86_400_000).toISOString().slice(0, 10) as LocalDate;
const amounts = ['1', '30000000', '70000000', '100000000', '250000000'];
const anyChoice = fc.record({
  // Mostly a step the machine allows now (so pasts go far), sometimes any step (refusals).
  allowed: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  pick: fc.nat(),
  gap: fc.integer({ min: 0, max: 200 }),
  amount: fc.constantFrom(...amounts),
  withConditions: fc.boolean(),
  sold: fc.boolean(),
  // The data the guards of the law read (issue 20): grounds, the buyer's full payment, a court decision, a unit.
  ground: fc.boolean(),
  paidInFull: fc.boolean(),
  toUnitId: fc.constantFrom('u-hcm-q1', 'u-hn'),
});
const anyPast = fc.record({
  origin: fc.constantFrom('onRequest' as const, 'exOfficio' as const),
  amountDue: fc.constantFrom(...amounts),
  judgedOn: fc.constantFrom('2024-08-20', '2019-09-30', '2019-10-02'),
  choices: fc.array(anyChoice, { maxLength: 40 }),
});
const ANY_STEP = STEP_NAMES.filter((s) => s !== 'correct');

describe('nextSnapshot over random pasts', () => {
  it('gives, event after event, the snapshot xstate transition() gives, refusals included', () => {
    fc.assert(
      fc.property(anyPast, ({ origin, amountDue, judgedOn, choices }) => {
        let ours = initialTransition(caseLifecycle)[0];
        let theirs = ours;
        let n = 0;
        const events: CaseEvent[] = [
          caseReceived({ origin, amountDue, judgment: { court: 'TAND', number: '1', date: judgedOn } }, day(0)),
        ];
        for (let i = 0; i <= choices.length; i++) {
          const event = events[i];
          const [next] = transition(caseLifecycle, theirs, event);
          const mine = nextSnapshot(ours, event);
          expect(mine === ours).toBe(next === theirs);
          expect(plain(mine)).toBe(plain(next));
          [ours, theirs] = [mine, next];
          const c = choices[i];
          if (!c) break;
          n += c.gap;
          const allowed = allowedSteps(theirs, day(n));
          const steps = c.allowed && allowed.length > 0 ? allowed : ANY_STEP;
          events.push(
            stepped(steps[c.pick % steps.length], day(n), {
              amount: c.amount,
              class: c.withConditions ? 'withConditions' : 'withoutConditions',
              ground: 'noAssets',
              result: c.sold ? 'sold' : 'unsold',
              toUnitId: c.toUnitId,
              buyerPaidInFull: c.paidInFull,
              ...(c.ground && {
                limitationGround: 'objectiveObstacle',
                immediateGround: 'dissipatingAssets',
                reliefGround: 'hardship',
              }),
              court: 'TAND',
              decisionNumber: '1',
              decisionOn: day(n),
              stateBudgetItem: c.paidInFull ? 'courtFee' : 'fine',
            } as never),
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
