import 'reflect-metadata';
import { CODE_LABELS, CODE_LABELS_EN, STEP_NAMES, StepName } from '@thads/domain';
import { stepDescriptions } from './step-descriptions';
import { wordsOf } from './step-field-words';
import { STEP_FIELDS, StepField } from './step-fields';
import { StepRequest } from './step-request';
import { validateRequest } from './validate';

// The console's step forms are drawn from STEP_FIELDS (GET /api/steps): it must agree with what
// the API accepts, for every step. A field the table names must be accepted; one it calls
// required must be refused when missing; one it calls optional must be accepted when missing.

const ON = '2025-03-10';
const sample = (f: StepField): unknown => {
  switch (f.kind) {
    case 'date':
      return '2025-03-01';
    case 'money':
      return '1500000';
    case 'enum':
      return f.options![0];
    case 'text':
      return 'Nội dung';
    case 'id':
      return 'chv-1';
    case 'unit':
      return 'kg-ab';
    case 'uuid':
      return '0b4f9a52-6f0e-4b8e-9a39-8e4c9d2f0a11';
    case 'boolean':
      return true;
  }
};
const fieldsOf = (step: StepName) => STEP_FIELDS[step].fields as ReadonlyArray<StepField>;

/** A request of `step` carrying every field the table names, each condition of a conditional field met. */
const full = (step: StepName): Record<string, unknown> => {
  const body: Record<string, unknown> = { step, on: ON, note: 'ghi chú' };
  for (const f of fieldsOf(step)) body[f.name] = sample(f);
  for (const f of fieldsOf(step)) if (typeof f.required === 'object') body[f.required.field] = f.required.equals;
  return body;
};
const errorsOf = (body: Record<string, unknown>) => validateRequest(StepRequest, body, { flat: true }).errors;
const without = (body: Record<string, unknown>, name: string) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== name));

describe('the table of step fields (GET /api/steps) and StepRequest agree', () => {
  it('names every step', () => {
    expect(Object.keys(STEP_FIELDS).sort()).toEqual([...STEP_NAMES].sort());
  });

  it.each(STEP_NAMES.map((s) => [s]))('%s: every field the table names is accepted', (step) => {
    expect(errorsOf(full(step))).toEqual([]);
  });

  it.each(STEP_NAMES.map((s) => [s]))(
    '%s: a required field is refused when missing, an optional one is not',
    (step) => {
      for (const f of fieldsOf(step)) {
        const errors = errorsOf(without(full(step), f.name));
        if (f.required)
          expect({ field: f.name, refused: errors.some((e) => e.startsWith(f.name)) }).toEqual({
            field: f.name,
            refused: true,
          });
        else expect({ field: f.name, errors }).toEqual({ field: f.name, errors: [] });
      }
      // The step's date is required by every step.
      expect(errorsOf(without(full(step), 'on')).some((e) => e.startsWith('on'))).toBe(true);
    },
  );

  it('a required-when field is not required when its condition does not hold', () => {
    for (const step of STEP_NAMES) {
      for (const f of fieldsOf(step)) {
        const when = f.required;
        if (typeof when !== 'object') continue;
        const other = fieldsOf(step).find((g) => g.name === when.field)!;
        const otherValue = other.options!.find((o) => o !== when.equals)!;
        expect(errorsOf({ ...without(full(step), f.name), [other.name]: otherValue })).toEqual([]);
      }
    }
  });

  it('an enum offers exactly the codes the API accepts', () => {
    for (const step of STEP_NAMES) {
      for (const f of fieldsOf(step).filter((g) => g.kind === 'enum')) {
        for (const option of f.options!) expect(errorsOf({ ...full(step), [f.name]: option })).toEqual([]);
        expect(errorsOf({ ...full(step), [f.name]: 'no-such-code' }).some((e) => e.startsWith(f.name))).toBe(true);
      }
    }
  });

  it('every field and every code has its words in Vietnamese and English', () => {
    for (const step of STEP_NAMES) {
      for (const f of [...fieldsOf(step), { name: 'on' }, { name: 'note' }])
        expect({ step, field: f.name, words: !!wordsOf(step, f.name) }).toEqual({ step, field: f.name, words: true });
    }
    const codes = new Set(STEP_NAMES.flatMap((s) => fieldsOf(s).flatMap((f) => f.options ?? [])));
    for (const code of codes)
      expect({ code, vi: !!CODE_LABELS[code], en: !!CODE_LABELS_EN[code] }).toEqual({ code, vi: true, en: true });
    expect(Object.keys(CODE_LABELS_EN).sort()).toEqual(Object.keys(CODE_LABELS).sort());
  });

  it('describes each step with its date first, its note last, and required-when conditions', () => {
    const steps = stepDescriptions();
    const classify = steps.find((s) => s.step === 'classify')!;
    expect(classify.label.vi).toBe('Xác định điều kiện thi hành án');
    expect(classify.fields.map((f) => f.name)).toEqual(['on', 'class', 'ground', 'groundOn', 'note']);
    expect(classify.fields[2]).toMatchObject({
      required: false,
      requiredWhen: { field: 'class', equals: 'withoutConditions' },
    });
    expect(classify.fields[2].options).toContainEqual({
      value: 'noAssets',
      label: { vi: 'Không có thu nhập, tài sản', en: 'No income or assets' },
    });
    const auction = steps.find((s) => s.step === 'auction')!;
    expect(auction.fields.find((f) => f.name === 'price')).toMatchObject({
      kind: 'money',
      requiredWhen: { field: 'result', equals: 'sold' },
    });
  });
});
