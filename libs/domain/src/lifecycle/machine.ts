import { assign, setup } from 'xstate';
import { CaseEvent } from '../events';
import { checkBuyerPayment } from './buyer-payment';
import { LifecycleContext, limitationStart, remainingDue, ZERO_AMOUNTS } from './context';
import { amountOf, CONTEXT_EFFECTS } from './context-effects';
import { checkLimitation } from './limitation-rule';
import { checkReduction } from './reduction-rule';
import { checkReturnRequest, checkSeparateTracking } from './separate-tracking';
import { checkVoluntaryPeriodOver } from './voluntary-period';

type Args = { context: LifecycleContext; event: CaseEvent };

/**
 * A step read back from the log (decider.ts `evolve`) was judged when it was taken, by the law then
 * in force: the guards below that carry a rule of law let it through, so a guard added or made
 * stricter later never rewrites a recorded history (a reduction recorded before miễn/giảm needed
 * a court decision keeps its effect). Only new steps (decide) are judged by them.
 */
const judgedWhenTaken = (event: CaseEvent): boolean => event.fromLog === true;

const STAY = { actions: 'record' } as const;
// What the case is about (case-kinds.ts) may be recorded or put right in any state not final.
const KINDS = { CaseKindsRecorded: STAY } as const;
const NOTIFY = { actions: ['record', 'notified'] } as const;
// Coercion waits for the voluntary period (Luật THADS Điều 45, 46.1); a new seizure starts a new sale.
const SEIZE_AGAIN = { guard: 'voluntaryPeriodOver', actions: ['record', 'seized'] } as const;
const REDUCE = { guard: 'reductionAllowed', actions: 'reduce' } as const;
// Chuyển giao hồ sơ: any case not yet ended moves with its state (docs/reorganisation.md).
const TRANSFER = { guard: 'transferElsewhere', actions: 'transferred' } as const;

/**
 * The map of legal moves (docs/domain.md §2, docs/architecture.md §5). It speaks in our events and has
 * no invoke, no delay and no side effect: `decide` asks `can`, `evolve` uses `transition`.
 * Guards carry the law; `guard-basis.ts` names each guard's legal basis for refusals.
 */
export const caseLifecycle = setup({
  types: { context: {} as LifecycleContext, events: {} as CaseEvent },
  guards: {
    // Only a request can be refused (Điều 31.5) or sent back (NĐ 152/2026 Điều 22.2).
    onRequest: ({ context }: Args) => context.origin === 'onRequest',
    // Enforcement ends when the obligation is performed (Luật THADS Điều 52).
    settled: ({ context }: Args) => remainingDue(context.amounts) <= 0n,
    // A payment within what is still due; "the buyer has now paid in full" only while a sale awaits its price
    // (NĐ 62/2015 Điều 27.3; NĐ 152/2026 Điều 65): a recorded history keeps what it recorded.
    collectAllowed: ({ context, event }: Args) => {
      const a = amountOf(event);
      return (
        a > 0n && a <= remainingDue(context.amounts) && (judgedWhenTaken(event) || checkBuyerPayment(context, event).ok)
      );
    },
    withinCollected: ({ context, event }: Args) => {
      const a = amountOf(event);
      return a > 0n && context.amounts.disbursed + a <= context.amounts.collected;
    },
    sold: ({ event }: Args) => event.type === 'AssetsAuctioned' && event.data.result === 'sold',
    classWith: ({ event }: Args) => event.type === 'CaseClassified' && event.data.class === 'withConditions',
    classWithout: ({ event }: Args) => event.type === 'CaseClassified' && event.data.class === 'withoutConditions',
    separateTrackingAllowed: ({ context, event }: Args) =>
      judgedWhenTaken(event) || checkSeparateTracking(context.origin, context.withoutConditions, event.on).ok,
    returnAllowed: ({ context, event }: Args) =>
      judgedWhenTaken(event) || checkReturnRequest(context.origin, context.withoutConditions, event.on).ok,
    // A request past the 5-year limitation is enforced only on a recognised ground (Điều 30, 31.5).
    // A case received by entrustment was requested at the unit that entrusted it (Điều 55–57).
    withinLimitation: ({ context, event }: Args) =>
      event.type === 'EnforcementDecided' &&
      (judgedWhenTaken(event) ||
        context.entrustedIn === true ||
        checkLimitation(context.origin, limitationStart(context), context.receivedOn, event.data.limitationGround).ok),
    // Entrusted to another unit, never to its own or to none (Điều 55–57); the registry is checked before.
    entrustElsewhere: ({ context, event }: Args) =>
      event.type === 'CaseEntrusted' &&
      (judgedWhenTaken(event) ||
        (typeof event.data.toUnitId === 'string' &&
          event.data.toUnitId !== '' &&
          event.data.toUnitId !== context.unitId)),
    // A transfer goes to another unit (the registry checked it exists and is open that day; docs/reorganisation.md).
    transferElsewhere: ({ context, event }: Args) =>
      event.type === 'CaseTransferred' &&
      (judgedWhenTaken(event) ||
        (typeof event.data.toUnitId === 'string' &&
          event.data.toUnitId !== '' &&
          event.data.toUnitId !== context.unitId)),
    // Miễn, giảm: a court decision on a State-budget receipt, after the wait its size calls for (Điều 61).
    reductionAllowed: ({ context, event }: Args) => {
      const a = amountOf(event);
      return (
        event.type === 'ObligationReduced' &&
        a > 0n &&
        a <= remainingDue(context.amounts) &&
        (judgedWhenTaken(event) || checkReduction(context, event.data, event.on).ok)
      );
    },
    voluntaryPeriodOver: ({ context, event }: Args) =>
      event.type === 'AssetsSeized' &&
      (judgedWhenTaken(event) ||
        checkVoluntaryPeriodOver(
          context.notifiedOn ?? context.decidedOn,
          event.on,
          event.data.immediateGround,
          context.interimMeasure,
        ).ok),
    // The asset is handed over only once the buyer has paid in full (NĐ 62/2015 Điều 27.3; NĐ 152/2026 Điều 67.1).
    buyerPaidInFull: ({ context, event }: Args) =>
      judgedWhenTaken(event) || context.auction?.paidInFullOn !== undefined,
    // An auction that did not sell, and no other assets: without conditions from where it stands (Điều 44a).
    unsoldAndClassWithout: ({ context, event }: Args) =>
      context.auction?.result === 'unsold' &&
      event.type === 'CaseClassified' &&
      event.data.class === 'withoutConditions',
  },
  // Their effects on the context are plain functions (context-effects.ts), shared with the fast path (fast-path/).
  actions: {
    record: assign(CONTEXT_EFFECTS.record),
    open: assign(CONTEXT_EFFECTS.open),
    decided: assign(CONTEXT_EFFECTS.decided),
    notified: assign(CONTEXT_EFFECTS.notified),
    seized: assign(CONTEXT_EFFECTS.seized),
    auctionHeld: assign(CONTEXT_EFFECTS.auctionHeld),
    buyerPayment: assign(CONTEXT_EFFECTS.buyerPayment),
    collect: assign(CONTEXT_EFFECTS.collect),
    disburse: assign(CONTEXT_EFFECTS.disburse),
    reduce: assign(CONTEXT_EFFECTS.reduce),
    recordWithoutConditions: assign(CONTEXT_EFFECTS.recordWithoutConditions),
    clearWithoutConditions: assign(CONTEXT_EFFECTS.clearWithoutConditions),
    countVerification: assign(CONTEXT_EFFECTS.countVerification),
    transferred: assign(CONTEXT_EFFECTS.transferred),
  },
}).createMachine({
  id: 'case',
  initial: 'new',
  context: { origin: 'exOfficio', amounts: ZERO_AMOUNTS, actsInPlace: 0 },
  states: {
    new: { on: { CaseReceived: { target: 'received', actions: 'open' } } },
    received: {
      on: {
        EnforcementDecided: { guard: 'withinLimitation', target: 'open', actions: 'decided' },
        RequestRefused: { guard: 'onRequest', target: 'refused' },
        CaseTransferred: TRANSFER,
        ...KINDS,
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
                AssetsSeized: { guard: 'voluntaryPeriodOver', target: '#case.open.seized', actions: 'seized' },
                MeansVerified: STAY,
                CaseClassified: {
                  guard: 'classWithout',
                  target: 'withoutConditions',
                  actions: 'recordWithoutConditions',
                },
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
            // The auction contract, from which the auction's term runs (Luật THADS Điều 101.2).
            AuctionContractSigned: STAY,
            AssetsSeized: SEIZE_AGAIN,
            AssetsAuctioned: [
              { guard: 'sold', target: 'auctioned', actions: 'auctionHeld' },
              { actions: ['record', 'auctionHeld'] },
            ],
            CaseClassified: {
              guard: 'unsoldAndClassWithout',
              target: '#case.open.classified.withoutConditions',
              actions: 'recordWithoutConditions',
            },
          },
        },
        auctioned: {
          on: {
            AssetDelivered: { guard: 'buyerPaidInFull', actions: 'record' },
            MoneyCollected: { guard: 'collectAllowed', actions: ['collect', 'buyerPayment'] },
            AssetsSeized: { guard: 'voluntaryPeriodOver', target: 'seized', actions: 'seized' },
          },
        },
        // Postponement and suspension resume to where the case was (Điều 48.4, 49.3).
        resumePoint: { type: 'history', history: 'deep' },
      },
      on: {
        EnforcerAssigned: STAY,
        PartiesNotified: NOTIFY,
        MoneyCollected: { guard: 'collectAllowed', actions: 'collect' },
        MoneyDisbursed: { guard: 'withinCollected', actions: 'disburse' },
        ObligationReduced: REDUCE,
        CaseCompleted: { guard: 'settled', target: 'completed' },
        CaseTerminated: 'terminated',
        CasePostponed: 'postponed',
        CaseSuspended: 'suspended',
        CaseEntrusted: { guard: 'entrustElsewhere', target: 'entrusted' },
        CaseTransferred: TRANSFER,
        DecisionRevoked: 'revoked',
        ...KINDS,
      },
    },
    postponed: {
      on: {
        CaseResumed: 'open.resumePoint',
        CaseSuspended: 'suspended',
        CaseTerminated: 'terminated',
        DecisionRevoked: 'revoked',
        EnforcerAssigned: STAY,
        PartiesNotified: NOTIFY,
        MoneyDisbursed: { guard: 'withinCollected', actions: 'disburse' },
        CaseTransferred: TRANSFER,
        ...KINDS,
      },
    },
    suspended: {
      on: {
        CaseResumed: 'open.resumePoint',
        CaseTerminated: 'terminated',
        DecisionRevoked: 'revoked',
        EnforcerAssigned: STAY,
        PartiesNotified: NOTIFY,
        MoneyDisbursed: { guard: 'withinCollected', actions: 'disburse' },
        CaseTransferred: TRANSFER,
        ...KINDS,
      },
    },
    // Out of the active caseload; new information brings it back to verification (NĐ 62 Điều 9.6).
    separateTracking: {
      on: {
        CaseRestored: 'open.verified',
        CaseTerminated: 'terminated',
        DecisionRevoked: 'revoked',
        ObligationReduced: REDUCE,
        EnforcerAssigned: STAY,
        CaseTransferred: TRANSFER,
        ...KINDS,
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
