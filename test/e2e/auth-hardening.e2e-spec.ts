import { ruleFor } from '../../apps/api/src/auth/route-rules';
import { Harness, startApp } from '../support/app-harness';
import { AuthSession, bearer, PASSWORD, startAuthApp, TestUser } from '../support/auth-harness';

// Password hashing (scrypt) and many HTTP round trips: slower than jest's 5 s default on a busy machine.

const ENFORCER: TestUser = { id: 'chv-pq', role: 'enforcer', unitId: 'kg-pq' };

describe('hardening', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('sends security headers, keeps CORS closed and refuses large bodies without stack traces', async () => {
    h = await startAuthApp();
    const res = await h.http.get('/api/health').set('origin', 'https://evil.example');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const big = await h.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ id: 'x', password: 'p'.repeat(300_000) }));
    expect([big.status, big.body.code, big.body.stack]).toEqual([413, 'request.too-large', undefined]);
  });

  it('opens CORS to the origins named in THADS_CORS_ORIGINS only', async () => {
    h = await startAuthApp({ THADS_CORS_ORIGINS: 'https://ui.example' });
    const ok = await h.http.options('/api/cases').set({
      origin: 'https://ui.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization',
    });
    expect([ok.status, ok.headers['access-control-allow-origin']]).toEqual([204, 'https://ui.example']);
    const other = await h.http.get('/api/health').set('origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('in development mode, believes X-Actor-* headers without a token, but a token always wins', async () => {
    h = await startApp();
    expect((await h.http.get('/api/me').set({ 'x-actor-role': 'inspector', 'x-actor-unit': 'kg' })).body).toMatchObject(
      { role: 'inspector', unitId: 'kg', authenticatedBy: 'dev-headers' },
    );
    await new AuthSession(h).add(ENFORCER);
    const token = (await h.http.post('/api/auth/login').send({ id: ENFORCER.id, password: PASSWORD }).expect(200)).body
      .token;
    expect((await h.http.get('/api/me').set(bearer(token))).body).toMatchObject({
      id: 'chv-pq',
      authenticatedBy: 'local-token',
    });
    expect((await h.http.get('/api/me').set(bearer('abc.def.ghi'))).status).toBe(401);
  });

  it('never believes X-Actor-* headers in production', async () => {
    h = await startAuthApp({ NODE_ENV: 'production' });
    expect((await h.http.get('/api/me').set({ 'x-actor-role': 'head' })).status).toBe(401);
    await expect(startApp({ env: { NODE_ENV: 'production', THADS_DEV_ACTOR: '1' } })).rejects.toThrow(
      /refused when NODE_ENV=production/,
    );
  });

  it('has an access rule for every route the app mounts (a new route without one is refused to people)', async () => {
    h = await startAuthApp();
    const express = h.app.getHttpAdapter().getInstance();
    const routes = (
      (express.router ?? express._router).stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>
    )
      .flatMap((layer) =>
        layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`) : [],
      )
      .filter((route) => !/ \/api\/docs/.test(route));
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !ruleFor(route.split(' ')[0], route.split(' ')[1]))).toEqual([]);
  });
});
