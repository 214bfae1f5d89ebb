import { CaseEvent } from '../events';
import { isNoticeToParties } from '../reasons';
import { parseVnd } from '../money';
import { Amounts, LifecycleContext, ZERO_AMOUNTS } from './context';
import { verificationPeriod } from './verification-rhythm';

export const amountOf = (event: CaseEvent): bigint =>
  'amount' in event.data ? parseVnd(String(event.data.amount)) : 0n;

type Args = { context: LifecycleContext; event: CaseEvent };
/** What an action changes in the context, merged over it as xstate's `assign` merges. */
export type ContextEffect = (args: Args) => Partial<LifecycleContext>;

const plus =
  (key: keyof Amounts): ContextEffect =>
  ({ context, event }) => ({ amounts: { ...context.amounts, [key]: context.amounts[key] + amountOf(event) } });

/**
 * The lifecycle's actions, as plain functions: the machine wraps each in `assign`, and
 * the fast path (fast-path/transition.ts) applies the same functions when it reuses a transition's outcome.
 */
export const CONTEXT_EFFECTS = {
  // A step that changes neither state nor amounts (notify, value, deliver…) is still a legal,
  // recorded act: counting it gives every accepted event a new snapshot, so `transition`
  // alone tells accepted (new snapshot) from refused (the same one).
  record: ({ context }) => ({ actsInPlace: context.actsInPlace + 1 }),
  open: ({ event }) =>
    event.type === 'CaseReceived'
      ? {
          origin: event.data.origin,
          amounts: { ...ZERO_AMOUNTS, due: parseVnd(event.data.amountDue) },
          unitId: event.data.unitId,
          receivedOn: event.on,
          judgmentDate: event.data.judgment?.date,
          ...(event.data.judgment?.effectiveOn !== undefined && {
            judgmentEffectiveOn: event.data.judgment.effectiveOn,
          }),
          ...(event.data.interimMeasure !== undefined && { interimMeasure: event.data.interimMeasure }),
          ...(event.data.entrustedFrom !== undefined && {
            entrustedIn: true,
            firstDecisionOn: event.data.entrustedFrom.firstDecisionOn,
          }),
        }
      : {},
  // The first decision and the first notice start the voluntary period and the miễn/giảm wait.
  decided: ({ context, event }) => (context.decidedOn === undefined ? { decidedOn: event.on } : {}),
  // Only a notice to the parties starts the voluntary period (Điều 45.1): not the copy sent to the procuracy, nor a publication.
  notified: ({ context, event }) =>
    context.notifiedOn === undefined && event.type === 'PartiesNotified' && isNoticeToParties(event.data.to)
      ? { notifiedOn: event.on }
      : {},
  // A new seizure starts a new sale: the earlier auction's outcome no longer speaks for the assets.
  seized: () => ({ auction: undefined }),
  auctionHeld: ({ event }) => (event.type === 'AssetsAuctioned' ? { auction: { result: event.data.result } } : {}),
  buyerPayment: ({ context, event }) =>
    event.type === 'MoneyCollected' &&
    event.data.buyerPaidInFull === true &&
    context.auction?.result === 'sold' &&
    context.auction.paidInFullOn === undefined
      ? { auction: { ...context.auction, paidInFullOn: event.on } }
      : {},
  collect: plus('collected'),
  disburse: plus('disbursed'),
  reduce: ({ context, event }) => ({
    ...plus('reduced')({ context, event }),
    ...(event.type === 'ObligationReduced' ? { lastReductionOn: event.data.decisionOn } : {}),
  }),
  recordWithoutConditions: ({ event }) => ({
    withoutConditions: {
      since: event.on,
      ground: event.type === 'CaseClassified' ? event.data.ground : undefined,
      verifications: 0,
      countedPeriod: -1,
    },
  }),
  clearWithoutConditions: () => ({ withoutConditions: undefined }),
  // The case now belongs to the receiving unit (chuyển giao, docs/reorganisation.md); counted as an act in place.
  transferred: ({ context, event }) =>
    event.type === 'CaseTransferred' ? { unitId: event.data.toUnitId, actsInPlace: context.actsInPlace + 1 } : {},
  // Only one verification per period of the rhythm counts (Luật THADS Điều 44.2; verification-rhythm.ts).
  countVerification: ({ context, event }) => {
    const record = context.withoutConditions;
    if (!record) return {};
    const period = verificationPeriod(record.since, record.ground, event.on);
    if (period <= (record.countedPeriod ?? -1)) return { actsInPlace: context.actsInPlace + 1 };
    return { withoutConditions: { ...record, verifications: record.verifications + 1, countedPeriod: period } };
  },
} satisfies Record<string, ContextEffect>;

export type ContextEffectName = keyof typeof CONTEXT_EFFECTS;
