import { collect, EventStore } from '@thads/event-store';
import { GENESIS_HASH, chainHash } from '@thads/application';
import { EventMetadata } from '@thads/domain';
import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

describe('a case walked through its lifecycle over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
  });
  afterAll(() => h?.close());

  const stepsOf = async (caseId: string) => collect(h.app.get(EventStore).readStream(`case-${caseId}`));

  it('walks received → decided → verified → classified → seized → auctioned → collected → disbursed → completed', async () => {
    const created = await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'walk-1', amountDue: '500000000' }))
      .expect(201);
    expect(created.body).toMatchObject({ caseId: 'walk-1', state: 'received', revision: 0 });
    const walk: Array<[Record<string, unknown>, string]> = [
      [{ step: 'decide', on: '2025-02-03' }, 'decided'],
      [{ step: 'assign', on: '2025-02-03', enforcerId: 'chv-07' }, 'decided'],
      [{ step: 'verify', on: '2025-02-25' }, 'verified'],
      [{ step: 'classify', on: '2025-02-27', class: 'withConditions' }, 'classified.withConditions'],
      [{ step: 'seize', on: '2025-03-10', assetKind: 'immovable' }, 'seized'],
      [{ step: 'value', on: '2025-03-14' }, 'seized'],
      [{ step: 'auction', on: '2025-04-20', result: 'sold', price: '500000000' }, 'auctioned'],
      [{ step: 'collect', on: '2025-05-15', amount: '500000000' }, 'auctioned'],
      [{ step: 'disburse', on: '2025-05-20', amount: '500000000' }, 'auctioned'],
      [{ step: 'complete', on: '2025-05-21' }, 'completed'],
    ];
    for (const [index, [body, state]] of walk.entries()) {
      const res = await h.http.post('/api/cases/walk-1/steps').send(body).expect(200);
      expect(res.body).toMatchObject({ caseId: 'walk-1', state, revision: index + 1 });
    }
    const view = await h.http.get('/api/cases/walk-1').expect(200);
    expect(view.body).toMatchObject({
      state: 'completed',
      statisticClass: 'completed',
      revision: 10,
      allowedSteps: ['correct'],
      amounts: { due: '500000000', collected: '500000000', disbursed: '500000000', reduced: '0', remaining: '0' },
    });
  });

  it('refuses a step the machine does not allow with 409 case.step-not-allowed and the allowed steps', async () => {
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'refuse-1' }))
      .expect(201);
    const res = await h.http.post('/api/cases/refuse-1/steps').send({ step: 'seize', on: '2025-02-01' }).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'case.step-not-allowed',
      status: 409,
      allowedSteps: ['refuse', 'decide', 'transfer', 'recordCaseKinds'],
    });
    expect(await stepsOf('refuse-1')).toHaveLength(1);
  });

  it.each([
    ['an unknown step', { step: 'fly', on: '2025-02-01' }],
    ['a missing date', { step: 'decide' }],
    ['an impossible date', { step: 'decide', on: '2025-02-30' }],
    ['a negative amount', { step: 'collect', on: '2025-02-01', amount: '-5' }],
    ['an amount as a number', { step: 'collect', on: '2025-02-01', amount: 5 }],
    ['a field no step uses', { step: 'decide', on: '2025-02-01', colour: 'red' }],
    ['a reason of another article', { step: 'suspend', on: '2025-02-01', reason: 'illness' }],
    ['a classification without its ground', { step: 'classify', on: '2025-02-01', class: 'withoutConditions' }],
  ])('answers %s with 400 validation and appends nothing', async (_, body) => {
    await h.http.post('/api/cases').send(newCase({ caseId: `bad-${_.length}-${Object.keys(body).length}` }));
    const caseId = `bad-${_.length}-${Object.keys(body).length}`;
    const res = await h.http.post(`/api/cases/${caseId}/steps`).send(body).expect(400);
    expect(res.body.code).toBe('validation');
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(await stepsOf(caseId)).toHaveLength(1);
  });

  it('answers malformed JSON and a bad case body with 400, never 5xx', async () => {
    const head = await h.app.get(EventStore).headPosition();
    const raw = await h.http.post('/api/cases').set('content-type', 'application/json').send('{"unitId": ').expect(400);
    expect(raw.body.code).toBe('request.malformed-json');
    const bad = await h.http
      .post('/api/cases')
      .send(newCase({ amountDue: '12.5', judgment: { court: '' } }))
      .expect(400);
    expect(bad.body.errors.join(' ')).toMatch(/amountDue/);
    expect(await h.app.get(EventStore).headPosition()).toBe(head);
  });

  it('refuses a case for an unregistered unit with 422 unit.not-found', async () => {
    const res = await h.http
      .post('/api/cases')
      .send(newCase({ unitId: 'nowhere' }))
      .expect(422);
    expect(res.body.code).toBe('unit.not-found');
  });

  it('answers 404 case.not-found for a case never received', async () => {
    expect((await h.http.get('/api/cases/ghost').expect(404)).body.code).toBe('case.not-found');
    expect(
      (await h.http.post('/api/cases/ghost/steps').send({ step: 'decide', on: '2025-02-01' }).expect(404)).body.code,
    ).toBe('case.not-found');
  });

  it('stamps every event with actor, dates, ids and an unbroken hash chain', async () => {
    await h.http
      .post('/api/cases')
      .set({ 'x-actor-id': 'chv-07', 'x-actor-role': 'head', 'x-actor-unit': 'kg-pq', 'x-correlation-id': 'corr-1' })
      .send(newCase({ caseId: 'stamp-1' }))
      .expect(201);
    await h.http
      .post('/api/cases/stamp-1/steps')
      .set({ 'x-actor-id': 'chv-07', 'x-actor-role': 'head', 'x-actor-unit': 'kg-pq' })
      .send({ step: 'decide', on: '2025-02-03' })
      .expect(200);
    const events = await stepsOf('stamp-1');
    let prev = GENESIS_HASH;
    for (const e of events) {
      const m = e.metadata as unknown as EventMetadata;
      expect(m).toMatchObject({
        schemaVersion: 1,
        actor: { id: 'chv-07', role: 'head', unitId: 'kg-pq' },
        recordedAt: h.clock.now().toISOString(),
      });
      expect(m.commandId).toMatch(/^[0-9a-f-]{36}$/);
      expect(m.correlationId).toBeTruthy();
      expect(m.prevHash).toBe(prev);
      const { hash, ...unsigned } = m;
      expect(chainHash(m.prevHash, e.type, e.data, unsigned)).toBe(hash);
      prev = hash;
    }
    expect((events[0].metadata as unknown as EventMetadata).correlationId).toBe('corr-1');
    expect(events.map((e) => (e.metadata as unknown as EventMetadata).on)).toEqual(['2025-01-24', '2025-02-03']);
  });

  it('refuses a step dated before the previous one, or in the future', async () => {
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'dates-1' }))
      .expect(201);
    expect(
      (await h.http.post('/api/cases/dates-1/steps').send({ step: 'decide', on: '2025-01-20' }).expect(409)).body.code,
    ).toBe('case.step-date-before-previous');
    expect(
      (await h.http.post('/api/cases/dates-1/steps').send({ step: 'decide', on: '2026-11-23' }).expect(409)).body.code,
    ).toBe('case.step-date-in-future');
  });

  it('serves OpenAPI at /api/docs and health at /api/health', async () => {
    await h.http.get('/api/docs').expect(200);
    const doc = await h.http.get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/cases', '/api/cases/{caseId}/steps', '/api/units']),
    );
    expect((await h.http.get('/api/health').expect(200)).body.status).toBe('ok');
  });
});

describe('correcting a mistaken step over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
  });
  afterAll(() => h?.close());

  it('voids the latest step with a correction event, keeping both in the log', async () => {
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'fix-1' }))
      .expect(201);
    await h.http.post('/api/cases/fix-1/steps').send({ step: 'decide', on: '2025-02-03' }).expect(200);
    await h.http
      .post('/api/cases/fix-1/steps')
      .send({ step: 'collect', on: '2025-02-05', amount: '1000000' })
      .expect(200);
    const [, , collected] = await collect(h.app.get(EventStore).readStream('case-fix-1'));
    const fixed = await h.http
      .post('/api/cases/fix-1/steps')
      .send({ step: 'correct', on: '2025-02-06', correctsEventId: collected.id, reason: 'nhập nhầm số tiền' })
      .expect(200);
    expect(fixed.body).toMatchObject({ state: 'decided', revision: 3 });
    expect((await h.http.get('/api/cases/fix-1').expect(200)).body.amounts.collected).toBe('0');
    const types = (await collect(h.app.get(EventStore).readStream('case-fix-1'))).map((e) => e.type);
    expect(types).toEqual(['CaseReceived', 'EnforcementDecided', 'MoneyCollected', 'StepCorrected']);
    const stale = await h.http
      .post('/api/cases/fix-1/steps')
      .send({ step: 'correct', on: '2025-02-06', correctsEventId: collected.id, reason: 'again' })
      .expect(409);
    expect(stale.body.code).toBe('case.correction-not-latest');
  });
});
