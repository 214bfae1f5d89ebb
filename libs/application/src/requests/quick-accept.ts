import {
  ASSET_KINDS,
  AUCTION_RESULTS,
  CASE_CLASSES,
  CREDITOR_KINDS,
  IMMEDIATE_SEIZURE_GROUNDS,
  isLocalDate,
  isVndString,
  JUDGMENT_KINDS,
  LIMITATION_GROUNDS,
  NOTICE_RECIPIENTS,
  ORIGINS,
  RELIEF_GROUNDS,
  STATE_BUDGET_ITEMS,
  STEP_NAMES,
  StepName,
  WITHOUT_CONDITIONS_GROUNDS,
} from '@thads/domain';
import { CreateCaseRequest, CreditorRequest, JudgmentRequest, PartyRequest } from './create-case-request';
import { CONTRACT_STEPS, REASONS, StepRequest } from './step-request';
import { ID_PATTERN, MAX_REVISION } from './validators';

/*
 * class-validator is a fifth of a bulk import's time, and almost every line is valid. These checks
 * answer "surely valid" for the common shapes and "don't know" for anything else, which then goes
 * through class-validator for its usual messages. So they may refuse more than the DTO rules
 * (then only time is lost), never less: quick-accept.spec.ts holds them to that.
 */

type Plain = Record<string, unknown>;
type Check = (value: unknown, o: Plain) => boolean;

const oneOf =
  (values: ReadonlyArray<string>): Check =>
  (v) =>
    values.includes(v as string);
// MaxLength counts a surrogate pair as one character, so `length <= max` is the stricter test.
const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max;
const filled =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v !== '' && v.length <= max;
const id: Check = (v) => typeof v === 'string' && ID_PATTERN.test(v);
const localDate: Check = (v) => isLocalDate(v);
const positiveVnd: Check = (v) => isVndString(v) && v !== '0';
/** An object with exactly these fields, each present and valid, and perhaps some of the optional ones, valid. */
const record =
  (fields: Map<string, Check>, optional: Map<string, Check> = new Map()): Check =>
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const keys = Object.keys(v);
    if (keys.filter((key) => fields.has(key)).length !== fields.size) return false;
    for (const key of keys)
      if (!(fields.get(key) ?? optional.get(key))?.(v[key as keyof typeof v], v as Plain)) return false;
    return true;
  };

// A Map, not an object literal: a key such as `constructor` must not find Object.prototype's.
const STEP_FIELDS = new Map<string, Check>([
  ['step', oneOf(STEP_NAMES)],
  ['on', localDate],
  ['expectedRevision', (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_REVISION],
  ['note', text(2000)],
  ['enforcerId', id],
  ['class', oneOf(CASE_CLASSES)],
  ['ground', oneOf(WITHOUT_CONDITIONS_GROUNDS)],
  ['result', oneOf(AUCTION_RESULTS)],
  ['price', positiveVnd],
  ['amount', positiveVnd],
  ['reason', (v, o) => filled(2000)(v, o) && (REASONS[o.step as StepName]?.includes(v as string) ?? true)],
  ['toUnitId', id],
  ['reorganisationId', id],
  ['assetKind', oneOf(ASSET_KINDS)],
  ['groundOn', localDate],
  ['decisionNumber', text(100)],
  ['recipient', text(300)],
  ['description', text(2000)],
  [
    'contractOn',
    (v, o) =>
      localDate(v, o) && CONTRACT_STEPS.includes(o.step as StepName) && isLocalDate(o.on) && (v as string) <= o.on,
  ],
  ['court', filled(200)],
  ['decisionOn', localDate],
  ['stateBudgetItem', oneOf(STATE_BUDGET_ITEMS)],
  ['reliefGround', oneOf(RELIEF_GROUNDS)],
  ['limitationGround', oneOf(LIMITATION_GROUNDS)],
  ['immediateGround', oneOf(IMMEDIATE_SEIZURE_GROUNDS)],
  ['buyerPaidInFull', (v, o) => typeof v === 'boolean' && o.step === 'collect'],
  ['to', (v, o) => oneOf(NOTICE_RECIPIENTS)(v, o) && o.step === 'notify'],
  ['findingOn', (v, o) => localDate(v, o) && o.step === 'verify' && isLocalDate(o.on) && (v as string) <= o.on],
  ['creditorKind', (v, o) => oneOf(CREDITOR_KINDS)(v, o) && o.step === 'recordCaseKinds'],
  ['judgmentKind', (v, o) => oneOf(JUDGMENT_KINDS)(v, o) && o.step === 'recordCaseKinds'],
  ['steeringCommittee', (v, o) => typeof v === 'boolean' && o.step === 'recordCaseKinds'],
]);

/** The fields each step requires (the DTO's ValidateIf conditions) are present. */
const hasRequired = (o: Plain): boolean => {
  switch (o.step) {
    case 'assign':
      return o.enforcerId !== undefined;
    case 'classify':
      return o.class !== undefined && (o.class !== 'withoutConditions' || o.ground !== undefined);
    case 'auction':
      return o.result !== undefined && (o.result !== 'sold' || o.price !== undefined);
    case 'collect':
    case 'disburse':
      return o.amount !== undefined;
    case 'reduce':
      return (
        o.amount !== undefined &&
        o.court !== undefined &&
        o.decisionNumber !== undefined &&
        o.decisionOn !== undefined &&
        o.stateBudgetItem !== undefined
      );
    case 'terminate':
    case 'postpone':
    case 'suspend':
      return o.reason !== undefined;
    case 'entrust':
    case 'transfer':
      return o.toUnitId !== undefined;
    case 'recordCaseKinds':
      return o.creditorKind !== undefined || o.judgmentKind !== undefined || o.steeringCommittee !== undefined;
    case 'correct':
      return false; // rare; class-validator judges its UUID
    default:
      return true;
  }
};

const CASE_FIELDS = new Map<string, Check>([
  ['caseId', id],
  ['unitId', id],
  ['origin', oneOf(ORIGINS)],
  ['on', localDate],
  ['amountDue', (v) => isVndString(v)],
  [
    'judgment',
    record(
      new Map([
        ['court', filled(200)],
        ['number', filled(100)],
        ['date', localDate],
      ]),
      new Map<string, Check>([
        ['effectiveOn', (v, j) => localDate(v, j) && isLocalDate(j.date) && (v as string) >= j.date],
        ['kind', oneOf(JUDGMENT_KINDS)],
      ]),
    ),
  ],
  ['creditor', record(new Map([['name', filled(300)]]), new Map([['kind', oneOf(CREDITOR_KINDS)]]))],
  ['debtor', record(new Map([['name', filled(300)]]))],
  ['obligation', text(2000)],
  ['note', text(2000)],
  ['interimMeasure', (v) => typeof v === 'boolean'],
  ['bankruptcyDecision', (v) => typeof v === 'boolean'],
  ['steeringCommittee', (v) => typeof v === 'boolean'],
]);
const CASE_REQUIRED = ['unitId', 'origin', 'on', 'judgment', 'creditor', 'debtor', 'amountDue'];

/** Every own key but the skipped ones is a field, and each present field is valid. */
const fieldsValid = (o: Plain, fields: Map<string, Check>, skip: ReadonlySet<string>): boolean => {
  for (const key of Object.keys(o)) {
    if (skip.has(key)) continue;
    const check = fields.get(key);
    if (!check) return false;
    const value = o[key];
    if (value !== undefined && !check(value, o)) return false;
  }
  return true;
};

const ownFields = <T extends object>(target: T, o: Plain, skip: ReadonlySet<string>): T => {
  for (const key of Object.keys(o)) if (!skip.has(key)) (target as Plain)[key] = o[key];
  return target;
};

/**
 * `o` less the `skip` keys as a StepRequest when it is surely valid, else undefined. The skipped
 * keys are none of the DTO's fields (they are the import line's own: caseId, actor…).
 */
export const quickStepRequest = (o: Plain, skip: ReadonlySet<string>): StepRequest | undefined =>
  STEP_NAMES.includes(o.step as StepName) && isLocalDate(o.on) && hasRequired(o) && fieldsValid(o, STEP_FIELDS, skip)
    ? ownFields(new StepRequest(), o, skip)
    : undefined;

/** The same for a received case; the nested parts become their DTO classes, as class-transformer makes them. */
export const quickCreateCaseRequest = (o: Plain, skip: ReadonlySet<string>): CreateCaseRequest | undefined => {
  for (const key of CASE_REQUIRED) if (o[key] === undefined) return undefined;
  if (!fieldsValid(o, CASE_FIELDS, skip)) return undefined;
  const request = ownFields(new CreateCaseRequest(), o, skip);
  request.judgment = ownFields(new JudgmentRequest(), o.judgment as Plain, NONE);
  request.creditor = ownFields(new CreditorRequest(), o.creditor as Plain, NONE);
  request.debtor = ownFields(new PartyRequest(), o.debtor as Plain, NONE);
  return request;
};

const NONE: ReadonlySet<string> = new Set();
