import { initialTransition, transition } from 'xstate';
import { CaseEvent } from '../../events';
import { caseReceived, history, stepped } from '../../testing/builders';
import { caseLifecycle } from '../machine';
import { LifecycleSnapshot } from '../states';
import { fastTransition } from './transition';

const plain = (s: LifecycleSnapshot) =>
  JSON.stringify({ value: s.value, status: s.status, context: s.context, history: s.historyValue }, (_k, v: unknown) =>
    typeof v === 'bigint' ? `${v}n` : v,
  );

const pasts: CaseEvent[][] = [
  [
    ...history.auctioned(),
    stepped('collect', '2025-01-10', { amount: '40000000' }),
    stepped('postpone', '2025-01-12'),
    stepped('resume', '2025-02-01'),
    stepped('collect', '2025-02-10', { amount: '60000000' }),
    stepped('disburse', '2025-02-11'),
    stepped('complete', '2025-02-12'),
  ],
  [
    ...history.withoutConditions(),
    stepped('verify', '2025-05-01'),
    stepped('verify', '2025-11-01'),
    stepped('moveToSeparateTracking', '2025-12-01'),
    stepped('restore', '2026-01-05'),
  ],
  // Refused moves: a seizure before classification, a completion with money still due, a second receipt.
  [...history.verified(), stepped('seize', '2024-11-01'), stepped('complete', '2024-11-02'), caseReceived()],
  [caseReceived({ origin: 'onRequest' }), stepped('refuse', '2024-10-02'), stepped('decide', '2024-10-03')],
];

describe('fastTransition', () => {
  it.each(pasts.map((events, i) => [i, events] as const))(
    'gives the snapshot xstate transition() gives (past %i)',
    (_i, events) => {
      let ours = initialTransition(caseLifecycle)[0];
      let theirs = ours;
      for (const event of events) {
        const [next] = transition(caseLifecycle, theirs, event);
        const mine = fastTransition(ours, event);
        expect(mine === ours).toBe(next === theirs);
        expect(plain(mine)).toBe(plain(next));
        [ours, theirs] = [mine, next];
      }
    },
  );
});
