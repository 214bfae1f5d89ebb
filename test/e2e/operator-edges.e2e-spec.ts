import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@thads/application';
import { Harness, newCase, startApp } from '../support/app-harness';
import { AuthSession, bearer, PASSWORD, startAuthApp } from '../support/auth-harness';

// scrypt logins and several app starts on a busy machine.
jest.setTimeout(90_000);

const mode = (path: string) => statSync(path).mode & 0o777;

/** Issue 19, point 10: what an operator expects of files, caches, addresses, health and logins. */
describe('operator edges', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('creates the data directory 0700 and every data file 0600 (read.db holds password hashes)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'thads-modes-'));
    const dataDir = join(parent, 'data');
    try {
      h = await startApp({ dataDir, env: { THADS_DEV_ACTOR: '0' } });
      const session = new AuthSession(h);
      await session.add({ id: 'admin-vn', role: 'admin', unitId: 'vn' });
      await session.token('admin-vn');
      expect(
        (await session.post('admin-vn', '/api/units', { unitId: 'vn', name: 'Cục', level: 'central' })).status,
      ).toBe(201);
      const files = readdirSync(dataDir).filter((f) => statSync(join(dataDir, f)).isFile());
      expect(files).toEqual(
        expect.arrayContaining(['thads.db', 'read.db', 'thads.db-wal', 'read.db-wal', 'jwt-signing.key']),
      );
      expect([mode(dataDir), ...files.map((f) => `${f} ${mode(join(dataDir, f)).toString(8)}`)]).toEqual([
        0o700,
        ...files.map((f) => `${f} 600`),
      ]);
    } finally {
      await h.close();
      h = undefined as unknown as Harness;
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('sends Cache-Control: no-store with authenticated answers', async () => {
    h = await startApp();
    for (const url of ['/api/me', '/api/units', '/api/cases?unitId=vn']) {
      const res = await h.http.get(url);
      expect([url, res.headers['cache-control']]).toEqual([url, 'no-store']);
    }
    expect(
      (await h.http.post('/api/units').send({ unitId: 'vn', name: 'Cục', level: 'central' })).headers['cache-control'],
    ).toBe('no-store');
  });

  it('answers the public health check with up or down only, and the details to the administrator', async () => {
    h = await startAuthApp();
    const session = new AuthSession(h);
    await session.add(
      { id: 'admin-vn', role: 'admin', unitId: 'vn' },
      { id: 'chv-pq', role: 'enforcer', unitId: 'kg-pq' },
    );
    expect((await h.http.get('/api/health').expect(200)).body).toEqual({ status: 'ok' });
    expect((await h.http.get('/api/health/details')).status).toBe(401);
    expect((await session.get('chv-pq', '/api/health/details')).status).toBe(403);
    const details = (await session.get('admin-vn', '/api/health/details')).body;
    expect(details).toMatchObject({
      status: 'ok',
      eventStore: 'sqlite',
      readStore: 'sqlite',
      head: expect.any(Number),
      projector: { lag: expect.any(Number) },
    });
  });

  it('listens on loopback unless production or THADS_BIND says otherwise', () => {
    expect(AppConfig.fromEnv({}).bindAddress).toBe('127.0.0.1');
    expect(AppConfig.fromEnv({ NODE_ENV: 'production' }).bindAddress).toBe('0.0.0.0');
    expect(AppConfig.fromEnv({ NODE_ENV: 'production', THADS_BIND: '10.1.2.3' }).bindAddress).toBe('10.1.2.3');
    expect(AppConfig.fromEnv({ THADS_BIND: '::' }).bindAddress).toBe('::');
    // csh sets HOST to the machine's name: it is not read.
    expect(AppConfig.fromEnv({ HOST: 'office-pc' }).bindAddress).toBe('127.0.0.1');
    expect(() => AppConfig.fromEnv({ THADS_BIND: 'office-pc' })).toThrow(
      /THADS_BIND="office-pc": expected an IP address/,
    );
  });

  describe('login limits (behind a proxy trusted with THADS_TRUST_PROXY)', () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const login = (id: string, password: string, address: string) =>
      h.http.post('/api/auth/login').set(from(address)).send({ id, password });

    it('locks an id after 5 failures from one address, there only, and not for its owner elsewhere', async () => {
      h = await startAuthApp({ THADS_TRUST_PROXY: 'loopback' });
      await new AuthSession(h).add({ id: 'chv-pq', role: 'enforcer', unitId: 'kg-pq' });
      for (let i = 0; i < 5; i++) expect((await login('chv-pq', 'wrong guess', '10.9.9.9')).status).toBe(401);
      const locked = await login('chv-pq', PASSWORD, '10.9.9.9');
      expect([locked.status, locked.body.code, locked.headers['retry-after']]).toEqual([
        429,
        'auth.rate-limited',
        '30',
      ]);
      // The colleague at another desk (another address behind the same proxy) still logs in.
      const owner = await login('chv-pq', PASSWORD, '10.1.1.1');
      expect(owner.status).toBe(200);
      expect((await h.http.get('/api/me').set(bearer(owner.body.token))).headers['cache-control']).toBe('no-store');
    });

    it('refuses the 31st attempt in a minute from one address across different ids', async () => {
      h = await startAuthApp({ THADS_TRUST_PROXY: 'loopback' });
      for (let i = 0; i < 30; i++) expect((await login(`u-${i}`, 'guess', '10.7.7.7')).status).toBe(401);
      const sprayed = await login('u-30', 'guess', '10.7.7.7');
      expect([sprayed.status, sprayed.body.detail]).toEqual([429, expect.stringContaining('from this address')]);
      expect((await login('u-30', 'guess', '10.7.7.8')).status).toBe(401);
    });
  });

  it('keeps a case of another unit to a bare 403 in a step refusal too', async () => {
    h = await startAuthApp();
    const session = new AuthSession(h);
    await session.add(
      { id: 'admin-vn', role: 'admin', unitId: 'vn' },
      { id: 'head-ab', role: 'head', unitId: 'kg-ab' },
      { id: 'head-pq', role: 'head', unitId: 'kg-pq' },
    );
    await session.registerUnits('admin-vn');
    const caseId = (await session.post('head-ab', '/api/cases', newCase({ unitId: 'kg-ab' }))).body.caseId;
    const res = await session.post('head-pq', `/api/cases/${caseId}/steps`, { step: 'decide', on: '2025-02-03' });
    expect([res.status, res.body.why, JSON.stringify(res.body).includes('kg-ab')]).toEqual([
      403,
      'the case is outside the scope of unit kg-pq',
      false,
    ]);
  });
});
