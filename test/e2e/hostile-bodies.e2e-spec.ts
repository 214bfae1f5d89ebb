import { AddressInfo } from 'node:net';
import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';
import { startAuthApp } from '../support/auth-harness';

// Many HTTP round trips on a busy machine.
jest.setTimeout(60_000);

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('hostile request bodies (issue 19, point 3)', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('answers a 3,000-level nested body with 400 on login and on a step, before any parsing', async () => {
    h = await startAuthApp();
    const login = await h.http.post('/api/auth/login').set('content-type', 'application/json').send(nested(3000));
    // Every body of the API is an object: an array is refused at its first character.
    expect([login.status, login.type, login.body.code, login.body.detail]).toEqual([
      400,
      'application/problem+json',
      'validation',
      'the body must be a JSON object',
    ]);
    const object = `{"id":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`;
    const deep = await h.http.post('/api/auth/login').set('content-type', 'application/json').send(object);
    expect([deep.status, deep.body.detail]).toEqual([400, 'the body is nested deeper than 32 levels']);
  });

  it('refuses a wide body (20,000 members under the size limit) before validation, with one short answer', async () => {
    h = await startAuthApp();
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1])));
    expect(wide.length).toBeLessThan(256 * 1024);
    const res = await h.http.post('/api/auth/login').set('content-type', 'application/json').send(wide);
    expect([res.status, res.body.code, res.body.title, res.body.detail]).toEqual([
      400,
      'validation',
      'Dữ liệu không hợp lệ',
      'the body has more than 1000 fields and elements',
    ]);
    expect(res.text.length).toBeLessThan(2000);
    const array = await h.http.post('/api/auth/login').set('content-type', 'application/json').send('[]');
    expect([array.status, array.body.detail]).toEqual([400, 'the body must be a JSON object']);
  });

  it('refuses a deep body on a step route and appends nothing', async () => {
    h = await startApp();
    await registerUnits(h);
    const caseId = (await h.http.post('/api/cases').send(newCase()).expect(201)).body.caseId as string;
    const res = await h.http
      .post(`/api/cases/${caseId}/steps`)
      .set('content-type', 'application/json')
      .send(`{"step":"verify","data":${nested(3000)}}`);
    expect([res.status, res.body.code]).toEqual([400, 'validation']);
    expect((await h.http.get(`/api/cases/${caseId}/history`).expect(200)).body.events).toHaveLength(1);
  });

  it('refuses a __proto__ key, which validation would never see, and appends nothing', async () => {
    h = await startApp();
    await registerUnits(h);
    const caseId = (await h.http.post('/api/cases').send(newCase()).expect(201)).body.caseId as string;
    const decided = await h.http
      .post(`/api/cases/${caseId}/steps`)
      .send({ step: 'decide', on: '2025-02-03' })
      .expect(200);
    for (const body of [
      '{"step":"verify","on":"2025-02-20","__proto__":{"x":1}}',
      '{"step":"verify","on":"2025-02-20","note":"a","x":{"constructor":{}}}',
    ]) {
      const res = await h.http.post(`/api/cases/${caseId}/steps`).set('content-type', 'application/json').send(body);
      expect([res.status, res.body.code]).toEqual([400, 'validation']);
      expect(res.body.detail).toMatch(/property (__proto__|constructor) should not exist/);
    }
    expect((await h.http.get(`/api/cases/${caseId}`).expect(200)).body.revision).toBe(decided.body.revision);
  });

  it('refuses bytes that are not UTF-8 and a blank unit name, and registers nothing', async () => {
    h = await startApp();
    await registerUnits(h);
    const latin = Buffer.concat([
      Buffer.from('{"unitId":"kg-x1","name":"T'),
      Buffer.from([0xff]),
      Buffer.from('n","level":"district","parentId":"kg"}'),
    ]);
    // Sent as the bytes they are (superagent would otherwise write a Buffer out as JSON).
    const bad = await h.http
      .post('/api/units')
      .set('content-type', 'application/json')
      .serialize((b: Buffer) => b as unknown as string)
      .send(latin);
    expect([bad.status, bad.body.code]).toEqual([400, 'request.malformed-json']);
    const blank = await h.http
      .post('/api/units')
      .send({ unitId: 'kg-x2', name: '   ', level: 'district', parentId: 'kg' });
    expect([blank.status, blank.body.code]).toEqual([400, 'validation']);
    for (const id of ['kg-x1', 'kg-x2']) await h.http.get(`/api/units/${id}`).expect(404);
  });

  it('tells malformed JSON, a wrong content type and a non-object body apart', async () => {
    h = await startApp();
    const post = (type: string, body: string) => h.http.post('/api/units').set('content-type', type).send(body);
    const malformed = await post('application/json', '{"unitId": "vn",');
    expect([malformed.status, malformed.body.code, malformed.body.detail]).toEqual([
      400,
      'request.malformed-json',
      expect.stringMatching(/^the body is not valid JSON/),
    ]);
    const text = await post('text/plain', '{"unitId":"vn"}');
    expect([text.status, text.type, text.body.code]).toEqual([
      415,
      'application/problem+json',
      'request.unsupported-media-type',
    ]);
    const form = await post('application/x-www-form-urlencoded', 'unitId=vn');
    expect([form.status, form.body.code]).toEqual([415, 'request.unsupported-media-type']);
    const latin1 = await post('application/json; charset=latin1', '{}');
    expect([latin1.status, latin1.body.code]).toEqual([415, 'request.unsupported-media-type']);
    expect((await post('application/json', '"vn"')).body.detail).toBe('the body must be a JSON object');
    // A string holding brackets is not nesting, and an escaped quote does not end the string.
    const strings = await post(
      'application/json',
      JSON.stringify({ unitId: 'x', name: `${nested(40)} \\" ${'['.repeat(40)}`, level: 'central' }),
    );
    expect(strings.status).toBe(201);
  });

  it('keeps /api/health answering while several 240 kB nested bodies are in flight', async () => {
    h = await startAuthApp();
    await h.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}`;
    const deep = nested(120_000);
    const attacks = Array.from({ length: 10 }, () =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: deep,
      }).then((r) => r.status),
    );
    // Health is polled while the attacks are sent; a generous bound on the number of tries, no timing.
    let healthy = 0;
    for (let i = 0; i < 100 && healthy < 5; i++) if ((await fetch(`${base}/api/health`)).status === 200) healthy++;
    expect(healthy).toBe(5);
    expect(await Promise.all(attacks)).toEqual(Array(10).fill(400));
  });
});
