import { CaseEvent } from '../events';
import { parseVnd } from '../money';
import { Amounts, LifecycleContext, ZERO_AMOUNTS } from './context';

export const amountOf = (event: CaseEvent): bigint => ('amount' in event.data ? parseVnd(String(event.data.amount)) : 0n);

type Args = { context: LifecycleContext; event: CaseEvent };
/** What an action changes in the context, merged over it as xstate's `assign` merges. */
export type ContextEffect = (args: Args) => Partial<LifecycleContext>;

const plus = (key: keyof Amounts): ContextEffect => ({ context, event }) =>
  ({ amounts: { ...context.amounts, [key]: context.amounts[key] + amountOf(event) } });

/**
 * The lifecycle's actions, as plain functions: the machine wraps each in `assign`, and
 * nextSnapshot applies the same functions when it reuses a transition's outcome.
 */
export const CONTEXT_EFFECTS = {
  // A step that changes neither state nor amounts (notify, value, deliver…) is still a legal,
  // recorded act: counting it gives every accepted event a new snapshot, so `transition`
  // alone tells accepted (new snapshot) from refused (the same one).
  record: ({ context }) => ({ actsInPlace: context.actsInPlace + 1 }),
  open: ({ event }) => (event.type === 'CaseReceived'
    ? { origin: event.data.origin, amounts: { ...ZERO_AMOUNTS, due: parseVnd(event.data.amountDue) } }
    : {}),
  collect: plus('collected'),
  disburse: plus('disbursed'),
  reduce: plus('reduced'),
  recordWithoutConditions: ({ event }) => ({
    withoutConditions: { since: event.on, ground: event.type === 'CaseClassified' ? event.data.ground : undefined, verifications: 0 },
  }),
  clearWithoutConditions: () => ({ withoutConditions: undefined }),
  countVerification: ({ context }) => ({
    withoutConditions: context.withoutConditions && { ...context.withoutConditions, verifications: context.withoutConditions.verifications + 1 },
  }),
} satisfies Record<string, ContextEffect>;

export type ContextEffectName = keyof typeof CONTEXT_EFFECTS;
