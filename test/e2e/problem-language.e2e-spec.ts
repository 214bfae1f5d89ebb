import type { Response } from 'supertest';
import { PROBLEMS, ProblemCode } from '@thads/application';
import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';
import { AuthSession, bearer, startAuthApp } from '../support/auth-harness';

/**
 * Issue 21.8: errors speak one language. Every answer of every throw site (the validation pipe,
 * our HttpExceptions, Nest's own 404, the wrong-method 405, the JSON body parser's 400/413/415,
 * the guard's 401/403 and the login's 429) is problem+json with a stable `code` and the
 * catalogue's Vietnamese `title` for that code.
 */
// Letters only Vietnamese writes: a title without one is not in the users' language.
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

const expectProblem = (res: Response, status: number, code: ProblemCode) => {
  expect({
    status: res.status,
    type: res.type,
    code: res.body.code,
    title: res.body.title,
    problemType: res.body.type,
  }).toEqual({
    status,
    type: 'application/problem+json',
    code,
    title: PROBLEMS[code].title,
    problemType: `urn:thads:problem:${code}`,
  });
};

describe('problem titles', () => {
  it('are Vietnamese for every catalogued code, and unique per code', () => {
    const titles = Object.entries(PROBLEMS).map(([code, p]) => ({ code, vietnamese: VIETNAMESE.test(p.title) }));
    expect(titles.filter((t) => !t.vietnamese)).toEqual([]);
    const seen = new Set(Object.values(PROBLEMS).map((p) => p.title));
    expect(seen.size).toBe(Object.keys(PROBLEMS).length);
  });
});

describe('problems of each throw site', () => {
  let h: Harness;
  let caseId: string;
  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
    caseId = (await h.http.post('/api/cases').send(newCase()).expect(201)).body.caseId;
  });
  afterAll(() => h.close());

  it('validation (the pipe and the query checks): 400 with one line per field', async () => {
    const res = await h.http.post('/api/units').send({ unitId: 'x' });
    expectProblem(res, 400, 'validation');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.stringContaining('name')]));
    expectProblem(await h.http.get('/api/cases?unitId=vn&limit=0'), 400, 'validation');
  });

  it('tells a date that does not exist from one written wrong', async () => {
    const unreal = await h.http.get('/api/deadlines?unitId=vn&asOf=2025-02-31');
    expectProblem(unreal, 400, 'validation');
    expect(unreal.body.errors).toEqual(['asOf 2025-02-31 không phải ngày có thật (not a real date)']);
    const wrong = await h.http.get('/api/deadlines?unitId=vn&asOf=31/01/2025');
    expect(wrong.body.errors).toEqual(['asOf phải là ngày dạng YYYY-MM-DD (must be a date YYYY-MM-DD)']);
    // In a body (class-validator's IsLocalDate), and inside an instant.
    const step = await h.http.post(`/api/cases/${caseId}/steps`).send({ step: 'decide', on: '2025-02-30' });
    expect([step.status, step.body.errors]).toEqual([400, ['on 2025-02-30 không phải ngày có thật (not a real date)']]);
    const instant = await h.http.get(`/api/cases/${caseId}/history?asKnownAt=2025-02-31T00:00:00Z`);
    expect([instant.status, instant.body.errors]).toEqual([
      400,
      ['asKnownAt 2025-02-31 không phải ngày có thật (not a real date)'],
    ]);
    const report = await h.http.get('/api/statistics?unitId=vn&from=2025-01-01&to=2025-09-30&asKnownAt=2025-04-31');
    expect([report.status, report.body.errors]).toEqual([
      400,
      ['asKnownAt 2025-04-31 không phải ngày có thật (not a real date)'],
    ]);
  });

  it('the domain and our own HttpExceptions: 404, 409, 422', async () => {
    expectProblem(await h.http.get('/api/cases/no-such-case'), 404, 'case.not-found');
    expectProblem(await h.http.get('/api/deadlines?unitId=nowhere'), 404, 'unit.not-found');
    expectProblem(await h.http.get('/api/units/vn/targets/2025'), 404, 'targets.not-found');
    expectProblem(
      await h.http.post('/api/units').send({ unitId: 'vn', name: 'Cục', level: 'central' }),
      409,
      'unit.already-exists',
    );
    expectProblem(
      await h.http.post(`/api/cases/${caseId}/steps`).send({ step: 'complete', on: '2025-02-01' }),
      409,
      'case.step-not-allowed',
    );
    expectProblem(await h.http.post('/api/cases').send(newCase({ unitId: 'nowhere' })), 422, 'unit.not-found');
  });

  it("Nest's own 404 for an unknown path, and 405 with Allow for a known path and another method", async () => {
    expectProblem(await h.http.get('/api/nothing-here'), 404, 'not-found');
    const wrong = await h.http.delete('/api/units');
    expectProblem(wrong, 405, 'request.method-not-allowed');
    expect([wrong.headers.allow, wrong.body.allow]).toEqual(['GET, HEAD, POST', ['GET', 'HEAD', 'POST']]);
    const patch = await h.http.patch(`/api/cases/${caseId}`).send({});
    expectProblem(patch, 405, 'request.method-not-allowed');
    expect(patch.headers.allow).toBe('GET, HEAD');
  });

  it('the JSON body parser: 400 malformed JSON, 413 too large, 415 wrong type', async () => {
    const malformed = await h.http.post('/api/units').set('content-type', 'application/json').send('{"unitId": "x",');
    expectProblem(malformed, 400, 'request.malformed-json');
    expect(malformed.body.detail).toMatch(/^the body is not valid JSON/);
    expectProblem(
      await h.http
        .post('/api/units')
        .set('content-type', 'application/json')
        .send(`{"name":"${'x'.repeat(300_000)}"}`),
      413,
      'request.too-large',
    );
    expectProblem(
      await h.http.post('/api/units').set('content-type', 'text/plain').send('{"unitId":"x"}'),
      415,
      'request.unsupported-media-type',
    );
    expectProblem(
      await h.http.put('/api/units/vn/targets/2025').set('content-type', 'application/xml').send('<targets/>'),
      415,
      'request.unsupported-media-type',
    );
  });
});

describe('problems of authentication', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startAuthApp();
    await new AuthSession(h).add({ id: 'chv-pq', role: 'enforcer', unitId: 'vn' });
  });
  afterAll(() => h.close());

  it('401 without or with a bad token, 403 without the right, 401 and 429 at login', async () => {
    expectProblem(await h.http.get('/api/me'), 401, 'auth.token-missing');
    expectProblem(await h.http.get('/api/me').set(bearer('not-a-token')), 401, 'auth.token-invalid');
    const token = (
      await h.http.post('/api/auth/login').send({ id: 'chv-pq', password: 'một mật khẩu đủ dài 2026' }).expect(200)
    ).body.token;
    expectProblem(await h.http.get('/api/health/details').set(bearer(token)), 403, 'forbidden');
    for (let i = 0; i < 5; i++)
      expectProblem(
        await h.http.post('/api/auth/login').send({ id: 'chv-pq', password: 'sai' }),
        401,
        'auth.bad-credentials',
      );
    const locked = await h.http.post('/api/auth/login').send({ id: 'chv-pq', password: 'sai' });
    expectProblem(locked, 429, 'auth.rate-limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
