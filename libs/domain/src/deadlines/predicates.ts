import { assertNever } from '../assert-never';
import { verificationPeriod } from '../lifecycle/verification-rhythm';
import { isNoticeToParties, WithoutConditionsGround } from '../reasons';
import { dataText, RecordedStep } from './recorded-step';

/**
 * Conditions a rule names instead of embedding code in data. Each reads the step at `index` and,
 * where the law depends on the case's past, the steps before it.
 */
export const PREDICATE_NAMES = [
  'onRequest',
  'exOfficio',
  'exOfficioOrBankruptcy',
  'interimMeasure',
  'bankruptcyDecision',
  'entrustedIn',
  'firstNoticeOfDecision',
  'withoutConditions',
  'periodicReverification',
  'countedVerification',
  'addressUnknownGround',
  'resumesPostponement',
  'resumesSuspension',
  'bankruptcyPetition',
  'sold',
  'unsold',
  'immovableAsset',
  'paymentAfterSale',
  'buyerPaidInFull',
  'collectNotAwaitingDelivery',
  'deliveryAfterSale',
  'decisionOnEnforcement',
  'noticeToParties',
  'noticeToProcuracy',
  'publication',
  'differingFinding',
] as const;
export type PredicateName = (typeof PREDICATE_NAMES)[number];

type Steps = ReadonlyArray<RecordedStep>;

const lastIndexBefore = (steps: Steps, index: number, test: (s: RecordedStep) => boolean): number => {
  for (let i = index - 1; i >= 0; i -= 1) if (test(steps[i])) return i;
  return -1;
};

const isInterim = (s: RecordedStep) => s.data?.interimMeasure === true;
const isEntrustedIn = (s: RecordedStep) =>
  s.step === 'receive' && typeof s.data?.entrustedFrom === 'object' && s.data.entrustedFrom !== null;
// A notice without `to` went to the parties (NOTICE_RECIPIENTS).
const isPartiesNotice = (s: RecordedStep) => s.step === 'notify' && isNoticeToParties(s.data?.to);

const isClassify = (cls: string) => (s: RecordedStep) => s.step === 'classify' && dataText(s, 'class') === cls;

/** The latest classification up to and including `index`, if it put the case without conditions. */
const withoutConditionsSince = (steps: Steps, index: number): number => {
  const last = lastIndexBefore(steps, index + 1, (s) => s.step === 'classify' || s.step === 'restore');
  return last >= 0 && isClassify('withoutConditions')(steps[last]) ? last : -1;
};

/**
 * The verifications that count in the rhythm of Điều 44.2, as the lifecycle counts them
 * (verification-rhythm.ts, context-effects `countVerification`): after the decision of no means
 * (`since`), one per period of the rhythm counted from it. Two on one day are one; a second in the
 * same period, or one on the decision's own day, does not count. The indexes of those that count,
 * up to and including `index`.
 */
const countedVerifications = (steps: Steps, since: number, index: number): number[] => {
  const decision = steps[since];
  const ground = dataText(decision, 'ground') as WithoutConditionsGround | undefined;
  const counted: number[] = [];
  let period = -1;
  for (let i = since + 1; i <= index; i += 1) {
    if (steps[i].step !== 'verify') continue;
    const p = verificationPeriod(decision.on, ground, steps[i].on);
    if (p > period) {
      counted.push(i);
      period = p;
    }
  }
  return counted;
};

/** A sold auction whose asset has not been delivered yet, before `index`. */
const saleAwaitingDelivery = (steps: Steps, index: number): number => {
  const sale = lastIndexBefore(steps, index, (s) => s.step === 'auction' && dataText(s, 'result') === 'sold');
  if (sale < 0) return -1;
  return lastIndexBefore(steps, index, (s) => s.step === 'deliver') > sale ? -1 : sale;
};

const lastPause = (steps: Steps, index: number): string | undefined => {
  const i = lastIndexBefore(steps, index, (s) => s.step === 'postpone' || s.step === 'suspend');
  return i >= 0 ? steps[i].step : undefined;
};

export const holds = (name: PredicateName, steps: Steps, index: number): boolean => {
  const step = steps[index];
  switch (name) {
    // A case received by entrustment has its own term (Điều 57.1.b), not the ordinary decision's.
    case 'onRequest':
      return dataText(step, 'origin') === 'onRequest' && !isInterim(step) && !isEntrustedIn(step);
    case 'exOfficio':
      return (
        dataText(step, 'origin') === 'exOfficio' &&
        !isInterim(step) &&
        !isEntrustedIn(step) &&
        step.data?.bankruptcyDecision !== true
      );
    // Before Luật 64/2014/QH13 a bankruptcy decision had no term of its own: the ex officio one.
    case 'exOfficioOrBankruptcy':
      return dataText(step, 'origin') === 'exOfficio' && !isInterim(step) && !isEntrustedIn(step);
    case 'interimMeasure':
      return isInterim(step);
    case 'bankruptcyDecision':
      return step.data?.bankruptcyDecision === true && !isInterim(step) && !isEntrustedIn(step);
    // Received by entrustment (entrustment.ts); an interim measure keeps its immediate term.
    case 'entrustedIn':
      return isEntrustedIn(step) && !isInterim(step);
    case 'firstNoticeOfDecision': {
      if (!isPartiesNotice(step)) return false;
      const decision = lastIndexBefore(steps, index, (s) => s.step === 'decide');
      return decision >= 0 && lastIndexBefore(steps, index, isPartiesNotice) < decision;
    }
    case 'withoutConditions':
      return isClassify('withoutConditions')(step);
    // Luật THADS Điều 44.2: at least every 6 months while without conditions; after two
    // verifications still without means, only on new information. Only a verification that
    // counts in the rhythm opens the next term (countedVerifications).
    case 'periodicReverification': {
      if (isClassify('withoutConditions')(step)) return true;
      if (step.step !== 'verify') return false;
      const since = withoutConditionsSince(steps, index);
      if (since < 0) return false;
      const counted = countedVerifications(steps, since, index);
      return counted[counted.length - 1] === index && counted.length < 2;
    }
    // The same count meets the term: a second verification on the same day, or in the same
    // period, is not the next periodic one.
    case 'countedVerification': {
      if (step.step !== 'verify') return false;
      const since = withoutConditionsSince(steps, index);
      if (since < 0) return true;
      const counted = countedVerifications(steps, since, index);
      return counted[counted.length - 1] === index;
    }
    case 'addressUnknownGround': {
      const since = withoutConditionsSince(steps, index);
      return since >= 0 && dataText(steps[since], 'ground') === 'addressUnknown';
    }
    case 'resumesPostponement':
      return step.step === 'resume' && lastPause(steps, index) === 'postpone';
    case 'resumesSuspension':
      return step.step === 'resume' && lastPause(steps, index) === 'suspend';
    case 'bankruptcyPetition':
      return dataText(step, 'reason') === 'bankruptcyPetition';
    case 'sold':
      return dataText(step, 'result') === 'sold';
    case 'unsold':
      return dataText(step, 'result') === 'unsold';
    case 'immovableAsset': {
      if (step.data?.assetKind !== undefined) return step.data.assetKind === 'immovable';
      const seizure = lastIndexBefore(steps, index, (s) => s.step === 'seize');
      return seizure >= 0 && dataText(steps[seizure], 'assetKind') === 'immovable';
    }
    // The buyer's full payment after a sale: the delivery clock runs from it (NĐ 62/2015 Điều 27.3;
    // NĐ 152/2026 Điều 67.1), as the machine delivers only after it (lifecycle guard buyerPaidInFull).
    case 'paymentAfterSale': {
      const sale = saleAwaitingDelivery(steps, index);
      const fullPayment = (s: RecordedStep) => s.step === 'collect' && s.data?.buyerPaidInFull === true;
      return sale >= 0 && fullPayment(step) && lastIndexBefore(steps, index, fullPayment) < sale;
    }
    // The payment that completes the price (NĐ 62/2015 Điều 27.3; NĐ 152/2026 Điều 65.1), not an instalment.
    case 'buyerPaidInFull':
      return step.step === 'collect' && step.data?.buyerPaidInFull === true;
    // Money from a sold asset is paid out after delivery (NĐ 62/2015 Điều 27.4), not on collection.
    case 'collectNotAwaitingDelivery':
      return saleAwaitingDelivery(steps, index) < 0;
    // The proceeds of a sale, collected from the buyer, are paid out after delivery: nothing to pay out if none was collected.
    case 'deliveryAfterSale': {
      const sale = lastIndexBefore(steps, index, (s) => s.step === 'auction' && dataText(s, 'result') === 'sold');
      return sale >= 0 && lastIndexBefore(steps, index, (s) => s.step === 'collect') > sale;
    }
    // The head's decisions on enforcement after which the case goes on (Luật THADS Điều 38): the
    // decision to enforce, the decision of no means, postponement, suspension, resumption. A
    // decision that ends the case (termination, entrustment, revocation) cannot be followed by a
    // recorded notice, so it is not judged (unchecked-terms.ts).
    case 'decisionOnEnforcement':
      return ['decide', 'postpone', 'suspend', 'resume'].includes(step.step) || isClassify('withoutConditions')(step);
    case 'noticeToParties':
      return isPartiesNotice(step);
    case 'noticeToProcuracy':
      return step.step === 'notify' && dataText(step, 'to') === 'procuracy';
    case 'publication':
      return step.step === 'notify' && dataText(step, 'to') === 'public';
    // A re-verification on a creditor's differing finding carries the day that finding was received.
    case 'differingFinding':
      return step.step === 'verify' && dataText(step, 'findingOn') !== undefined;
    default:
      return assertNever(name);
  }
};
