import { collect, EventStore } from '@thads/event-store';
import { formFailures, xlsxDifferences } from '../../libs/projections/src/reports/testing/form-checks';
import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

const PERIOD = 'from=2024-10-01&to=2025-03-31';
const BODY = { from: '2024-10-01', to: '2025-03-31' };
const JUDGMENT = { court: 'TAND huyện Phú Quốc', number: '12/2024/DS-ST', date: '2024-06-10' };
const binary = (res: import('superagent').Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Issue 25 over HTTP: the forms in every format, submitting, what changed since, and refusals. */
describe('report forms over HTTP', () => {
  let h: Harness;
  let last = 0;
  const at = (instant: string) => {
    h.clock.instant = new Date(instant);
  };
  const receive = async (caseId: string, unitId: string, on: string, amountDue: string, origin = 'onRequest') =>
    (last = (
      await h.http
        .post('/api/cases')
        .send(newCase({ caseId, unitId, on, amountDue, origin, judgment: JUDGMENT }))
        .expect(201)
    ).body.position);
  const step = async (caseId: string, body: Record<string, unknown>) =>
    (last = (await h.http.post(`/api/cases/${caseId}/steps`).send(body).expect(200)).body.position);
  const form = async (id: string, query: string) =>
    (await h.http.get(`/api/reports/${id}?${query}&minPosition=${last}`).expect(200)).body;
  const lastEventId = async (caseId: string) =>
    (await collect(h.app.get(EventStore).readStream(`case-${caseId}`))).at(-1)!.id;
  const streamLength = async (stream: string) => (await collect(h.app.get(EventStore).readStream(stream))).length;
  const head = async () => (await h.app.get(EventStore).headPosition()) ?? 0n;
  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: { code: string } },
    status: number,
    code: string,
  ) => {
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  };

  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
    at('2025-04-01T03:00:00.000Z');
    // Phú Quốc: one carried over and completed; one on request, half paid; one ex officio terminated.
    await receive('pq-1', 'kg-pq', '2024-08-01', '1000000', 'exOfficio');
    await step('pq-1', { step: 'decide', on: '2024-08-05' });
    await step('pq-1', { step: 'verify', on: '2024-08-20' });
    await step('pq-1', { step: 'classify', on: '2024-08-25', class: 'withConditions' });
    await step('pq-1', { step: 'collect', on: '2024-11-10', amount: '1000000' });
    await step('pq-1', { step: 'complete', on: '2024-11-15' });
    await receive('pq-2', 'kg-pq', '2024-10-02', '3000500');
    await step('pq-2', { step: 'decide', on: '2024-10-05' });
    await step('pq-2', { step: 'assign', on: '2024-10-06', enforcerId: 'chv-1' });
    await step('pq-2', { step: 'verify', on: '2024-10-20' });
    await step('pq-2', { step: 'classify', on: '2024-10-25', class: 'withConditions' });
    await step('pq-2', { step: 'collect', on: '2025-03-20', amount: '1500250' });
    await receive('pq-3', 'kg-pq', '2024-11-01', '2000000', 'exOfficio');
    await step('pq-3', { step: 'decide', on: '2024-11-05' });
    await step('pq-3', { step: 'assign', on: '2024-11-06', enforcerId: 'chv-2' });
    await step('pq-3', { step: 'terminate', on: '2025-02-01', reason: 'creditorWaiver' });
    await receive('pq-4', 'kg-pq', '2024-12-01', '700000');
    await step('pq-4', { step: 'decide', on: '2024-12-03' });
    // An Biên: one without conditions, one decided and not yet verified.
    await receive('ab-1', 'kg-ab', '2024-10-10', '500000');
    await step('ab-1', { step: 'decide', on: '2024-10-11' });
    await step('ab-1', { step: 'verify', on: '2024-10-30' });
    await step('ab-1', { step: 'classify', on: '2024-11-05', class: 'withoutConditions', ground: 'noAssets' });
    await receive('ab-2', 'kg-ab', '2025-03-01', '900000');
    await step('ab-2', { step: 'decide', on: '2025-03-05' });
  });
  afterAll(() => h?.close());

  it('lists the forms of each regime, built or not, with why', async () => {
    const body = (await h.http.get('/api/reports').expect(200)).body;
    const tt05 = body.forms.filter((f: { regime: string }) => f.regime === 'Thông tư 05/2024/TT-BTP');
    expect(tt05.map((f: { id: string }) => f.id)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
    ]);
    expect(tt05.filter((f: { available: boolean }) => f.available).map((f: { id: string }) => f.id)).toEqual([
      '01',
      '02',
      '04',
      '05',
    ]);
    for (const f of tt05.filter((x: { available: boolean }) => !x.available)) expect(f.why.length).toBeGreaterThan(20);
  });

  it('serves form 01 in the fixed shape, its totals the statistics report, values as strings', async () => {
    const body = await form('01', `unitId=kg&${PERIOD}`);
    expect(body).toMatchObject({
      form: '01',
      unitId: 'kg',
      from: '2024-10-01',
      to: '2025-03-31',
      regime: 'Thông tư 05/2024/TT-BTP',
      layoutKnown: false,
    });
    expect(body.columns[0]).toEqual({ key: 'total', number: 1, label: 'Tổng số', group: 'Tổng số thụ lý' });
    expect(body.rows.map((r: { rowKey: string }) => r.rowKey)).toEqual([
      'kg',
      'kg/exOfficio',
      'kg/onRequest',
      'kg-ab',
      'kg-ab/exOfficio',
      'kg-ab/onRequest',
      'kg-pq',
      'kg-pq/exOfficio',
      'kg-pq/onRequest',
    ]);
    const stats = (await h.http.get(`/api/statistics?unitId=kg&${PERIOD}`).expect(200)).body;
    for (const c of body.columns) expect([c.key, body.totals[c.key]]).toEqual([c.key, String(stats.cases[c.key])]);
    const pq = body.rows.find((r: { rowKey: string }) => r.rowKey === 'kg-pq/exOfficio');
    expect(pq.cells).toMatchObject({
      carriedOver: '1',
      newlyAccepted: '1',
      completed: '1',
      terminated: '1',
      resolved: '2',
      rate: '100.00',
    });
  });

  it("holds each form's identities and sums, for the nation, a province and a district", async () => {
    for (const id of ['01', '02', '04', '05']) {
      for (const unitId of ['vn', 'kg', 'kg-pq']) {
        const now = await form(id, `unitId=${unitId}&${PERIOD}`);
        expect([id, unitId, formFailures(now)]).toEqual([id, unitId, []]);
        // Known now reads the daily sums by origin or enforcer; known at the head, every case's moves.
        const atHead = await form(id, `unitId=${unitId}&${PERIOD}&asKnownAt=${last}`);
        expect([id, unitId, atHead.rows, atHead.totals]).toEqual([id, unitId, now.rows, now.totals]);
      }
    }
  });

  it('writes the money form in nghìn đồng, saying how it rounds', async () => {
    const body = await form('02', `unitId=kg-pq&${PERIOD}`);
    expect(body.unit).toBe('nghìn đồng');
    expect(body.rounding).toMatch(/số dư lớn nhất/);
    // 3,000,500 đ of pq-2 with 1,500,250 collected: the printed parts still add up to the printed whole.
    const row = body.rows.find((r: { rowKey: string }) => r.rowKey === 'kg-pq/onRequest');
    expect(BigInt(row.cells.toExecute)).toBe(BigInt(row.cells.withConditions) + BigInt(row.cells.withoutConditions));
  });

  it('reads every .xlsx back cell by cell equal to the JSON form', async () => {
    for (const id of ['01', '02', '04', '05']) {
      for (const unitId of ['vn', 'kg', 'kg-pq']) {
        const json = await form(id, `unitId=${unitId}&${PERIOD}`);
        const res = await h.http
          .get(`/api/reports/${id}?unitId=${unitId}&${PERIOD}&format=xlsx`)
          .buffer(true)
          .parse(binary)
          .expect(200);
        expect(res.headers['content-type']).toMatch(/spreadsheetml/);
        expect(res.headers['content-disposition']).toContain(`bieu-${id}-${unitId}-2024-10-01-2025-03-31.xlsx`);
        expect([id, unitId, await xlsxDifferences(res.body as Buffer, json)]).toEqual([id, unitId, []]);
      }
    }
  });

  it('prints the A4 view with the heading and the signature block, and CSV with the same figures', async () => {
    const html = (await h.http.get(`/api/reports/01?unitId=kg-pq&${PERIOD}&format=html`).expect(200)).text;
    for (const text of [
      'size: A4 landscape',
      'Đơn vị báo cáo',
      'Đơn vị nhận báo cáo',
      'THADS tỉnh Kiên Giang',
      'Kỳ báo cáo: 6 tháng năm 2025',
      'Người lập biểu',
      'Thủ trưởng đơn vị',
      'Ngày 01/04/2025',
    ]) {
      expect([text, html.includes(text)]).toEqual([text, true]);
    }
    const csv = (await h.http.get(`/api/reports/01?unitId=kg-pq&${PERIOD}&format=csv`).expect(200)).text;
    const json = await form('01', `unitId=kg-pq&${PERIOD}`);
    const totals = csv
      .split('\r\n')
      .find((l) => l.startsWith('totals,'))!
      .split(',')
      .slice(2);
    expect(totals).toEqual(json.columns.map((c: { key: string }) => json.totals[c.key]));
  });

  describe('submitting', () => {
    let first: Record<string, unknown>;
    let asSubmitted: Record<string, unknown>;

    it('records the figures, the log position and a hash; gives them back exactly as sent', async () => {
      const before = await form('01', `unitId=kg-pq&${PERIOD}`);
      const res = await h.http
        .post('/api/reports/01/submissions')
        .set('x-actor-id', 'tk-pq')
        .set('idempotency-key', 'gui-01-6t-2025')
        .send({ unitId: 'kg-pq', ...BODY })
        .expect(201);
      first = res.body;
      // Retried with its key (a dropped connection): the same submission, nothing appended.
      const retried = await h.http
        .post('/api/reports/01/submissions')
        .set('x-actor-id', 'tk-pq')
        .set('idempotency-key', 'gui-01-6t-2025')
        .send({ unitId: 'kg-pq', ...BODY })
        .expect(201);
      expect(retried.body).toEqual(first);
      expect(await streamLength('report-kg-pq-01-2024-10-01-2025-03-31')).toBe(1);
      expect(first).toMatchObject({
        submissionId: 'report-kg-pq-01-2024-10-01-2025-03-31-0',
        form: '01',
        unitId: 'kg-pq',
        ...BODY,
        submittedAt: '2025-04-01T03:00:00.000Z',
        submittedBy: 'tk-pq',
        position: String(last),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        // District: 2 working days after 31/03/2025 (docs/deadlines.md "Statistical reports").
        deadline: { due: '2025-04-02', status: 'met', level: 'district' },
      });
      asSubmitted = (await h.http.get(`/api/reports/submissions/${first.submissionId}`).expect(200)).body;
      expect(asSubmitted.rows).toEqual(before.rows);
      expect(asSubmitted.totals).toEqual(before.totals);
    });

    it('names exactly the cases recorded late or corrected after it, cell by cell', async () => {
      at('2025-04-20T03:00:00.000Z');
      // Late: pq-2 completed on 29/03, recorded on 20/04. Corrected: pq-3's termination voided.
      await step('pq-2', { step: 'collect', on: '2025-03-28', amount: '1500250' });
      await step('pq-2', { step: 'complete', on: '2025-03-29' });
      await step('pq-3', {
        step: 'correct',
        on: '2025-04-20',
        correctsEventId: await lastEventId('pq-3'),
        reason: 'quyết định đình chỉ ghi nhầm việc',
      });
      // Not in the difference: a step after the period, and a case of another unit.
      await step('pq-4', { step: 'verify', on: '2025-04-10' });
      await step('ab-2', { step: 'verify', on: '2025-03-30' });
      const changes = (
        await h.http.get(`/api/reports/submissions/${first.submissionId}/changes?minPosition=${last}`).expect(200)
      ).body;
      const named = new Set(changes.cells.flatMap((c: { caseIds: string[] }) => c.caseIds));
      expect([...named].sort()).toEqual(['pq-2', 'pq-3']);
      const cell = (rowKey: string, column: string) =>
        changes.cells.find((c: { rowKey: string; column: string }) => c.rowKey === rowKey && c.column === column);
      expect(cell('kg-pq/onRequest', 'completed')).toEqual({
        rowUnitId: 'kg-pq',
        rowKey: 'kg-pq/onRequest',
        label: 'Theo yêu cầu',
        column: 'completed',
        submitted: '0',
        now: '1',
        caseIds: ['pq-2'],
      });
      expect(cell('kg-pq/exOfficio', 'terminated')).toMatchObject({ submitted: '1', now: '0', caseIds: ['pq-3'] });
      expect(cell('totals', 'completed')).toMatchObject({
        rowUnitId: 'kg-pq',
        submitted: '1',
        now: '2',
        caseIds: ['pq-2'],
      });
      expect(cell('totals', 'terminated')).toMatchObject({ submitted: '1', now: '0', caseIds: ['pq-3'] });
      // One resolved in, one out: the total is unchanged, so no cell, although both cases moved.
      expect(cell('totals', 'resolved')).toBeUndefined();
      for (const c of changes.cells) expect(c.caseIds.length).toBeGreaterThan(0);
      // The submission itself is as it was.
      expect((await h.http.get(`/api/reports/submissions/${first.submissionId}`).expect(200)).body).toEqual(
        asSubmitted,
      );
    });

    it('takes a second submission only with a reason, beside the first, late now', async () => {
      const refused = await h.http.post('/api/reports/01/submissions').send({ unitId: 'kg-pq', ...BODY });
      expectProblem(refused, 409, 'report.already-submitted');
      const again = (
        await h.http
          .post('/api/reports/01/submissions')
          .send({ unitId: 'kg-pq', ...BODY, reason: 'bổ sung việc thi hành xong ghi nhận muộn' })
          .expect(201)
      ).body;
      expect(again).toMatchObject({
        submissionId: 'report-kg-pq-01-2024-10-01-2025-03-31-1',
        replaces: first.submissionId,
        reason: 'bổ sung việc thi hành xong ghi nhận muộn',
        deadline: { status: 'late' },
      });
      const list = (await h.http.get(`/api/reports/01/submissions?unitId=kg-pq&${PERIOD}`).expect(200)).body;
      expect(list.submissions.map((s: { submissionId: string }) => s.submissionId)).toEqual([
        first.submissionId,
        again.submissionId,
      ]);
      expect(list.deadline).toEqual({ due: '2025-04-02', status: 'met', level: 'district' });
      // The province sees its districts' deadlines: Phú Quốc met, An Biên overdue (today 20/04/2025).
      const province = (await h.http.get(`/api/reports/01/submissions?unitId=kg&${PERIOD}`).expect(200)).body;
      expect(province.deadline).toEqual({ due: '2025-04-04', status: 'overdue', level: 'province' });
      // Only a period a form is sent for has a deadline: reversed dates 400, any other range 422.
      const reversed = await h.http.get('/api/reports/01/submissions?unitId=kg&from=2025-03-31&to=2024-10-01');
      expect(reversed.status).toBe(400);
      const notAPeriod = await h.http.get('/api/reports/01/submissions?unitId=kg&from=2024-11-15&to=2025-02-10');
      expect([notAPeriod.status, notAPeriod.body.code]).toEqual([422, 'report.not-a-reporting-period']);
      expect(province.subunits).toEqual([
        {
          unitId: 'kg-ab',
          name: 'Chi cục THADS An Biên',
          firstSubmissionId: null,
          deadline: { due: '2025-04-02', status: 'overdue', level: 'district' },
        },
        {
          unitId: 'kg-pq',
          name: 'Chi cục THADS Phú Quốc',
          firstSubmissionId: first.submissionId,
          deadline: { due: '2025-04-02', status: 'met', level: 'district' },
        },
      ]);
      expect((await h.http.get(`/api/reports/submissions/${first.submissionId}`).expect(200)).body).toEqual(
        asSubmitted,
      );
      const second = (await h.http.get(`/api/reports/submissions/${again.submissionId}`).expect(200)).body;
      expect(second.totals.completed).toBe('2');
    });

    it('cannot be changed by any call', async () => {
      const id = first.submissionId as string;
      const before = await streamLength('report-kg-pq-01-2024-10-01-2025-03-31');
      for (const [method, path] of [
        ['put', `/api/reports/submissions/${id}`],
        ['patch', `/api/reports/submissions/${id}`],
        ['delete', `/api/reports/submissions/${id}`],
        ['post', `/api/reports/submissions/${id}`],
        ['post', `/api/reports/submissions/${id}/changes`],
        ['put', '/api/reports/01/submissions'],
        ['delete', '/api/reports/01/submissions'],
        ['patch', '/api/reports/01'],
        ['post', `/api/reports/01?unitId=kg-pq&${PERIOD}`],
      ] as const) {
        const res = await h.http[method](path).send({ unitId: 'kg-pq', ...BODY, rows: [], totals: {} });
        expect([method, path, res.status >= 400 && res.status < 500]).toEqual([method, path, true]);
      }
      expect(await streamLength('report-kg-pq-01-2024-10-01-2025-03-31')).toBe(before);
      expect((await h.http.get(`/api/reports/submissions/${id}`).expect(200)).body).toEqual(asSubmitted);
      // Tamper-evident like a case step: the log's check covers the submissions' chain too.
      const verified = (await h.http.get('/api/integrity/verify').expect(200)).body;
      expect(verified).toMatchObject({ valid: true });
      const [sent] = await collect(h.app.get(EventStore).readStream('report-kg-pq-01-2024-10-01-2025-03-31'));
      expect((sent.metadata as { hash: string }).hash).toBe(first.hash);
    });

    it("consolidates a province from its subunits' submissions and names who has not sent", async () => {
      const body = await form('01', `unitId=kg&${PERIOD}&basis=submitted`);
      expect(body.consolidated).toEqual({
        basis: 'submitted',
        submissions: [{ unitId: 'kg-pq', submissionId: 'report-kg-pq-01-2024-10-01-2025-03-31-1' }],
        notSubmitted: ['kg-ab'],
      });
      const second = (await h.http.get('/api/reports/submissions/report-kg-pq-01-2024-10-01-2025-03-31-1').expect(200))
        .body;
      expect(body.rows.find((r: { rowKey: string }) => r.rowKey === 'kg-pq').cells).toEqual(second.totals);
      expect(formFailures(body)).toEqual([]);
    });
  });

  describe('period-end lists (TT 05/2024 Điều 8)', () => {
    it('lists the cases being enforced at a quarter end, and refuses what no event records', async () => {
      const body = (
        await h.http.get(`/api/reports/lists/in-progress?unitId=kg&${PERIOD}&minPosition=${last}`).expect(200)
      ).body;
      expect(body.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual(['ab-2', 'pq-3', 'pq-4']);
      expect(body.count).toBe(3);
      expect(body.items[0]).toMatchObject({
        unitId: 'kg-ab',
        debtor: 'Trần Văn Bình',
        judgmentNumber: '12/2024/DS-ST',
      });
      expectProblem(
        await h.http.get(`/api/reports/lists/state-compensation?unitId=kg&${PERIOD}`),
        422,
        'report.list-not-available',
      );
      expectProblem(
        await h.http.get('/api/reports/lists/in-progress?unitId=kg&from=2024-10-01&to=2025-01-31'),
        422,
        'report.not-a-period-end',
      );
      expectProblem(await h.http.get(`/api/reports/lists/nothing?unitId=kg&${PERIOD}`), 404, 'report.list-unknown');
    });
  });

  describe('bad input: a clear 4xx, nothing recorded', () => {
    const stream = 'report-kg-pq-01-2024-09-01-2025-03-31';

    it('answers an unknown form, a form not built, and a period crossing reporting years', async () => {
      const logBefore = await head();
      expectProblem(await h.http.get(`/api/reports/99?unitId=kg&${PERIOD}`), 404, 'report.form-unknown');
      expectProblem(
        await h.http.post('/api/reports/99/submissions').send({ unitId: 'kg-pq', ...BODY }),
        404,
        'report.form-unknown',
      );
      expectProblem(await h.http.get(`/api/reports/03?unitId=kg&${PERIOD}`), 422, 'report.form-not-built');
      expectProblem(
        await h.http.get('/api/reports/01?unitId=kg&from=2024-09-01&to=2025-03-31'),
        422,
        'report.period-crosses-year',
      );
      expectProblem(
        await h.http
          .post('/api/reports/01/submissions')
          .send({ unitId: 'kg-pq', from: '2024-09-01', to: '2025-03-31' }),
        422,
        'report.period-crosses-year',
      );
      // A submission closes the books of a reporting period that has ended (chốt số liệu).
      expectProblem(
        await h.http
          .post('/api/reports/01/submissions')
          .send({ unitId: 'kg-pq', from: '2024-11-15', to: '2025-03-31' }),
        422,
        'report.not-a-reporting-period',
      );
      expectProblem(
        await h.http
          .post('/api/reports/01/submissions')
          .send({ unitId: 'kg-pq', from: '2024-10-01', to: '2025-03-15' }),
        422,
        'report.not-a-reporting-period',
      );
      expectProblem(
        await h.http
          .post('/api/reports/01/submissions')
          .send({ unitId: 'kg-pq', from: '2026-10-01', to: '2027-09-30' }),
        422,
        'report.period-not-ended',
      );
      expectProblem(
        await h.http.get('/api/reports/01?unitId=kg&from=2025-03-31&to=2025-02-01&format=pdf'),
        400,
        'validation',
      );
      expectProblem(
        await h.http
          .post('/api/reports/01/submissions')
          .send({ unitId: 'kg-pq', from: '2024-10-01', to: '2025-02-30' }),
        400,
        'validation',
      );
      expectProblem(
        await h.http.post('/api/reports/01/submissions').send({ unitId: 'nowhere', ...BODY }),
        404,
        'unit.not-found',
      );
      expect(await streamLength(stream)).toBe(0);
      expect(await streamLength('report-nowhere-01-2024-10-01-2025-03-31')).toBe(0);
      // Nothing appended anywhere in the log.
      expect(await head()).toBe(logBefore);
    });

    it("refuses a unit outside the caller's scope, and a role that may not send", async () => {
      const logBefore = await head();
      const ab = { 'x-actor-role': 'statistician', 'x-actor-unit': 'kg-ab', 'x-actor-id': 'tk-ab' };
      expectProblem(await h.http.get(`/api/reports/01?unitId=kg-pq&${PERIOD}`).set(ab), 403, 'forbidden');
      expectProblem(
        await h.http.get('/api/reports/submissions/report-kg-pq-01-2024-10-01-2025-03-31-0').set(ab),
        403,
        'forbidden',
      );
      expectProblem(
        await h.http
          .post('/api/reports/01/submissions')
          .set(ab)
          .send({ unitId: 'kg-pq', ...BODY, reason: 'thử' }),
        403,
        'forbidden',
      );
      const enforcer = { 'x-actor-role': 'enforcer', 'x-actor-unit': 'kg-pq', 'x-actor-id': 'chv-1' };
      expectProblem(
        await h.http
          .post('/api/reports/01/submissions')
          .set(enforcer)
          .send({ unitId: 'kg-pq', ...BODY, reason: 'thử' }),
        403,
        'forbidden',
      );
      expect(await streamLength('report-kg-pq-01-2024-10-01-2025-03-31')).toBe(2);
      expect(await head()).toBe(logBefore);
      // Its own unit is fine.
      await h.http.get(`/api/reports/01?unitId=kg-ab&${PERIOD}`).set(ab).expect(200);
    });
  });
});
