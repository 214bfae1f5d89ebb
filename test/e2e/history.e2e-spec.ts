import { EventStore, SqliteEventStore } from '@thads/event-store';
import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

// Fourteen steps on distinct dates, each recorded the same morning (10:00 in Vietnam), except the
// auction: entered on 15 June for a sale held on 20 April, 56 days late.
const WALK: Array<{ body: Record<string, unknown>; state: string; recordedAt?: string }> = [
  { body: { step: 'decide', on: '2025-02-03' }, state: 'decided' },
  { body: { step: 'assign', on: '2025-02-04', enforcerId: 'chv-07' }, state: 'decided' },
  { body: { step: 'notify', on: '2025-02-05' }, state: 'decided' },
  { body: { step: 'verify', on: '2025-02-25' }, state: 'verified' },
  { body: { step: 'classify', on: '2025-02-27', class: 'withConditions' }, state: 'classified.withConditions' },
  { body: { step: 'seize', on: '2025-03-10', assetKind: 'immovable' }, state: 'seized' },
  { body: { step: 'value', on: '2025-03-14' }, state: 'seized' },
  { body: { step: 'postpone', on: '2025-03-20', reason: 'partiesAgree' }, state: 'postponed' },
  { body: { step: 'resume', on: '2025-04-01' }, state: 'seized' },
  {
    body: { step: 'auction', on: '2025-04-20', result: 'sold', price: '228188311000' },
    state: 'auctioned',
    recordedAt: '2025-06-15T03:00:00.000Z',
  },
  // The buyer's full payment, which delivery waits for (NĐ 62/2015 Điều 27.3).
  { body: { step: 'collect', on: '2025-06-16', amount: '228188311000', buyerPaidInFull: true }, state: 'auctioned' },
  { body: { step: 'deliver', on: '2025-06-20' }, state: 'auctioned' },
  { body: { step: 'disburse', on: '2025-06-25', amount: '228188311000' }, state: 'auctioned' },
  { body: { step: 'complete', on: '2025-06-30' }, state: 'completed' },
];
const LATE = 9;

describe('an auditor replays a case to any date and checks its log', () => {
  let h: Harness;
  const history = (query = '') =>
    h.http
      .get(`/api/cases/audit-1/history${query}`)
      .expect(200)
      .then((r) => r.body);

  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
    h.clock.instant = new Date('2025-01-24T03:00:00.000Z');
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'audit-1', debtor: { name: 'Trần <b>Bình</b>' } }))
      .expect(201);
    for (const { body, recordedAt } of WALK) {
      h.clock.instant = new Date(recordedAt ?? `${body.on}T03:00:00.000Z`);
      await h.http.post('/api/cases/audit-1/steps').send(body).expect(200);
    }
  });
  afterAll(() => h?.close());

  it('lists every event in order with its label, dates, actor, revision, position and the state after it', async () => {
    const body = await history();
    expect(body).toMatchObject({
      caseId: 'audit-1',
      state: 'completed',
      stateLabel: 'Thi hành xong',
      revision: 14,
      asOf: null,
      asKnownAt: null,
      lateRecordingDays: 7,
    });
    expect(body.events).toHaveLength(15);
    expect(body.events.map((e: { stateAfter: string }) => e.stateAfter)).toEqual([
      'received',
      ...WALK.map((w) => w.state),
    ]);
    expect(body.events[1]).toMatchObject({
      revision: 1,
      type: 'EnforcementDecided',
      step: 'decide',
      stepLabel: 'Ra quyết định thi hành án',
      on: '2025-02-03',
      recordedAt: '2025-02-03T03:00:00.000Z',
      actor: { role: 'system' },
      stateAfterLabel: 'Đã ra quyết định thi hành án',
      lateRecorded: false,
      data: { caseId: 'audit-1' },
      deadlinesOpened: expect.any(Array),
      deadlinesMet: expect.any(Array),
    });
    const positions = body.events.map((e: { position: number }) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(body.events[11].amountsAfter).toEqual({
      due: '228188311000',
      collected: '228188311000',
      disbursed: '0',
      reduced: '0',
      remaining: '0',
    });
  });

  it('flags the step recorded weeks after its business date', async () => {
    const body = await history();
    expect(
      body.events.filter((e: { lateRecorded: boolean }) => e.lateRecorded).map((e: { revision: number }) => e.revision),
    ).toEqual([LATE + 1]);
    expect(body.events[LATE + 1]).toMatchObject({ step: 'auction', recordingDelayDays: 56 });
  });

  it("asOf each step's date returns the state after that step, with the events up to then", async () => {
    for (const [i, { body: step, state }] of WALK.entries()) {
      const body = await history(`?asOf=${step.on}`);
      expect({ on: step.on, state: body.state, events: body.events.length }).toEqual({
        on: step.on,
        state,
        events: i + 2,
      });
    }
    const decided = await history('?asOf=2025-02-10');
    expect(decided).toMatchObject({
      state: 'decided',
      amounts: { collected: '0' },
      asOf: '2025-02-10',
      deadlines: expect.any(Array),
    });
    expect(decided.allowedSteps).toEqual(expect.arrayContaining(['verify', 'postpone']));
    expect(await history('?asOf=2025-01-01')).toMatchObject({ state: null, events: [], allowedSteps: [] });
  });

  it('asKnownAt before the late entry returns the case without it, even for a date after the sale', async () => {
    const known = await history('?asKnownAt=2025-06-01T00:00:00Z');
    expect(known).toMatchObject({ state: 'seized', revision: LATE, asKnownAt: '2025-06-01T00:00:00.000Z' });
    expect(await history('?asOf=2025-04-30&asKnownAt=2025-06-01T07:00:00%2B07:00')).toMatchObject({
      state: 'seized',
      revision: LATE,
    });
    expect(await history('?asOf=2025-04-30')).toMatchObject({ state: 'auctioned', revision: LATE + 1 });
    expect(await history('?asOf=2025-04-30&asKnownAt=2025-06-15')).toMatchObject({ state: 'auctioned' });
  });

  it('answers bad parameters with 400 problem+json and an unknown case with 404', async () => {
    for (const query of [
      '?asOf=2025-02-30',
      '?asOf=30/04/2025',
      '?asKnownAt=yesterday',
      '?asKnownAt=2025-06-01T00:00:00',
      '?format=xml',
      '?asOf=2025-01-01&asOf=2025-01-02',
    ]) {
      const res = await h.http.get(`/api/cases/audit-1/history${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('validation');
    }
    for (const path of ['history', 'history.html', 'verify']) {
      expect((await h.http.get(`/api/cases/ghost/${path}`).expect(404)).body.code).toBe('case.not-found');
    }
  });

  it('verifies the case log clean', async () => {
    expect((await h.http.get('/api/cases/audit-1/verify').expect(200)).body).toEqual({
      caseId: 'audit-1',
      streamId: 'case-audit-1',
      valid: true,
      checked: 15,
    });
  });

  it('serves the history as CSV and as a printable HTML page', async () => {
    const csv = await h.http.get('/api/cases/audit-1/history?format=csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('case-audit-1-history.csv');
    expect(csv.text).toContain('Số thứ tự,Ngày,Bước');
    expect(csv.text).toContain('20/04/2025,Bán đấu giá tài sản');
    expect(csv.text).toContain('228.188.311.000 đ');
    const page = await h.http.get('/api/cases/audit-1/history.html?asOf=2025-04-30').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.text).toContain('<html lang="vi">');
    expect(page.text).toContain('@media print');
    expect(page.text).toContain('Tính đến hết ngày 30/04/2025');
    expect(page.text).toContain('Trần &lt;b&gt;Bình&lt;/b&gt;');
    expect(page.text).toContain('toàn vẹn (15 sự kiện)');
  });

  it('notices an event edited directly in the database', async () => {
    const db = (h.app.get(EventStore) as SqliteEventStore).db;
    db.prepare(
      `UPDATE events SET data = json_set(data, '$.amount', '1') WHERE stream_id = 'case-audit-1' AND revision = 11`,
    ).run();
    const res = await h.http.get('/api/cases/audit-1/verify').expect(200);
    expect(res.body).toMatchObject({
      valid: false,
      checked: 15,
      firstBroken: { revision: 11, reason: 'hash-mismatch' },
    });
  });
});

describe('the lifecycle drawn from the machine', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
  });
  afterAll(() => h?.close());

  it('serves the graph as JSON and as Mermaid', async () => {
    const graph = await h.http.get('/api/lifecycle').expect(200);
    expect(graph.body).toMatchObject({
      initial: 'new',
      states: expect.any(Array),
      transitions: expect.any(Array),
      guards: expect.any(Array),
    });
    const mmd = await h.http.get('/api/lifecycle.mmd').expect(200);
    expect(mmd.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(mmd.text.startsWith('stateDiagram-v2\n')).toBe(true);
  });
});
