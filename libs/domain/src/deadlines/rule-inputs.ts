import { DeadlineRule, DeadlineStepName, triggersOf } from './deadline-rule';
import { PredicateName } from './predicates';
import { DeadlineDataField } from './recorded-step';
import { StartName } from './starts';

/** A field of a step's data that a rule reads: it must be one the API, the import and the forms accept. */
export interface FieldRead {
  step: DeadlineStepName;
  field: DeadlineDataField;
}

type Reads = ReadonlyArray<{ step: DeadlineStepName | 'trigger'; field: DeadlineDataField }>;

// What each named condition reads (predicates.ts); 'trigger' is the rule's triggering step.
const PREDICATE_READS: Record<PredicateName, Reads> = {
  onRequest: [{ step: 'receive', field: 'origin' }, { step: 'receive', field: 'interimMeasure' }],
  exOfficio: [{ step: 'receive', field: 'origin' }, { step: 'receive', field: 'interimMeasure' }],
  interimMeasure: [{ step: 'receive', field: 'interimMeasure' }],
  firstNoticeOfDecision: [],
  withoutConditions: [{ step: 'classify', field: 'class' }],
  periodicReverification: [{ step: 'classify', field: 'class' }],
  addressUnknownGround: [{ step: 'classify', field: 'class' }, { step: 'classify', field: 'ground' }],
  resumesPostponement: [],
  resumesSuspension: [],
  bankruptcyPetition: [{ step: 'trigger', field: 'reason' }],
  sold: [{ step: 'trigger', field: 'result' }],
  unsold: [{ step: 'trigger', field: 'result' }],
  immovableAsset: [{ step: 'trigger', field: 'assetKind' }, { step: 'seize', field: 'assetKind' }],
  paymentAfterSale: [{ step: 'auction', field: 'result' }, { step: 'collect', field: 'buyerPaidInFull' }],
  collectNotAwaitingDelivery: [{ step: 'auction', field: 'result' }],
  deliveryAfterSale: [{ step: 'auction', field: 'result' }],
};

// What each start reads (starts.ts).
const START_READS: Record<StartName, Reads> = {
  trigger: [],
  groundOn: [{ step: 'trigger', field: 'groundOn' }],
  groundOnOrLastVerify: [{ step: 'trigger', field: 'groundOn' }],
  lastReceive: [],
  separateTrackingEligible: [{ step: 'receive', field: 'origin' }, { step: 'classify', field: 'ground' }],
  auctionContract: [{ step: 'auction', field: 'contractOn' }],
};

/** Every (step, field) a rule reads: its conditions, its start, and the date that proves its act. */
export const fieldsReadBy = (rule: DeadlineRule): FieldRead[] => {
  const reads: FieldRead[] = [];
  const add = (list: Reads) => {
    for (const { step, field } of list) {
      for (const s of step === 'trigger' ? triggersOf(rule) : [step]) reads.push({ step: s, field });
    }
  };
  for (const name of [rule.when, rule.lengthWhen?.when]) if (name) add(PREDICATE_READS[name]);
  add(START_READS[rule.start ?? 'trigger']);
  if (rule.satisfactionDateField) add(rule.satisfiedBy.map((step) => ({ step, field: rule.satisfactionDateField! })));
  const seen = new Set<string>();
  return reads.filter((r) => !seen.has(`${r.step}.${r.field}`) && seen.add(`${r.step}.${r.field}`));
};
