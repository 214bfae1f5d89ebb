import { assertNever } from '../assert-never';
import { dataText, RecordedStep } from './recorded-step';

/**
 * Conditions a rule names instead of embedding code in data. Each reads the step at `index` and,
 * where the law depends on the case's past, the steps before it.
 */
export const PREDICATE_NAMES = [
  'onRequest', 'exOfficio', 'interimMeasure', 'firstNoticeOfDecision', 'withoutConditions',
  'periodicReverification', 'addressUnknownGround', 'resumesPostponement', 'resumesSuspension',
  'bankruptcyPetition', 'sold', 'unsold', 'immovableAsset', 'paymentAfterSale', 'collectNotAwaitingDelivery',
  'deliveryAfterSale',
] as const;
export type PredicateName = (typeof PREDICATE_NAMES)[number];

type Steps = ReadonlyArray<RecordedStep>;

const lastIndexBefore = (steps: Steps, index: number, test: (s: RecordedStep) => boolean): number => {
  for (let i = index - 1; i >= 0; i -= 1) if (test(steps[i])) return i;
  return -1;
};

const isClassify = (cls: string) => (s: RecordedStep) => s.step === 'classify' && dataText(s, 'class') === cls;

/** The latest classification up to and including `index`, if it put the case without conditions. */
const withoutConditionsSince = (steps: Steps, index: number): number => {
  const last = lastIndexBefore(steps, index + 1, (s) => s.step === 'classify' || s.step === 'restore');
  return last >= 0 && isClassify('withoutConditions')(steps[last]) ? last : -1;
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
    case 'onRequest': return dataText(step, 'origin') === 'onRequest' && step.data?.interimMeasure !== true;
    case 'exOfficio': return dataText(step, 'origin') === 'exOfficio' && step.data?.interimMeasure !== true;
    // Not yet a field of CaseReceived: a judgment on an interim measure would carry `interimMeasure: true`.
    case 'interimMeasure': return step.data?.interimMeasure === true;
    case 'firstNoticeOfDecision': {
      const decision = lastIndexBefore(steps, index, (s) => s.step === 'decide');
      return decision >= 0 && lastIndexBefore(steps, index, (s) => s.step === 'notify') < decision;
    }
    case 'withoutConditions': return isClassify('withoutConditions')(step);
    // Luật THADS Điều 44.2: at least every 6 months while without conditions; after two
    // verifications still without means, only on new information.
    case 'periodicReverification': {
      if (isClassify('withoutConditions')(step)) return true;
      if (step.step !== 'verify') return false;
      const since = withoutConditionsSince(steps, index);
      if (since < 0) return false;
      const verifications = steps.slice(since + 1, index + 1).filter((s) => s.step === 'verify').length;
      return verifications < 2;
    }
    case 'addressUnknownGround': {
      const since = withoutConditionsSince(steps, index);
      return since >= 0 && dataText(steps[since], 'ground') === 'addressUnknown';
    }
    case 'resumesPostponement': return step.step === 'resume' && lastPause(steps, index) === 'postpone';
    case 'resumesSuspension': return step.step === 'resume' && lastPause(steps, index) === 'suspend';
    case 'bankruptcyPetition': return dataText(step, 'reason') === 'bankruptcyPetition';
    case 'sold': return dataText(step, 'result') === 'sold';
    case 'unsold': return dataText(step, 'result') === 'unsold';
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
    // Money from a sold asset is paid out after delivery (NĐ 62/2015 Điều 27.4), not on collection.
    case 'collectNotAwaitingDelivery': return saleAwaitingDelivery(steps, index) < 0;
    // The proceeds of a sale, collected from the buyer, are paid out after delivery: nothing to pay out if none was collected.
    case 'deliveryAfterSale': {
      const sale = lastIndexBefore(steps, index, (s) => s.step === 'auction' && dataText(s, 'result') === 'sold');
      return sale >= 0 && lastIndexBefore(steps, index, (s) => s.step === 'collect') > sale;
    }
    default: return assertNever(name);
  }
};
