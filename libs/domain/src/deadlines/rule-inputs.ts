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
const RECEIPT: Reads = [
  { step: 'receive', field: 'origin' },
  { step: 'receive', field: 'interimMeasure' },
  { step: 'receive', field: 'entrustedFrom' },
];
const NOTICE: Reads = [{ step: 'notify', field: 'to' }];

const PREDICATE_READS: Record<PredicateName, Reads> = {
  onRequest: RECEIPT,
  exOfficio: [...RECEIPT, { step: 'receive', field: 'bankruptcyDecision' }],
  exOfficioOrBankruptcy: RECEIPT,
  interimMeasure: [{ step: 'receive', field: 'interimMeasure' }],
  bankruptcyDecision: [...RECEIPT, { step: 'receive', field: 'bankruptcyDecision' }],
  entrustedIn: [
    { step: 'receive', field: 'entrustedFrom' },
    { step: 'receive', field: 'interimMeasure' },
  ],
  firstNoticeOfDecision: NOTICE,
  withoutConditions: [{ step: 'classify', field: 'class' }],
  periodicReverification: [
    { step: 'classify', field: 'class' },
    { step: 'classify', field: 'ground' },
  ],
  countedVerification: [
    { step: 'classify', field: 'class' },
    { step: 'classify', field: 'ground' },
  ],
  addressUnknownGround: [
    { step: 'classify', field: 'class' },
    { step: 'classify', field: 'ground' },
  ],
  resumesPostponement: [],
  resumesSuspension: [],
  bankruptcyPetition: [{ step: 'trigger', field: 'reason' }],
  sold: [{ step: 'trigger', field: 'result' }],
  unsold: [{ step: 'trigger', field: 'result' }],
  immovableAsset: [
    { step: 'trigger', field: 'assetKind' },
    { step: 'seize', field: 'assetKind' },
  ],
  paymentAfterSale: [
    { step: 'auction', field: 'result' },
    { step: 'collect', field: 'buyerPaidInFull' },
  ],
  buyerPaidInFull: [{ step: 'collect', field: 'buyerPaidInFull' }],
  collectNotAwaitingDelivery: [{ step: 'auction', field: 'result' }],
  deliveryAfterSale: [{ step: 'auction', field: 'result' }],
  decisionOnEnforcement: [{ step: 'classify', field: 'class' }],
  noticeToParties: NOTICE,
  noticeToProcuracy: NOTICE,
  publication: NOTICE,
  differingFinding: [{ step: 'verify', field: 'findingOn' }],
};

// What each start reads (starts.ts).
const START_READS: Record<StartName, Reads> = {
  trigger: [],
  groundOn: [{ step: 'trigger', field: 'groundOn' }],
  groundOnOrLastVerify: [{ step: 'trigger', field: 'groundOn' }],
  lastReceive: [],
  separateTrackingEligible: [
    { step: 'receive', field: 'origin' },
    { step: 'classify', field: 'ground' },
  ],
  auctionContract: [{ step: 'auction', field: 'contractOn' }],
  findingOn: [{ step: 'trigger', field: 'findingOn' }],
};

// The steps whose data may carry a rule's satisfactionDateField (StepRequest's CONTRACT_STEPS).
const DATE_FIELD_STEPS: Partial<Record<DeadlineDataField, ReadonlyArray<DeadlineStepName>>> = {
  contractOn: ['value', 'auction'],
};

/** Every (step, field) a rule reads: its conditions, its start, and the date that proves its act. */
export const fieldsReadBy = (rule: DeadlineRule): FieldRead[] => {
  const reads: FieldRead[] = [];
  const add = (list: Reads) => {
    for (const { step, field } of list) {
      for (const s of step === 'trigger' ? triggersOf(rule) : [step]) reads.push({ step: s, field });
    }
  };
  for (const name of [rule.when, rule.lengthWhen?.when, rule.satisfiedWhen]) if (name) add(PREDICATE_READS[name]);
  add(START_READS[rule.start ?? 'trigger']);
  const dated = rule.satisfactionDateField;
  if (dated)
    add(
      rule.satisfiedBy
        .filter((step) => DATE_FIELD_STEPS[dated]?.includes(step) ?? true)
        .map((step) => ({ step, field: dated })),
    );
  const seen = new Set<string>();
  return reads.filter((r) => !seen.has(`${r.step}.${r.field}`) && seen.add(`${r.step}.${r.field}`));
};
