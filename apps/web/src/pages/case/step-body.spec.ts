/// <reference types="jest" />
// The web tsconfig names no test runner: this spec (run by jest's unit project) brings its own types.
import dayjs from 'dayjs';
import { splitLegend, withCurrentState } from './lifecycle-text';
import type { CaseView, StepDescription } from './case-types';
import { inClerkWords, isRequired, isShown, stepBody, withRefusalField } from './step-body';

const words = { vi: 'x', en: 'x' };
const classify: StepDescription = {
  step: 'classify',
  label: words,
  legalBasis: 'Luật THADS Điều 44a',
  fields: [
    { name: 'on', kind: 'date', required: true, label: words },
    {
      name: 'class',
      kind: 'enum',
      required: true,
      label: words,
      options: [
        { value: 'withConditions', label: words },
        { value: 'withoutConditions', label: words },
      ],
    },
    {
      name: 'ground',
      kind: 'enum',
      required: false,
      requiredWhen: { field: 'class', equals: 'withoutConditions' },
      label: words,
    },
    { name: 'note', kind: 'text', required: false, label: words },
  ],
};
const collect: StepDescription = {
  step: 'collect',
  label: words,
  legalBasis: 'Điều 47',
  fields: [
    { name: 'on', kind: 'date', required: true, label: words },
    { name: 'amount', kind: 'money', required: true, label: words },
  ],
};

describe("a step form's body and refusals", () => {
  it('sends a required-when field only while its condition holds', () => {
    const ground = classify.fields[2];
    expect(isShown(ground, { class: 'withConditions' })).toBe(false);
    expect(isRequired(ground, { class: 'withoutConditions' })).toBe(true);
    expect(
      stepBody(classify, { on: dayjs('2026-03-05'), class: 'withConditions', ground: 'noAssets', note: '  ' }, 7),
    ).toEqual({ step: 'classify', expectedRevision: 7, on: '2026-03-05', class: 'withConditions' });
    expect(
      stepBody(classify, { on: dayjs('2026-03-05'), class: 'withoutConditions', ground: 'noAssets' }, 7),
    ).toMatchObject({ class: 'withoutConditions', ground: 'noAssets' });
  });

  it("sends money as the API's digits, and what it cannot read as typed (the API then says why)", () => {
    expect(stepBody(collect, { on: dayjs('2026-03-05'), amount: '228.188.311.000' }, 0)).toMatchObject({
      amount: '228188311000',
    });
    expect(stepBody(collect, { on: dayjs('2026-03-05'), amount: '12,5' }, 0)).toMatchObject({ amount: '12,5' });
  });

  it("puts a refusal beside the field its reason names, in words with the case's figures", () => {
    const view = {
      amounts: { due: '45000000', collected: '0', disbursed: '0', reduced: '0', remaining: '45000000' },
      lastStepOn: '2026-03-01',
    } as CaseView;
    const t = (key: string, values?: Record<string, string | number>) => `${key} ${JSON.stringify(values ?? {})}`;
    const refused = withRefusalField({
      code: 'case.step-not-allowed',
      reason: 'amount-exceeds-remaining',
      title: 'Bước không hợp lệ',
      detail: 'số tiền 50000000 vượt quá …',
    });
    expect(refused?.field).toBe('amount');
    expect(inClerkWords(refused, view, t as never)).toMatchObject({
      field: 'amount',
      detail: 'step.refusal.overRemaining {"remaining":"45.000.000 đ"}',
    });
    expect(
      inClerkWords(
        { code: 'case.step-date-in-future', detail: 'ngày …', today: '2026-03-05' } as never,
        view,
        t as never,
      )?.detail,
    ).toBe('step.refusal.future {"today":"05/03/2026"}');
  });
});

describe("the lifecycle drawing's text", () => {
  const mmd = [
    'stateDiagram-v2',
    '  state "Đã tiếp nhận" as received',
    '  state open {',
    '    state "Có điều kiện thi hành" as open_classified_withConditions',
    '  }',
    '  note right of new',
    '    Điều kiện và căn cứ pháp lý',
    '    settled - đã thu đủ (Luật THADS Điều 52)',
    '  end note',
  ].join('\n');

  it('marks the current state, nested or not, by a classDef', () => {
    expect(withCurrentState(mmd, 'classified.withConditions')).toContain(
      'class open_classified_withConditions current',
    );
    expect(withCurrentState(mmd, 'received')).toContain('class received current');
    expect(withCurrentState(mmd, 'nowhere')).toBe(mmd);
  });

  it("takes the guards' note out of the drawing as a legend", () => {
    const { drawing, legend } = splitLegend(mmd);
    expect(drawing).not.toContain('note');
    expect(legend).toEqual(['Điều kiện và căn cứ pháp lý', 'settled - đã thu đủ (Luật THADS Điều 52)']);
  });
});
