import 'reflect-metadata';
import fc from 'fast-check';
import {
  ASSET_KINDS,
  CREDITOR_KINDS,
  JUDGMENT_KINDS,
  AUCTION_RESULTS,
  CASE_CLASSES,
  IMMEDIATE_SEIZURE_GROUNDS,
  LIMITATION_GROUNDS,
  ORIGINS,
  POSTPONE_REASONS,
  REFUSE_REASONS,
  RELIEF_GROUNDS,
  STATE_BUDGET_ITEMS,
  STEP_NAMES,
  StepName,
  SUSPEND_REASONS,
  TERMINATE_REASONS,
  WITHOUT_CONDITIONS_GROUNDS,
} from '@thads/domain';
import { CreateCaseRequest, JudgmentRequest, PartyRequest } from './create-case-request';
import { quickCreateCaseRequest, quickStepRequest } from './quick-accept';
import { StepRequest } from './step-request';
import { validateRequest } from './validate';

// The quick checks may refuse more than class-validator, never less; what they accept must be
// exactly what class-validator would have produced. Lines are built as import-line.ts sees them.
type Plain = Record<string, unknown>;
type Arbs = Record<string, fc.Arbitrary<unknown>>;
const LINE_KEYS: ReadonlySet<string> = new Set(['actor', 'recordedAt', 'caseId', 'step', 'unit']);
const STEP_LINE_KEYS: ReadonlySet<string> = new Set(['actor', 'recordedAt', 'caseId', 'unit']);
const without = (raw: Plain, keys: ReadonlySet<string>): Plain =>
  Object.fromEntries(Object.entries(raw).filter(([k]) => !keys.has(k)));

// Maps keep `__proto__`/`constructor` as ordinary keys; JSON.parse then makes them own keys, as an import line would.
const toJson = (v: unknown): string =>
  v instanceof Map ? `{${[...v].map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(',')}}` : JSON.stringify(v);
const parse = (m: Map<string, unknown>): Plain => JSON.parse(toJson(m));

const slowStep = (raw: Plain) => validateRequest(StepRequest, without(raw, STEP_LINE_KEYS), { flat: true });
const slowCase = (raw: Plain) => validateRequest(CreateCaseRequest, without(raw, LINE_KEYS));

const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const vnd = fc.bigInt({ min: 1n, max: 10n ** 18n - 1n }).map(String);
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/);
const text = fc.string({ unit: 'binary', maxLength: 40 });
const filled = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
const of = (values: ReadonlyArray<string>) => fc.constantFrom(...values);
const actor = fc.constant({ id: 'chv-07', role: 'enforcer', unitId: 'hcm-q1' });

// Per step: the fields it requires and the ones it may carry (StepData in libs/domain events.ts).
const SHAPES: { [S in StepName]?: [Arbs, Arbs] } = {
  refuse: [{}, { reason: of(REFUSE_REASONS) }],
  decide: [{}, { decisionNumber: text, limitationGround: of(LIMITATION_GROUNDS) }],
  assign: [{ enforcerId: id }, {}],
  notify: [{}, { recipient: text }],
  classify: [{ class: of(CASE_CLASSES) }, { ground: of(WITHOUT_CONDITIONS_GROUNDS) }],
  seize: [{}, { assetKind: of(ASSET_KINDS), description: text, immediateGround: of(IMMEDIATE_SEIZURE_GROUNDS) }],
  value: [{}, { price: vnd, assetKind: of(ASSET_KINDS), contractOn: date }],
  auction: [{ result: of(AUCTION_RESULTS) }, { price: vnd, contractOn: date }],
  collect: [{ amount: vnd }, { buyerPaidInFull: fc.boolean() }],
  disburse: [{ amount: vnd }, {}],
  reduce: [
    { amount: vnd, court: filled, decisionNumber: text, decisionOn: date, stateBudgetItem: of(STATE_BUDGET_ITEMS) },
    { reliefGround: of(RELIEF_GROUNDS) },
  ],
  terminate: [{ reason: of(TERMINATE_REASONS) }, { groundOn: date }],
  postpone: [{ reason: of(POSTPONE_REASONS) }, { groundOn: date }],
  suspend: [{ reason: of(SUSPEND_REASONS) }, { groundOn: date }],
  resume: [{}, { groundOn: date }],
  entrust: [{ toUnitId: id }, { groundOn: date }],
  transfer: [{ toUnitId: id }, { reason: text, reorganisationId: id }],
  correct: [{ correctsEventId: fc.uuid(), reason: filled }, {}],
  recordCaseKinds: [
    { creditorKind: of(CREDITOR_KINDS) },
    { judgmentKind: of(JUDGMENT_KINDS), steeringCommittee: fc.boolean() },
  ],
};

const stepLine = of(STEP_NAMES).chain((step) => {
  const [required, optional] = SHAPES[step as StepName] ?? [{}, {}];
  return fc
    .tuple(
      fc.record({ caseId: id, on: date, ...required }),
      fc.record(
        { actor, recordedAt: fc.constant('2025-01-01T00:00:00Z'), expectedRevision: fc.nat(), note: text, ...optional },
        { requiredKeys: [] },
      ),
    )
    .map(([line, more]) => {
      const m = new Map<string, unknown>([['step', step], ...Object.entries(line), ...Object.entries(more)]);
      if (m.get('class') === 'withoutConditions' && !m.has('ground')) m.set('ground', 'noAssets');
      if (m.get('result') === 'sold' && !m.has('price')) m.set('price', '1');
      return m;
    });
});

const caseLine = fc
  .tuple(
    fc.record({ caseId: id, unitId: id, origin: of(ORIGINS), on: date, amountDue: fc.oneof(fc.constant('0'), vnd) }),
    fc.record(
      { court: filled, number: filled, date, kind: of(JUDGMENT_KINDS) },
      { requiredKeys: ['court', 'number', 'date'] },
    ),
    filled,
    filled,
    fc.record(
      { actor, obligation: text, note: text, interimMeasure: fc.boolean(), steeringCommittee: fc.boolean() },
      { requiredKeys: [] },
    ),
    fc.option(of(CREDITOR_KINDS), { nil: undefined }),
  )
  .map(
    ([top, j, creditor, debtor, more, creditorKind]) =>
      new Map<string, unknown>([
        ['step', 'receive'],
        ...Object.entries(top),
        ['judgment', new Map(Object.entries(j))],
        [
          'creditor',
          new Map<string, unknown>([['name', creditor], ...(creditorKind ? [['kind', creditorKind] as const] : [])]),
        ],
        ['debtor', new Map([['name', debtor]])],
        ...Object.entries(more),
      ]),
  );

// Wrong values near each field's rule, keyed by field (a Map: `constructor` must not find Object.prototype's).
const ENUMS = [
  ...STEP_NAMES,
  ...TERMINATE_REASONS,
  ...POSTPONE_REASONS,
  ...SUSPEND_REASONS,
  ...REFUSE_REASONS,
  ...WITHOUT_CONDITIONS_GROUNDS,
  ...CASE_CLASSES,
  ...AUCTION_RESULTS,
  ...ASSET_KINDS,
  ...ORIGINS,
  ...LIMITATION_GROUNDS,
  ...IMMEDIATE_SEIZURE_GROUNDS,
  ...STATE_BUDGET_ITEMS,
  ...RELIEF_GROUNDS,
  ...CREDITOR_KINDS,
  ...JUDGMENT_KINDS,
  'receive',
  'Sold',
  'other ',
];
const near = (bad: unknown[], good: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...bad) }, { weight: 1, arbitrary: good });
const long = (max: number) =>
  near(['x'.repeat(max), 'x'.repeat(max + 1), '😀'.repeat(max / 2 + 1), '', ' ', 12, ['a']], text);
const DATES = near(
  ['2025-02-30', '2025-1-1', '2025-13-01', '2023-02-29', '20250101', '2025-01-01T00:00:00Z', '0000-01-01', 20250101],
  date,
);
const AMOUNTS = near(['0', '-1', '1.5', ' 12', '12 ', '012', '1e3', '1'.repeat(22), '1'.repeat(19), '', 12, 0], vnd);
const IDS = near(['', 'a b', '-abc', '.x', 'x'.repeat(100), 'x'.repeat(101), 'hcm\n', 'ă', 12], id);
const NEAR = new Map<string, fc.Arbitrary<unknown>>([
  ['on', DATES],
  ['groundOn', DATES],
  ['contractOn', DATES],
  ['date', DATES],
  ['decisionOn', DATES],
  ['interimMeasure', fc.constantFrom(true, false, 'true', 1, null)],
  ['buyerPaidInFull', fc.constantFrom(true, false, 'true', 1, 0, null)],
  ['steeringCommittee', fc.constantFrom(true, false, 'true', 1, 0, null)],
  ['amount', AMOUNTS],
  ['price', AMOUNTS],
  ['amountDue', AMOUNTS],
  ['enforcerId', IDS],
  ['toUnitId', IDS],
  ['caseId', IDS],
  ['unitId', IDS],
  ['expectedRevision', fc.constantFrom(-1, 1.5, '3', -0, 2 ** 53, 0, 7)],
  ['note', long(2000)],
  ['description', long(2000)],
  ['obligation', long(2000)],
  ['decisionNumber', long(100)],
  ['recipient', long(300)],
  ['court', long(200)],
  ['number', long(100)],
  ['name', long(300)],
  ['reason', fc.oneof(of(ENUMS), long(2000))],
  ...[
    'step',
    'class',
    'ground',
    'result',
    'assetKind',
    'origin',
    'limitationGround',
    'immediateGround',
    'stateBudgetItem',
    'reliefGround',
    'creditorKind',
    'judgmentKind',
    'kind',
  ].map((k) => [k, of(ENUMS)] as const),
]);
const generic = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, '', [], ['a'], {}, { name: 'A' }),
  fc.jsonValue({ maxDepth: 1 }),
  of(ENUMS),
  date,
  vnd,
);
const valueFor = (key: string) =>
  fc.oneof({ weight: 4, arbitrary: NEAR.get(key.split('.').pop()!) ?? generic }, { weight: 1, arbitrary: generic });
const ODD_KEYS = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'extra',
  'Step',
  '',
  'correctsEventId',
];
const STEP_KEYS = [
  ...'step on expectedRevision note enforcerId class ground result price amount reason'.split(' '),
  ...'toUnitId assetKind groundOn contractOn decisionNumber recipient description caseId actor amountDue'.split(' '),
  ...'court decisionOn stateBudgetItem reliefGround limitationGround immediateGround buyerPaidInFull'.split(' '),
  ...'creditorKind judgmentKind steeringCommittee'.split(' '),
];
const CASE_KEYS = [
  ...'caseId unitId origin on amountDue judgment creditor debtor obligation interimMeasure note expectedRevision'.split(
    ' ',
  ),
  'steeringCommittee',
  'judgment.kind',
  'creditor.kind',
  'debtor.kind',
  ...'judgment.court judgment.number judgment.date judgment.name judgment.__proto__ creditor.name creditor.toString debtor.name debtor.constructor'.split(
    ' ',
  ),
];

/** Two lines in five untouched, the others with one to three edits: a key (nested as "parent.key") removed or set. */
const perturbed = (base: fc.Arbitrary<Map<string, unknown>>, keys: string[]) =>
  base
    .chain((line) => {
      const present = [...line].flatMap(([k, v]) => [
        k,
        ...(v instanceof Map ? [...v.keys()].map((c) => `${k}.${c}`) : []),
      ]);
      const edit = fc.oneof(
        of(present).map((key) => ({ key, remove: true, value: undefined as unknown })),
        of([...keys, ...ODD_KEYS]).chain((key) => valueFor(key).map((value) => ({ key, remove: false, value }))),
      );
      return fc
        .oneof(
          { weight: 2, arbitrary: fc.constant([]) },
          { weight: 3, arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }) },
        )
        .map((edits) => [line, edits] as const);
    })
    .map(([line, edits]) => {
      const m = new Map(line);
      for (const { remove, key, value } of edits) {
        const [parent, child] = key.includes('.') ? key.split('.') : [undefined, key];
        const target =
          parent === undefined
            ? m
            : m.get(parent) instanceof Map
              ? new Map(m.get(parent) as Map<string, unknown>)
              : undefined;
        if (!target) continue;
        if (remove) target.delete(child);
        else target.set(child, value);
        if (parent !== undefined) m.set(parent, target);
      }
      return parse(m);
    });

/** When quick accepts, class-validator accepts too and gives the same instance; counts what quick accepts. */
const agrees = <T extends object>(
  quick: T | undefined,
  slow: () => { value?: T; errors: string[] },
  cls: new () => T,
  tally: { accepted: number },
) => {
  if (quick === undefined) return;
  tally.accepted += 1;
  const { value, errors } = slow();
  expect(errors).toEqual([]);
  expect(quick).toBeInstanceOf(cls);
  expect(value).toBeInstanceOf(cls);
  expect(quick).toStrictEqual(value);
};

describe('quick acceptance of import lines', () => {
  const RUNS = 6000;

  it('accepts a step line only as class-validator would, and to the same StepRequest', () => {
    const tally = { accepted: 0 };
    fc.assert(
      fc.property(perturbed(stepLine, STEP_KEYS), (raw) => {
        agrees(quickStepRequest(raw, STEP_LINE_KEYS), () => slowStep(raw), StepRequest, tally);
      }),
      { numRuns: RUNS },
    );
    // Enough accepted lines that the agreement is tested, not vacuous: about 30% since the transfer
    // step's fields joined the generator (±0.6 points a run, unseeded), so the floor is well below.
    expect(tally.accepted / RUNS).toBeGreaterThan(0.2);
  });

  it('accepts a receive line only as class-validator would, with class instances nested', () => {
    const tally = { accepted: 0 };
    fc.assert(
      fc.property(perturbed(caseLine, CASE_KEYS), (raw) => {
        const quick = quickCreateCaseRequest(raw, LINE_KEYS);
        agrees(quick, () => slowCase(raw), CreateCaseRequest, tally);
        if (quick) {
          expect(quick.judgment).toBeInstanceOf(JudgmentRequest);
          expect([quick.creditor, quick.debtor].every((p) => p instanceof PartyRequest)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(tally.accepted / RUNS).toBeGreaterThan(0.3);
  });

  it('always leaves a correction to class-validator', () => {
    fc.assert(
      fc.property(perturbed(stepLine, STEP_KEYS), (raw) => {
        expect(quickStepRequest({ ...raw, step: 'correct' }, STEP_LINE_KEYS)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
    const raw = {
      caseId: 'h-1',
      step: 'correct',
      on: '2025-03-01',
      correctsEventId: '6f1c1a52-4a8e-4c1e-9d0f-2b7f3d5e8a10',
      reason: 'nhập nhầm ngày',
    };
    expect(quickStepRequest(raw, STEP_LINE_KEYS)).toBeUndefined();
    expect(slowStep(raw).errors).toEqual([]);
  });

  const line = {
    caseId: 'hcm-q1-2025-001',
    actor: { id: 'chv-07', role: 'enforcer', unitId: 'hcm-q1' },
    on: '2025-02-07',
  };
  it.each<Plain>([
    { step: 'decide', decisionNumber: '12/QĐ-CCTHADS', expectedRevision: 1 },
    { step: 'assign', enforcerId: 'chv-07' },
    { step: 'notify', recipient: 'Nguyễn Văn A' },
    { step: 'verify', note: 'Xác minh tại nơi cư trú' },
    { step: 'classify', class: 'withConditions' },
    { step: 'classify', class: 'withoutConditions', ground: 'noAssets' },
    { step: 'seize', assetKind: 'immovable', description: 'Nhà số 5' },
    { step: 'value', price: '1500000000', assetKind: 'immovable' },
    { step: 'auction', result: 'sold', price: '1200000000' },
    { step: 'auction', result: 'unsold' },
    { step: 'deliver' },
    { step: 'value', price: '1500000000', contractOn: '2025-01-20' },
    { step: 'auction', result: 'unsold', contractOn: '2025-02-07' },
    { step: 'collect', amount: '228188311000' },
    { step: 'collect', amount: '1200000000', buyerPaidInFull: true },
    { step: 'disburse', amount: '100000000' },
    {
      step: 'reduce',
      amount: '5000000',
      court: 'TAND Quận 1',
      decisionNumber: '05/2025/QĐ-MGTHA',
      decisionOn: '2025-02-06',
      stateBudgetItem: 'courtFee',
    },
    { step: 'decide', limitationGround: 'objectiveObstacle' },
    { step: 'seize', immediateGround: 'dissipatingAssets' },
    { step: 'complete' },
    { step: 'terminate', reason: 'creditorWaiver', groundOn: '2025-02-01' },
    { step: 'postpone', reason: 'illness', groundOn: '2025-02-03' },
    { step: 'suspend', reason: 'protest' },
    { step: 'resume', groundOn: '2025-02-05' },
    { step: 'moveToSeparateTracking' },
    { step: 'restore' },
    { step: 'entrust', toUnitId: 'hn-bd', groundOn: '2025-02-04' },
    { step: 'revoke', expectedRevision: 0 },
  ])('accepts a typical $step line quickly', (fields) => {
    const raw = { ...line, ...fields };
    const quick = quickStepRequest(raw, STEP_LINE_KEYS);
    expect(quick).toBeInstanceOf(StepRequest);
    expect(quick).toStrictEqual(slowStep(raw).value);
    expect(quick).not.toHaveProperty('caseId');
  });

  it.each<Plain>([
    { step: 'classify' },
    { step: 'classify', class: 'withoutConditions' },
    { step: 'auction', result: 'sold' },
    { step: 'collect' },
    { step: 'collect', amount: '0' },
    { step: 'collect', amount: '012' },
    { step: 'collect', amount: 12 },
    { step: 'reduce', amount: ' 12' },
    { step: 'terminate', reason: 'illness' },
    { step: 'postpone', reason: 'protest' },
    { step: 'suspend', reason: 'other' },
    { step: 'verify', on: '2025-02-30' },
    { step: 'verify', on: '2025-1-1' },
    { step: 'verify', expectedRevision: -1 },
    { step: 'verify', expectedRevision: 1.5 },
    { step: 'verify', extra: 1 },
    { step: 'assign', enforcerId: 'a b' },
    { step: 'auction', result: 'unsold', contractOn: '2025-02-08' },
    { step: 'verify', contractOn: '2025-02-01' },
    { step: 'value', contractOn: '2025-02-30' },
    { step: 'reduce', amount: '5000000' },
    { step: 'reduce', amount: '5000000', court: 'TAND', decisionNumber: '1', decisionOn: '2025-02-06' },
    { step: 'collect', amount: '1', buyerPaidInFull: 'yes' },
    { step: 'seize', immediateGround: 'other' },
    { step: 'verify', note: 'x'.repeat(2001) },
    { step: 'decide', decisionNumber: 'x'.repeat(101) },
    { step: 'notify', recipient: 'x'.repeat(301) },
  ])('refuses, like class-validator, %j', (fields) => {
    const raw = { ...line, ...fields };
    expect(slowStep(raw).errors).not.toEqual([]);
    expect(quickStepRequest(raw, STEP_LINE_KEYS)).toBeUndefined();
  });

  it('accepts a typical receive line with its nested parts as DTO instances', () => {
    const raw = {
      caseId: 'hcm-q1-2025-001',
      step: 'receive',
      actor: line.actor,
      unitId: 'hcm-q1',
      origin: 'onRequest',
      on: '2025-01-24',
      judgment: { court: 'TAND TP Hồ Chí Minh', number: '123/2024/KDTM-PT', date: '2024-08-20' },
      creditor: { name: 'Ngân hàng TMCP X' },
      debtor: { name: 'Nguyễn Văn A' },
      amountDue: '228188311000',
      obligation: 'Trả nợ',
    };
    const quick = quickCreateCaseRequest(raw, LINE_KEYS);
    expect(quick).toBeInstanceOf(CreateCaseRequest);
    expect(quick?.judgment).toBeInstanceOf(JudgmentRequest);
    expect(quick?.creditor).toBeInstanceOf(PartyRequest);
    expect(quick?.debtor).toBeInstanceOf(PartyRequest);
    expect(quick).toStrictEqual(slowCase(raw).value);
    expect(Object.keys(quick ?? {}).sort()).toEqual([
      'amountDue',
      'creditor',
      'debtor',
      'judgment',
      'obligation',
      'on',
      'origin',
      'unitId',
    ]);
  });
});
