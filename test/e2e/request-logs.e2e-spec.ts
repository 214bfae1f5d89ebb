import { Harness, startApp } from '../support/app-harness';
import { bearer } from '../support/auth-harness';
import { eventually } from '../support/eventually';

type Line = Record<string, unknown> & {
  msg?: string;
  requestId?: string;
  req?: { id: string; url: string };
  res?: { statusCode: number };
};

/** Issue 21.4: structured JSON logs with a request id, echoed to the client and in its problems. */
describe('request ids and JSON logs', () => {
  let h: Harness;
  const lines: Line[] = [];
  const raw: string[] = [];
  beforeAll(async () => {
    h = await startApp({
      env: { THADS_DEV_ACTOR: '0' },
      logTo: {
        write: (text: string) => {
          raw.push(text);
          lines.push(JSON.parse(text));
        },
      },
    });
  });
  afterAll(() => h.close());
  const completed = (id: string) =>
    eventually(`the completion line of ${id}`, () => lines.find((l) => l.req?.id === id && l.res));

  it('gives every request an id, echoed in X-Request-Id and written on its completion line', async () => {
    const res = await h.http.get('/api/lifecycle').expect(200);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await completed(id)).toMatchObject({
      level: 30,
      service: 'thads-api',
      req: { id, url: '/api/lifecycle' },
      res: { statusCode: 200 },
    });
  });

  it("keeps a caller's well-formed id and replaces one that is not", async () => {
    expect((await h.http.get('/api/lifecycle').set('X-Request-Id', 'lb-7f3a.42:1')).headers['x-request-id']).toBe(
      'lb-7f3a.42:1',
    );
    const replaced = (await h.http.get('/api/lifecycle').set('X-Request-Id', 'two words; <script>')).headers[
      'x-request-id'
    ];
    expect(replaced).not.toContain(' ');
    expect(replaced).toHaveLength(36);
  });

  it('writes the id into the problem, and the refusal line carries it', async () => {
    const res = await h.http.get('/api/cases?unitId=vn').set('X-Request-Id', 'trace-401').expect(401);
    expect(res.type).toBe('application/problem+json');
    expect(res.body).toMatchObject({ code: 'auth.token-missing', requestId: 'trace-401' });
    const refusal = await eventually('the refusal line', () =>
      lines.find((l) => l.requestId === 'trace-401' && l.context === 'Access'),
    );
    expect(refusal).toMatchObject({ level: 40, refused: { status: 401, method: 'GET', url: '/api/cases?unitId=vn' } });
    expect(refusal.msg).toMatch(/^refused 401 GET \/api\/cases\?unitId=vn: who=anonymous@/);
    expect(await completed('trace-401')).toMatchObject({ level: 40, res: { statusCode: 401 } });
  });

  it('gives an id to a body refused before routing too', async () => {
    const res = await h.http.post('/api/auth/login').set('content-type', 'application/json').send('{"id":').expect(400);
    expect(res.body).toMatchObject({ code: 'request.malformed-json', requestId: res.headers['x-request-id'] });
  });

  it('logs neither bodies nor the Authorization header', async () => {
    await h.http
      .post('/api/auth/login')
      .set(bearer('secret-token-value'))
      .send({ id: 'nobody', password: 'mật khẩu bí mật' });
    const id = (await h.http.get('/api/lifecycle').set(bearer('secret-token-value'))).headers['x-request-id'];
    await completed(id);
    const all = raw.join('');
    expect(all).not.toContain('secret-token-value');
    expect(all).not.toContain('mật khẩu bí mật');
  });

  it('does not log the probes of /api/health', async () => {
    const id = (await h.http.get('/api/health').expect(200)).headers['x-request-id'];
    const after = (await h.http.get('/api/lifecycle')).headers['x-request-id'];
    await completed(after);
    expect(lines.filter((l) => l.req?.id === id)).toEqual([]);
  });
});
