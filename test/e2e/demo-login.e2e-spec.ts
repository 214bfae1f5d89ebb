import { DEMO_USERS } from '@thads/application';
import { Harness, startApp } from '../support/app-harness';
import { bearer } from '../support/auth-harness';

// The web console's demo login (issue 23): the demo's people picked without a password, only in
// development mode with demo data; a 404 with a stable code everywhere else.
describe('demo login in development with demo data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ env: { THADS_DEMO: '1', THADS_DEV_ACTOR: '1' } });
  });
  afterAll(() => h?.close());

  it('lists one demo user per role, in the demo units, and says so in the login options', async () => {
    const { body } = await h.http.get('/api/auth/demo-users').expect(200);
    expect(body.users.map((u: { role: string }) => u.role).sort()).toEqual([
      'admin',
      'auditor',
      'enforcer',
      'enforcer',
      'head',
      'inspector',
      'statistician',
    ]);
    expect(body.users[0]).toMatchObject({
      id: 'tt-kg-pq',
      role: 'head',
      unitId: 'kg-pq',
      unitName: 'Chi cục THADS thành phố Phú Quốc',
    });
    expect((await h.http.get('/api/auth/options').expect(200)).body).toEqual({ local: true, oidc: null, demo: true });
  });

  it('gives a token that /api/me reads as the demo user', async () => {
    const { body } = await h.http.post('/api/auth/demo-login').send({ id: 'chv-kg-pq-1' }).expect(200);
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await h.http.get('/api/me').set(bearer(body.token)).expect(200);
    expect(me.body).toMatchObject({
      id: 'chv-kg-pq-1',
      role: 'enforcer',
      unitId: 'kg-pq',
      authenticatedBy: 'local-token',
    });
  });

  it('opens no account but the demo users, and none with a password nobody was told', async () => {
    expect((await h.http.post('/api/auth/demo-login').send({ id: 'someone-else' }).expect(404)).body.code).toBe(
      'auth.demo-user-not-found',
    );
    expect(
      (await h.http.post('/api/auth/login').send({ id: 'tt-kg-pq', password: 'demo' }).expect(401)).body.code,
    ).toBe('auth.bad-credentials');
    expect((await h.http.post('/api/auth/demo-login').send({ id: '../x' }).expect(400)).body.code).toBe('validation');
  });
});

describe('demo login refused', () => {
  const refused = async (env: NodeJS.ProcessEnv) => {
    const h = await startApp({ env });
    try {
      expect((await h.http.get('/api/auth/demo-users').expect(404)).body.code).toBe('auth.demo-login-off');
      expect((await h.http.post('/api/auth/demo-login').send({ id: DEMO_USERS[0].id }).expect(404)).body.code).toBe(
        'auth.demo-login-off',
      );
      expect((await h.http.get('/api/auth/options').expect(200)).body.demo).toBe(false);
    } finally {
      await h.close();
    }
  };

  it('in production, even with demo data', () =>
    refused({ NODE_ENV: 'production', THADS_DEMO: '1', THADS_DEV_ACTOR: undefined }));
  it('without the development actor', () => refused({ THADS_DEMO: '1', THADS_DEV_ACTOR: '0' }));
  it('without demo data', () => refused({ THADS_DEMO: '0', THADS_DEV_ACTOR: '1' }));
});
