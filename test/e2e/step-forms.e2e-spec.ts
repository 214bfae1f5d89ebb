import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

// GET /api/steps describes every step's form (libs/application/src/requests/step-fields.ts): the
// console draws its step forms from it. A request built from the description alone is accepted.
describe('the step forms the API describes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'sf-1', amountDue: '5000000' }))
      .expect(201);
  });
  afterAll(() => h.close());

  interface Field {
    name: string;
    kind: string;
    required: boolean;
    requiredWhen?: { field: string; equals: string };
    options?: Array<{ value: string; label: { vi: string } }>;
  }
  const describe_ = async (step: string) => {
    const res = await h.http.get('/api/steps').expect(200);
    return (res.body.steps as Array<{ step: string; legalBasis: string; label: { vi: string }; fields: Field[] }>).find(
      (s) => s.step === step,
    )!;
  };

  it('documents the law: each step with Vietnamese labels and legal bases', async () => {
    const terminate = await describe_('terminate');
    expect(terminate).toMatchObject({ label: { vi: 'Đình chỉ thi hành án' }, legalBasis: 'Luật THADS Điều 50' });
    expect(terminate.fields.find((f) => f.name === 'reason')).toMatchObject({ kind: 'enum', required: true });
    expect(terminate.fields.find((f) => f.name === 'reason')!.options!.map((o) => o.label.vi)).toContain(
      'Người được thi hành từ bỏ quyền',
    );
  });

  it('a request filled from the description alone takes the step; the case view names the latest step', async () => {
    for (const [step, values] of [
      ['decide', {}],
      ['verify', {}],
      ['classify', { class: 'withConditions' }],
      ['collect', { amount: '5000000' }],
    ] as const) {
      const d = await describe_(step);
      const body: Record<string, unknown> = { step, on: '2025-03-03' };
      for (const f of d.fields.filter((g) => g.required && g.name !== 'on'))
        body[f.name] = (values as Record<string, unknown>)[f.name];
      await h.http.post('/api/cases/sf-1/steps').send(body).expect(200);
    }
    const view = (await h.http.get('/api/cases/sf-1').expect(200)).body;
    expect(view).toMatchObject({
      state: 'classified.withConditions',
      amounts: { collected: '5000000', remaining: '0' },
      latestStep: { step: 'collect', stepLabel: 'Thu tiền', on: '2025-03-03' },
      entrustedFrom: null,
      entrustedTo: null,
    });
    expect(view.allowedSteps).toContain('complete');
    await h.http
      .post('/api/cases/sf-1/steps')
      .send({
        step: 'correct',
        on: '2025-03-04',
        correctsEventId: view.latestStep.eventId,
        reason: 'Nhập nhầm số tiền',
      })
      .expect(200);
    const after = (await h.http.get('/api/cases/sf-1').expect(200)).body;
    expect(after).toMatchObject({
      amounts: { collected: '0', remaining: '5000000' },
      latestStep: { step: 'classify' },
    });
  });
});
