import { assign, setup } from 'xstate';
import { CaseEvent } from '../events';
import { parseVnd } from '../money';
import { Amounts, LifecycleContext, remainingDue, ZERO_AMOUNTS } from './context';
import { checkReturnRequest, checkSeparateTracking } from './separate-tracking';

const amountOf = (event: CaseEvent): bigint => ('amount' in event.data ? parseVnd(String(event.data.amount)) : 0n);
type Args = { context: LifecycleContext; event: CaseEvent };
const plus = (key: keyof Amounts) => ({ context, event }: Args): Partial<LifecycleContext> =>
  ({ amounts: { ...context.amounts, [key]: context.amounts[key] + amountOf(event) } });

const STAY = { actions: 'record' } as const;

/**
 * The map of legal moves (DOMAIN.md §2, ARCHITECTURE.md §5). It speaks in our events and has
 * no invoke, no delay and no side effect: `decide` asks `can`, `evolve` uses `transition`.
 * Guards carry the law; `lifecycle-rules.ts` names each guard's legal basis for refusals.
 */
export const caseLifecycle = setup({
  types: { context: {} as LifecycleContext, events: {} as CaseEvent },
  guards: {
    // Only a request can be refused (Điều 31.5) or sent back (NĐ 152/2026 Điều 22.2).
    onRequest: ({ context }: Args) => context.origin === 'onRequest',
    // Enforcement ends when the obligation is performed (Luật THADS Điều 52).
    settled: ({ context }: Args) => remainingDue(context.amounts) <= 0n,
    withinRemaining: ({ context, event }: Args) => { const a = amountOf(event); return a > 0n && a <= remainingDue(context.amounts); },
    withinCollected: ({ context, event }: Args) => { const a = amountOf(event); return a > 0n && context.amounts.disbursed + a <= context.amounts.collected; },
    sold: ({ event }: Args) => event.type === 'AssetsAuctioned' && event.data.result === 'sold',
    classWith: ({ event }: Args) => event.type === 'CaseClassified' && event.data.class === 'withConditions',
    classWithout: ({ event }: Args) => event.type === 'CaseClassified' && event.data.class === 'withoutConditions',
    separateTrackingAllowed: ({ context, event }: Args) => checkSeparateTracking(context.origin, context.withoutConditions, event.on).ok,
    returnAllowed: ({ context, event }: Args) => checkReturnRequest(context.origin, context.withoutConditions, event.on).ok,
  },
  actions: {
    // A step that changes neither state nor amounts (notify, value, deliver…) is still a legal,
    // recorded act: counting it gives every accepted event a new snapshot, so `transition`
    // alone tells accepted (new snapshot) from refused (the same one).
    record: assign({ actsInPlace: ({ context }: Args) => context.actsInPlace + 1 }),
    open: assign(({ event }) => {
      if (event.type !== 'CaseReceived') return {};
      return { origin: event.data.origin, amounts: { ...ZERO_AMOUNTS, due: parseVnd(event.data.amountDue) } };
    }),
    collect: assign(plus('collected')),
    disburse: assign(plus('disbursed')),
    reduce: assign(plus('reduced')),
    recordWithoutConditions: assign({
      withoutConditions: ({ event }) => ({
        since: event.on,
        ground: event.type === 'CaseClassified' ? event.data.ground : undefined,
        verifications: 0,
      }),
    }),
    clearWithoutConditions: assign({ withoutConditions: () => undefined }),
    countVerification: assign({
      withoutConditions: ({ context }) => context.withoutConditions && { ...context.withoutConditions, verifications: context.withoutConditions.verifications + 1 },
    }),
  },
}).createMachine({
  id: 'case',
  initial: 'new',
  context: { origin: 'exOfficio', amounts: ZERO_AMOUNTS, actsInPlace: 0 },
  states: {
    new: { on: { CaseReceived: { target: 'received', actions: 'open' } } },
    received: {
      on: {
        EnforcementDecided: 'open',
        RequestRefused: { guard: 'onRequest', target: 'refused' },
      },
    },
    open: {
      initial: 'decided',
      states: {
        decided: { on: { MeansVerified: 'verified' } },
        verified: {
          on: {
            MeansVerified: STAY,
            CaseClassified: [
              { guard: 'classWith', target: 'classified.withConditions' },
              { guard: 'classWithout', target: 'classified.withoutConditions', actions: 'recordWithoutConditions' },
            ],
          },
        },
        classified: {
          initial: 'withConditions',
          states: {
            withConditions: {
              on: {
                AssetsSeized: '#case.open.seized',
                MeansVerified: STAY,
                CaseClassified: { guard: 'classWithout', target: 'withoutConditions', actions: 'recordWithoutConditions' },
              },
            },
            withoutConditions: {
              on: {
                // Periodic re-verification while without conditions (Luật THADS Điều 44.2).
                MeansVerified: { actions: 'countVerification' },
                CaseClassified: { guard: 'classWith', target: 'withConditions', actions: 'clearWithoutConditions' },
                CaseMovedToSeparateTracking: { guard: 'separateTrackingAllowed', target: '#case.separateTracking' },
                RequestReturned: { guard: 'returnAllowed', target: '#case.returned' },
              },
            },
          },
        },
        seized: {
          on: {
            AssetsValued: STAY,
            AssetsSeized: STAY,
            AssetsAuctioned: [{ guard: 'sold', target: 'auctioned' }, STAY],
          },
        },
        auctioned: { on: { AssetDelivered: STAY, AssetsSeized: 'seized' } },
        // Postponement and suspension resume to where the case was (Điều 48.4, 49.3).
        resumePoint: { type: 'history', history: 'deep' },
      },
      on: {
        EnforcerAssigned: STAY,
        PartiesNotified: STAY,
        MoneyCollected: { guard: 'withinRemaining', actions: 'collect' },
        MoneyDisbursed: { guard: 'withinCollected', actions: 'disburse' },
        ObligationReduced: { guard: 'withinRemaining', actions: 'reduce' },
        CaseCompleted: { guard: 'settled', target: 'completed' },
        CaseTerminated: 'terminated',
        CasePostponed: 'postponed',
        CaseSuspended: 'suspended',
        CaseEntrusted: 'entrusted',
        DecisionRevoked: 'revoked',
      },
    },
    postponed: {
      on: {
        CaseResumed: 'open.resumePoint',
        CaseSuspended: 'suspended',
        CaseTerminated: 'terminated',
        DecisionRevoked: 'revoked',
        EnforcerAssigned: STAY,
        PartiesNotified: STAY,
        MoneyDisbursed: { guard: 'withinCollected', actions: 'disburse' },
      },
    },
    suspended: {
      on: {
        CaseResumed: 'open.resumePoint',
        CaseTerminated: 'terminated',
        DecisionRevoked: 'revoked',
        EnforcerAssigned: STAY,
        PartiesNotified: STAY,
        MoneyDisbursed: { guard: 'withinCollected', actions: 'disburse' },
      },
    },
    // Out of the active caseload; new information brings it back to verification (NĐ 62 Điều 9.6).
    separateTracking: {
      on: {
        CaseRestored: 'open.verified',
        CaseTerminated: 'terminated',
        DecisionRevoked: 'revoked',
        ObligationReduced: { guard: 'withinRemaining', actions: 'reduce' },
        EnforcerAssigned: STAY,
      },
    },
    completed: { type: 'final' },
    terminated: { type: 'final' },
    entrusted: { type: 'final' },
    revoked: { type: 'final' },
    refused: { type: 'final' },
    returned: { type: 'final' },
  },
});

export type CaseLifecycle = typeof caseLifecycle;
