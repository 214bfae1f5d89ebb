import 'reflect-metadata';
import {
  addDays,
  caseDecider,
  CaseCommand,
  DEADLINE_DATA_FIELDS,
  DEADLINE_RULES,
  DeadlineRule,
  entrustedInReceipt,
  evaluateDeadlines,
  FieldRead,
  fieldsReadBy,
  RecordedStep,
  REGIMES,
  createWorkingDayCalendar,
  StepEventOf,
} from '@thads/domain';
import { parseImportLine } from '../import/import-line';
import { CreateCaseRequest } from './create-case-request';
import { REASONS, StepRequest } from './step-request';
import { validateRequest } from './validate';

// Luật THADS Điều 36.2, 101.2 (issue 20 point 9): a rule that reads a field the API or the import
// refuses can never open. Every field every rule of every regime reads is accepted by the API's
// DTO, by the bulk import, and reaches the event's data; and every rule opens from requests.

const calendar = createWorkingDayCalendar();
const NOW = new Date('2030-01-01T00:00:00Z');
type Line = Record<string, unknown>;

const receiveLine = (on: string, more: Line = {}): Line => ({
  caseId: 'c-1',
  step: 'receive',
  unitId: 'u-1',
  origin: 'exOfficio',
  on,
  amountDue: '1000000',
  judgment: { court: 'TAND Quận 1', number: '12/2024/DS-ST', date: on },
  creditor: { name: 'A' },
  debtor: { name: 'B' },
  ...more,
});

// The fields each step requires, at their plainest.
const REQUIRED: Record<string, Line> = {
  assign: { enforcerId: 'chv-1' },
  classify: { class: 'withConditions' },
  auction: { result: 'unsold' },
  collect: { amount: '100' },
  disburse: { amount: '100' },
  reduce: { amount: '100' },
  terminate: { reason: 'creditorWaiver' },
  postpone: { reason: 'illness' },
  suspend: { reason: 'protest' },
  entrust: { toUnitId: 'u-2' },
};

/** A request of `step` on `on` that carries `field` with a value a rule would act on. */
const carrying = ({ step, field }: FieldRead, on: string): Line => {
  const sample: Record<string, Line> = {
    origin: { origin: 'onRequest' },
    interimMeasure: { interimMeasure: true },
    class: { class: 'withoutConditions', ground: 'noAssets' },
    ground: { class: 'withoutConditions', ground: 'addressUnknown' },
    reason: { reason: REASONS[step as keyof typeof REASONS]?.[0] ?? 'other' },
    result: { result: 'sold', price: '100' },
    assetKind: { assetKind: 'immovable' },
    groundOn: { groundOn: addDays(on, -1) },
    contractOn: { contractOn: addDays(on, -1) },
    buyerPaidInFull: { buyerPaidInFull: true },
    bankruptcyDecision: { bankruptcyDecision: true },
    to: { to: 'procuracy' },
    findingOn: { findingOn: addDays(on, -1) },
  };
  const fields = sample[field];
  return step === 'receive' ? receiveLine(on, fields) : { caseId: 'c-1', step, on, ...REQUIRED[step], ...fields };
};

/** The API's answer to a line's body, through the DTO its route validates. */
const apiErrors = (line: Line): string[] =>
  (line.step === 'receive' ? validateRequest(CreateCaseRequest, body(line)) : validateRequest(StepRequest, body(line)))
    .errors;

const body = (line: Line): Line => {
  const { caseId: _c, step, ...rest } = line;
  return step === 'receive' ? rest : { step, ...rest };
};

const keptForRules = (data: Record<string, unknown>) =>
  Object.fromEntries(DEADLINE_DATA_FIELDS.filter((f) => data[f] !== undefined).map((f) => [f, data[f]]));

/** The import's command for a line, as the case-steps read model keeps its step. */
const recorded = (line: Line): RecordedStep => {
  if (line.step === ENTRUSTED_IN) {
    const receipt = entrustedReceipt(line.on as string);
    return { step: 'receive', on: receipt.on, data: keptForRules(receipt.data as Record<string, unknown>) };
  }
  const parsed = parseImportLine(JSON.stringify(line), 1, NOW);
  if (parsed.kind !== 'case') throw new Error('not a case line');
  const { command } = parsed;
  return {
    step: command.kind === 'receive' ? 'receive' : command.step,
    on: command.on,
    data: keptForRules(command.data as Record<string, unknown>),
  };
};

/**
 * The receipt an entrustment appends to the receiving unit on `on` (entrustment.ts): the source
 * case is received, decided and entrusted through requests the API accepts.
 */
const ENTRUSTED_IN = 'entrusted-in';
const entrustedReceipt = (on: string) => {
  const lines: Line[] = [receiveLine(addDays(on, -20)), { caseId: 'c-1', step: 'decide', on: addDays(on, -18) }];
  for (const line of lines) expect(apiErrors(line)).toEqual([]);
  let state = caseDecider.initialState();
  for (const line of lines) {
    const parsed = parseImportLine(JSON.stringify(line), 1, NOW);
    if (parsed.kind !== 'case') throw new Error('not a case line');
    for (const event of caseDecider.decide({ ...parsed.command, today: on } as CaseCommand, state))
      state = caseDecider.evolve(state, event);
  }
  const entrust = { caseId: 'c-1', step: 'entrust', on, toUnitId: 'u-2' };
  expect(apiErrors(entrust)).toEqual([]);
  const parsed = parseImportLine(JSON.stringify(entrust), 1, NOW);
  if (parsed.kind !== 'case' || state.status !== 'known') throw new Error('not a case line');
  const [event] = caseDecider.decide({ ...parsed.command, today: on } as CaseCommand, state);
  return entrustedInReceipt(state, event as StepEventOf<'entrust'>, on);
};

const allReads = [...new Map(DEADLINE_RULES.flatMap(fieldsReadBy).map((r) => [`${r.step}.${r.field}`, r])).values()];

describe('every field a deadline rule reads', () => {
  it('is read from somewhere: the rules read these fields', () => {
    expect(allReads.map((r) => `${r.step}.${r.field}`).sort()).toEqual(
      expect.arrayContaining([
        'auction.contractOn',
        'collect.buyerPaidInFull',
        'notify.to',
        'receive.bankruptcyDecision',
        'receive.entrustedFrom',
        'receive.interimMeasure',
        'value.contractOn',
        'verify.findingOn',
      ]),
    );
  });

  // `entrustedFrom` is no field of a request: the entrustment appends it to the receiving unit's
  // case (entrustment.ts), and the case-steps read model must keep it for row 24.
  it('receive.entrustedFrom is set by an entrustment on the receiving case and kept for the rules', () => {
    const receipt = entrustedReceipt('2025-03-10');
    expect(receipt.data).toHaveProperty('entrustedFrom');
    expect(keptForRules(receipt.data as Record<string, unknown>)).toHaveProperty('entrustedFrom');
  });

  it.each(allReads.filter((r) => r.field !== 'entrustedFrom').map((r) => [`${r.step}.${r.field}`, r] as const))(
    '%s is accepted by the API, the import, and kept in the event',
    (_name, read) => {
      const line = carrying(read, '2025-03-10');
      expect(apiErrors(line)).toEqual([]);
      const step = recorded(line);
      expect(step.data).toHaveProperty(read.field);
    },
  );
});

// For each rule, the requests that open it (day offsets from a date inside the entry's window).
const decided = (d: (n: number) => string, origin = 'exOfficio'): Line[] => [
  receiveLine(d(0), { origin }),
  { step: 'decide', on: d(2) },
  { step: 'notify', on: d(3) },
];
const seized = (d: (n: number) => string): Line[] => [
  ...decided(d),
  { step: 'verify', on: d(20) },
  { step: 'classify', on: d(21), class: 'withConditions' },
  { step: 'seize', on: d(25) },
];
const sold = (d: (n: number) => string): Line[] => [
  ...seized(d),
  { step: 'value', on: d(35) },
  { step: 'auction', on: d(60), result: 'sold', price: '100' },
];
const withoutConditions = (d: (n: number) => string): Line[] => [
  ...decided(d),
  { step: 'verify', on: d(20) },
  { step: 'classify', on: d(22), class: 'withoutConditions', ground: 'noAssets' },
];

const SCENARIOS: Record<string, (d: (n: number) => string) => Line[]> = {
  'decide-on-request': (d) => [receiveLine(d(0), { origin: 'onRequest' })],
  'refuse-request': (d) => [
    receiveLine(d(0), { origin: 'onRequest' }),
    { step: 'refuse', on: d(3), reason: 'noRight' },
  ],
  'decide-ex-officio': (d) => [receiveLine(d(0))],
  'decide-interim-measure': (d) => [receiveLine(d(0), { interimMeasure: true })],
  'open-case-file': (d) => [...decided(d), { step: 'assign', on: d(4), enforcerId: 'chv-1' }],
  'notify-decision': (d) => decided(d).slice(0, 2),
  'voluntary-period': decided,
  'first-verification': decided,
  'decide-without-conditions': withoutConditions,
  'periodic-reverification': withoutConditions,
  'verify-new-information': (d) => [...withoutConditions(d), { step: 'restore', on: d(40) }],
  'move-to-separate-tracking': (d) => [
    ...withoutConditions(d),
    { step: 'verify', on: d(200) },
    { step: 'verify', on: d(390) },
  ],
  'decide-postponement': (d) => [...decided(d), { step: 'postpone', on: d(10), reason: 'illness', groundOn: d(9) }],
  'resume-after-postponement': (d) => [
    ...decided(d),
    { step: 'postpone', on: d(10), reason: 'illness' },
    { step: 'resume', on: d(20), groundOn: d(19) },
  ],
  'decide-suspension': (d) => [
    ...decided(d),
    { step: 'suspend', on: d(10), reason: 'bankruptcyPetition', groundOn: d(9) },
  ],
  'resume-after-suspension': (d) => [
    ...decided(d),
    { step: 'suspend', on: d(10), reason: 'protest' },
    { step: 'resume', on: d(20), groundOn: d(19) },
  ],
  'decide-termination': (d) => [
    ...decided(d),
    { step: 'terminate', on: d(10), reason: 'creditorWaiver', groundOn: d(9) },
  ],
  'decide-entrustment': (d) => [...decided(d), { step: 'entrust', on: d(10), toUnitId: 'u-2', groundOn: d(9) }],
  'appraisal-contract': seized,
  'auction-contract': (d) => [...seized(d), { step: 'value', on: d(35) }],
  'hold-auction': (d) => [...seized(d), { step: 'value', on: d(35) }],
  'notify-valuation': (d) => [...seized(d), { step: 'value', on: d(35) }],
  'notify-failed-auction': (d) => [
    ...seized(d),
    { step: 'value', on: d(35) },
    { step: 'auction', on: d(60), result: 'unsold', contractOn: d(40) },
  ],
  'buyer-payment': sold,
  'deliver-sold-asset': (d) => [...sold(d), { step: 'collect', on: d(70), amount: '100', buyerPaidInFull: true }],
  'disburse-collected': (d) => [...decided(d), { step: 'collect', on: d(5), amount: '100' }],
  'disburse-after-delivery': (d) => [
    ...sold(d),
    { step: 'collect', on: d(70), amount: '100', buyerPaidInFull: true },
    { step: 'deliver', on: d(80) },
  ],
  'decide-bankruptcy': (d) => [receiveLine(d(0), { bankruptcyDecision: true })],
  'receiver-decides-entrusted-case': (d) => [{ step: ENTRUSTED_IN, on: d(0) }],
  'send-decision-to-procuracy': (d) => [...decided(d), { step: 'notify', on: d(4), to: 'procuracy' }],
  'publish-without-conditions': (d) => [...withoutConditions(d), { step: 'notify', on: d(24), to: 'public' }],
  'reverify-on-differing-finding': (d) => [...decided(d), { step: 'verify', on: d(20), findingOn: d(18) }],
};

/** A day inside the entry's window, late enough that no term of the scenario reaches the next regime. */
const firstDay = (rule: DeadlineRule): string => {
  const regime = REGIMES.find((r) => r.regime === rule.regime)!;
  return addDays(rule.appliesFrom && rule.appliesFrom > regime.from ? rule.appliesFrom : regime.from, 10);
};

const label = (r: DeadlineRule) =>
  `${r.id} (${r.regime}${r.appliesFrom ? ` from ${r.appliesFrom}` : ''}${r.appliesUntil ? ` until ${r.appliesUntil}` : ''})`;

describe('every rule of every regime', () => {
  it('has a scenario', () => {
    expect(DEADLINE_RULES.map((r) => r.id).filter((id) => !SCENARIOS[id])).toEqual([]);
  });

  it.each(DEADLINE_RULES.map((r) => [label(r), r] as const))(
    '%s opens from requests the API and the import accept, reading only the fields it declares',
    (_name, rule) => {
      const start = firstDay(rule);
      const lines: Line[] = SCENARIOS[rule.id]((n) => addDays(start, n)).map((l) => ({ caseId: 'c-1', ...l }));
      for (const line of lines.filter((l) => l.step !== ENTRUSTED_IN)) expect(apiErrors(line)).toEqual([]);
      // Record what the evaluation reads of each step's data.
      const reads = new Set<string>();
      const steps = lines.map(recorded).map((s) => ({
        ...s,
        data: new Proxy(s.data ?? {}, {
          get: (target, key) => {
            if (typeof key === 'string') reads.add(`${s.step}.${key}`);
            return Reflect.get(target, key);
          },
        }),
      }));
      const family = DEADLINE_RULES.filter((r) => r === rule || (r.id === rule.after && r.regime === rule.regime));
      const items = evaluateDeadlines(steps, addDays(steps[steps.length - 1].on, 800), calendar, family).filter(
        (i) => i.rule === rule.id,
      );
      expect(items.map((i) => [i.regime, i.legalBasis])).toContainEqual([rule.regime, rule.legalBasis]);
      const declared = new Set(family.flatMap(fieldsReadBy).map((r) => `${r.step}.${r.field}`));
      expect([...reads].filter((r) => !declared.has(r))).toEqual([]);
    },
  );
});
