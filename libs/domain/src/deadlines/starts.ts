import { assertNever } from '../assert-never';
import { isLocalDate, addYears, LocalDate } from '../local-date';
import {
  checkSeparateTracking,
  SEPARATE_TRACKING_RULES,
  WithoutConditionsRecord,
} from '../lifecycle/separate-tracking';
import { verificationPeriod } from '../lifecycle/verification-rhythm';
import { Origin, WithoutConditionsGround } from '../reasons';
import { REGIMES } from '../regime';
import { dataText, RecordedStep } from './recorded-step';

/**
 * Where a term runs from, when it is not simply the trigger's date.
 * - groundOn: the date the legal ground arose, carried as `data.groundOn` by the decision step
 *   itself (postpone, resume, suspend, terminate, entrust); without it the rule is not opened.
 * - groundOnOrLastVerify: `groundOn`, else the verification that established the ground.
 * - lastReceive: the receipt of the request the step answers (a refusal).
 * - separateTrackingEligible: the first day the move to separate tracking is allowed.
 * - auctionContract: the auction contract: the `signAuctionContract` step after the valuation, else
 *   `contractOn` of the auction held after it, else the valuation, marked so (Luật THADS Điều 101.2).
 * - findingOn: the day a creditor's differing verification result was received, carried by the
 *   re-verification itself (`data.findingOn`, Điều 44.4–44.5).
 */
export const START_NAMES = [
  'trigger',
  'groundOn',
  'groundOnOrLastVerify',
  'lastReceive',
  'separateTrackingEligible',
  'auctionContract',
  'findingOn',
] as const;
export type StartName = (typeof START_NAMES)[number];

/** A retrospective start judges the triggering step itself: it is the act the deadline asks for. */
export const isRetrospective = (start: StartName): boolean =>
  start === 'groundOn' || start === 'groundOnOrLastVerify' || start === 'lastReceive' || start === 'findingOn';

/**
 * Whether the regime is the one in force on the start rather than on the trigger: for a
 * retrospective start (the legal ground is the trigger in law), and for the move to separate
 * tracking, whose conditions are those of the day of the move (the guard's rule), so that the
 * deadline and the guard never answer under two regimes.
 */
export const regimeFollowsStart = (start: StartName): boolean =>
  isRetrospective(start) || start === 'separateTrackingEligible';

/** The start, and why it is only a stand-in when the date the law names was not recorded. */
export interface Start {
  on: LocalDate;
  assumed?: string;
}

type Steps = ReadonlyArray<RecordedStep>;

const groundOn = (step: RecordedStep): LocalDate | undefined => {
  const value = dataText(step, 'groundOn');
  return value !== undefined && isLocalDate(value) ? value : undefined;
};

const lastBefore = (steps: Steps, index: number, name: string): RecordedStep | undefined => {
  for (let i = index - 1; i >= 0; i -= 1) if (steps[i].step === name) return steps[i];
  return undefined;
};

// Ends the wait for separate tracking: the case changed class, came back, or left the caseload.
const INTERRUPTS = new Set([
  'classify',
  'restore',
  'moveToSeparateTracking',
  'terminate',
  'complete',
  'entrust',
  'revoke',
  'returnRequest',
]);

const originOf = (steps: Steps): Origin | undefined => {
  const origin = steps.length > 0 && steps[0].step === 'receive' ? dataText(steps[0], 'origin') : undefined;
  return origin === 'exOfficio' || origin === 'onRequest' ? origin : undefined;
};

/**
 * The first day the lifecycle's guard (checkSeparateTracking) allows the move, from the steps
 * after the decision of lack of conditions. The guard judges by the regime of the day of the
 * move, so the answer can only change on a day a wait ends, a verification is made or a regime
 * begins; the first of those days on which the guard says yes is the day. "No new information"
 * is not recorded, so it is assumed.
 */
const separateTrackingEligible = (steps: Steps, index: number): LocalDate | undefined => {
  const decision = steps[index];
  const origin = originOf(steps);
  if (!origin) return undefined;
  const ground = dataText(decision, 'ground') as WithoutConditionsGround | undefined;
  const verifications: LocalDate[] = [];
  for (let i = index + 1; i < steps.length && !INTERRUPTS.has(steps[i].step); i += 1) {
    // Two verifications on one day are one (Luật THADS Điều 44.2 asks for verifications over time).
    if (steps[i].step === 'verify' && verifications[verifications.length - 1] !== steps[i].on)
      verifications.push(steps[i].on);
  }
  const waits = Object.values(SEPARATE_TRACKING_RULES).flatMap((r) => [r.minYears, r.minYearsAddressUnknown]);
  const candidates = [
    ...new Set([
      ...waits.map((years) => addYears(decision.on, years)),
      ...verifications,
      ...REGIMES.map((r) => r.from),
    ]),
  ]
    .filter((d) => d >= decision.on)
    .sort();
  for (const on of candidates) {
    const record = countedAsTheMachineDoes(decision.on, ground, verifications, on);
    if (checkSeparateTracking(origin, record, on).ok) return on;
  }
  return undefined;
};

/** The record the lifecycle keeps on `on`: one verification per period of the rhythm (verification-rhythm.ts). */
const countedAsTheMachineDoes = (
  since: LocalDate,
  ground: WithoutConditionsGround | undefined,
  verifications: LocalDate[],
  on: LocalDate,
): WithoutConditionsRecord => {
  let counted = 0;
  let countedPeriod = -1;
  for (const v of verifications) {
    if (v > on) break;
    const period = verificationPeriod(since, ground, v);
    if (period > countedPeriod) {
      counted++;
      countedPeriod = period;
    }
  }
  return { since, ground, verifications: counted, countedPeriod };
};

const CONTRACT_NOT_RECORDED =
  'Chưa ghi nhận hợp đồng dịch vụ đấu giá (bước ký hợp đồng dịch vụ đấu giá, hoặc contractOn của bước đấu giá): ' +
  'thời hạn tạm tính từ ngày định giá.';

/**
 * The auction contract of a valuation: the first `signAuctionContract` after it, or else
 * `contractOn` of the auction that follows it when it is a date between the two (a contract
 * recorded only with the auction, as before the step existed). Nothing past a re-valuation or
 * the auction counts. Else the valuation itself, marked assumed.
 */
const auctionContract = (steps: Steps, index: number): Start => {
  const valuation = steps[index];
  for (let i = index + 1; i < steps.length; i += 1) {
    if (steps[i].step === 'value') break;
    if (steps[i].step === 'signAuctionContract') return { on: steps[i].on };
    if (steps[i].step !== 'auction') continue;
    const contractOn = dataText(steps[i], 'contractOn');
    if (contractOn !== undefined && isLocalDate(contractOn) && contractOn >= valuation.on && contractOn <= steps[i].on)
      return { on: contractOn };
    break;
  }
  return { on: valuation.on, assumed: CONTRACT_NOT_RECORDED };
};

const at = (on: LocalDate | undefined): Start | undefined => (on === undefined ? undefined : { on });

/** The date the term runs from, or undefined when the rule cannot be opened from these steps. */
export const startOf = (start: StartName, steps: Steps, index: number): Start | undefined => {
  const step = steps[index];
  switch (start) {
    case 'trigger':
      return { on: step.on };
    case 'groundOn':
      return at(groundOn(step));
    case 'groundOnOrLastVerify':
      return at(groundOn(step) ?? lastBefore(steps, index, 'verify')?.on);
    case 'lastReceive':
      return at(lastBefore(steps, index, 'receive')?.on);
    case 'separateTrackingEligible':
      return at(separateTrackingEligible(steps, index));
    case 'auctionContract':
      return auctionContract(steps, index);
    case 'findingOn': {
      const value = dataText(step, 'findingOn');
      return value !== undefined && isLocalDate(value) ? { on: value } : undefined;
    }
    default:
      return assertNever(start);
  }
};
