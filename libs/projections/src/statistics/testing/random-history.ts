import fc from 'fast-check';
import { allowedStepsOf, CaseState, stateNameOf, StepName } from '@thads/domain';
import { LedgerHarness, TODAY } from './ledger-harness';

const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export interface CaseScript {
  unitId: string;
  origin: 'exOfficio' | 'onRequest';
  due: bigint;
  receivedAfter: number;
  moves: Array<{ pick: number; gap: number; late: number; frac: number; withConditions: boolean }>;
}

const UNITS = ['kg', 'kg-pq', 'kg-ab', 'kh', 'kh-nt'];

/** Random cases: any unit, amounts up to 10^14 đồng, up to 22 steps with short and long gaps. */
export const caseScript: fc.Arbitrary<CaseScript> = fc.record({
  unitId: fc.constantFrom(...UNITS),
  origin: fc.constantFrom('exOfficio' as const, 'onRequest' as const),
  due: fc.oneof(
    { arbitrary: fc.constant(0n), weight: 1 },
    { arbitrary: fc.bigInt(1n, 10n ** 9n), weight: 4 },
    { arbitrary: fc.bigInt(1n, 10n ** 14n), weight: 4 },
  ),
  receivedAfter: fc.integer({ min: 0, max: 2100 }),
  moves: fc.array(
    fc.record({
      pick: fc.nat(1000),
      gap: fc.oneof(
        { arbitrary: fc.integer({ min: 0, max: 40 }), weight: 3 },
        { arbitrary: fc.integer({ min: 150, max: 400 }), weight: 1 },
      ),
      late: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 90 })),
      frac: fc.double({ min: 0, max: 1, noNaN: true }),
      withConditions: fc.boolean(),
    }),
    { minLength: 6, maxLength: 22 },
  ),
});

/**
 * Records a script through the real decider: each move picks one of the steps the case allows
 * on its date (corrections included), with data that fits the case's amounts; refused ones
 * (a guard the probe does not see) are skipped, as an office would retry differently.
 */
export const recordScript = async (
  h: LedgerHarness,
  caseId: string,
  script: CaseScript,
  until: string = TODAY,
): Promise<void> => {
  let on = addDays('2017-06-01', script.receivedAfter);
  if (on > until) return;
  const recordedAt = (d: string, late: number) =>
    `${addDays(d, late) > TODAY ? TODAY : addDays(d, late)}T0${late % 10}:00:00.000Z`;
  await h.record(caseId, {
    on,
    unitId: script.unitId,
    origin: script.origin,
    amountDue: script.due.toString(),
    recordedAt: recordedAt(on, 0),
  });
  for (const m of script.moves) {
    const next = addDays(on, m.gap);
    if (next > until) break;
    const state = await h.stateOf(caseId);
    if (state.status !== 'known') return;
    const steps = allowedStepsOf(state, next);
    if (steps.length === 0) return;
    const step = weighted(steps, m.pick, stateNameOf(state.lifecycle) === 'classified.withoutConditions');
    const data = dataFor(step, state, m, state.steps[state.steps.length - 1].id ?? '', next);
    if (!data) continue;
    if (await h.step(caseId, { step, on: next, data, recordedAt: recordedAt(next, m.late) })) on = next;
  }
};

// Histories that go somewhere: progress is likely, final exits and corrections rarer, so that
// classification, payment, separate tracking and restoration all occur in a few dozen cases.
const WEIGHT: Partial<Record<StepName, number>> = {
  decide: 30,
  verify: 25,
  classify: 30,
  seize: 6,
  value: 3,
  auction: 4,
  collect: 14,
  reduce: 5,
  complete: 30,
  moveToSeparateTracking: 40,
  restore: 12,
  resume: 20,
  returnRequest: 30,
  correct: 2,
  refuse: 2,
  terminate: 2,
  entrust: 1,
  revoke: 1,
  postpone: 2,
  suspend: 2,
  assign: 1,
  notify: 1,
  disburse: 2,
  deliver: 1,
};

const weighted = (steps: StepName[], pick: number, withoutConditions: boolean): StepName => {
  // A case without conditions mostly waits and is re-verified, so some reach separate tracking.
  const weight = (s: StepName) => (withoutConditions && (s === 'classify' || s === 'collect') ? 2 : (WEIGHT[s] ?? 1));
  const total = steps.reduce((t, s) => t + weight(s), 0);
  let at = pick % total;
  for (const s of steps) {
    at -= weight(s);
    if (at < 0) return s;
  }
  return steps[steps.length - 1];
};

type Known = Extract<CaseState, { status: 'known' }>;

const dataFor = (
  step: StepName,
  state: Known,
  m: CaseScript['moves'][number],
  lastId: string,
  on: string,
): Record<string, unknown> | undefined => {
  const a = state.lifecycle.context.amounts;
  const remaining = a.due - a.collected - a.reduced;
  const part = (of: bigint) => {
    const x = BigInt(Math.floor(Number(of) * m.frac));
    return x < 1n ? 1n : x > of ? of : x;
  };
  switch (step) {
    case 'collect':
      return remaining > 0n
        ? { amount: part(remaining).toString(), ...(m.frac > 0.5 && { buyerPaidInFull: true }) }
        : undefined;
    // A court's waiver of the rest of a partly paid court fee on hardship (Luật THADS Điều 61.4), or a reduction after the wait.
    case 'reduce':
      return remaining > 0n
        ? {
            amount: (m.frac < 0.5 ? remaining : part(remaining / 4n)).toString(),
            court: 'TAND',
            decisionNumber: '1/QĐ-MGTHA',
            decisionOn: on,
            stateBudgetItem: 'courtFee',
            ...(m.frac < 0.5 && { reliefGround: 'hardship' }),
          }
        : undefined;
    case 'disburse':
      return a.collected > a.disbursed ? { amount: part(a.collected - a.disbursed).toString() } : undefined;
    case 'classify':
      return m.withConditions
        ? { class: 'withConditions' }
        : { class: 'withoutConditions', ground: m.frac < 0.2 ? 'addressUnknown' : 'noAssets' };
    case 'auction':
      return m.withConditions ? { result: 'sold', price: '1000' } : { result: 'unsold' };
    case 'correct':
      return { correctsEventId: lastId, reason: 'nhập nhầm' };
    // Three enforcers, so a case is sometimes assigned again to another (forms 04, 05).
    case 'assign':
      return { enforcerId: `chv-${1 + (m.pick % 3)}` };
    default:
      return {};
  }
};
