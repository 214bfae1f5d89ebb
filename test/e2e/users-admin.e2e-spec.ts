import { Harness } from '../support/app-harness';
import { AuthSession, bearer, expectStatus, startAuthApp, TestUser } from '../support/auth-harness';

const ADMIN: TestUser = { id: 'admin-vn', role: 'admin', unitId: 'vn' };
const ADMIN_KG: TestUser = { id: 'admin-kg', role: 'admin', unitId: 'kg' };
const HEAD_KG: TestUser = { id: 'head-kg', role: 'head', unitId: 'kg' };
const ENFORCER: TestUser = { id: 'chv-pq', role: 'enforcer', unitId: 'kg-pq' };
const STATISTICIAN: TestUser = { id: 'tk-kg', role: 'statistician', unitId: 'kg' };
const FIRST = 'mật khẩu ban đầu 2026!';
const SECOND = 'mật khẩu mới sau khi đặt lại';

/** The users administration API of the /quan-tri page, with tokens only (no X-Actor-* headers). */
describe('users administration over HTTP', () => {
  let h: Harness;
  let s: AuthSession;
  const later = (seconds: number) => {
    h.clock.instant = new Date(h.clock.instant.getTime() + seconds * 1000);
  };
  const login = (id: string, password: string) => h.http.post('/api/auth/login').send({ id, password });
  const tokenOf = async (id: string, password: string) =>
    expectStatus(await login(id, password), 200).body.token as string;
  const me = (token: string) => h.http.get('/api/me').set(bearer(token));
  const as = async (id: string, method: 'get' | 'post' | 'patch', url: string, body?: object) => {
    const req = h.http[method](url).set(bearer(await s.token(id)));
    return body === undefined ? req : req.send(body);
  };

  beforeAll(async () => {
    h = await startAuthApp();
    s = new AuthSession(h);
    await s.add(ADMIN, ADMIN_KG, HEAD_KG, ENFORCER, STATISTICIAN);
    await s.registerUnits(ADMIN.id, [
      { unitId: 'vn', name: 'Cục Quản lý THADS', level: 'central' },
      { unitId: 'kg', name: 'THADS tỉnh Kiên Giang', level: 'province', parentId: 'vn' },
      { unitId: 'kg-pq', name: 'Chi cục THADS Phú Quốc', level: 'district', parentId: 'kg' },
      { unitId: 'kg-ab', name: 'Chi cục THADS An Biên', level: 'district', parentId: 'kg' },
      { unitId: 'kh', name: 'THADS tỉnh Khánh Hòa', level: 'province', parentId: 'vn' },
    ]);
  });
  afterAll(() => h?.close());

  it('creates a user who can then log in, and never returns a password', async () => {
    const created = expectStatus(
      await as(ADMIN_KG.id, 'post', '/api/users', {
        id: 'chv-lan',
        name: 'Nguyễn Thị Lan',
        role: 'enforcer',
        unitId: 'kg-pq',
        password: FIRST,
      }),
      201,
    );
    expect(created.body).toEqual({
      id: 'chv-lan',
      name: 'Nguyễn Thị Lan',
      role: 'enforcer',
      unitId: 'kg-pq',
      disabled: false,
      disabledAt: null,
      createdAt: h.clock.instant.toISOString(),
      updatedAt: null,
    });
    const token = await tokenOf('chv-lan', FIRST);
    expect(expectStatus(await me(token), 200).body).toMatchObject({ id: 'chv-lan', role: 'enforcer', unitId: 'kg-pq' });
    const list = expectStatus(await as(ADMIN_KG.id, 'get', '/api/users'), 200).body;
    expect(list.unitId).toBe('kg');
    expect(list.items.map((u: { id: string }) => u.id)).toEqual(['admin-kg', 'chv-lan', 'chv-pq', 'head-kg', 'tk-kg']);
    expect(JSON.stringify(list)).not.toMatch(/password|scrypt|mật khẩu/i);
    expect(
      expectStatus(await as(ADMIN.id, 'get', '/api/users?unitId=kg-pq'), 200).body.items.map(
        (u: { id: string }) => u.id,
      ),
    ).toEqual(['chv-lan', 'chv-pq']);
  });

  it('changes a role or unit: the old token stops at once, a new login carries the new rights', async () => {
    const old = await tokenOf('chv-lan', FIRST);
    const changed = expectStatus(
      await as(ADMIN_KG.id, 'patch', '/api/users/chv-lan', { role: 'head', unitId: 'kg-ab' }),
      200,
    ).body;
    expect(changed).toMatchObject({
      id: 'chv-lan',
      role: 'head',
      unitId: 'kg-ab',
      updatedAt: h.clock.instant.toISOString(),
    });
    expect(expectStatus(await me(old), 401).body.code).toBe('auth.token-invalid');
    expect(expectStatus(await me(await tokenOf('chv-lan', FIRST)), 200).body).toMatchObject({
      role: 'head',
      unitId: 'kg-ab',
    });
    expectStatus(await as(ADMIN_KG.id, 'patch', '/api/users/chv-lan', { role: 'enforcer', unitId: 'kg-pq' }), 200);
  });

  it('resets a password: the old one and the tokens issued before stop working', async () => {
    const old = await tokenOf('chv-lan', FIRST);
    later(2);
    expectStatus(await as(ADMIN_KG.id, 'post', '/api/users/chv-lan/password', { password: SECOND }), 200);
    expect(expectStatus(await login('chv-lan', FIRST), 401).body.code).toBe('auth.bad-credentials');
    expect(expectStatus(await me(old), 401).body.code).toBe('auth.token-invalid');
    expectStatus(await me(await tokenOf('chv-lan', SECOND)), 200);
  });

  it('disables a user: no login, existing tokens refused; enabled again, old tokens stay dead', async () => {
    const token = await tokenOf('chv-lan', SECOND);
    later(2);
    expect(expectStatus(await as(ADMIN_KG.id, 'post', '/api/users/chv-lan/disable'), 200).body).toMatchObject({
      disabled: true,
      disabledAt: h.clock.instant.toISOString(),
    });
    expect(expectStatus(await me(token), 401).body.code).toBe('auth.token-invalid');
    expect(expectStatus(await login('chv-lan', SECOND), 401).body.code).toBe('auth.bad-credentials');
    later(2);
    expect(expectStatus(await as(ADMIN_KG.id, 'post', '/api/users/chv-lan/enable'), 200).body).toMatchObject({
      disabled: false,
      disabledAt: null,
    });
    expect(expectStatus(await me(token), 401).body.code).toBe('auth.token-invalid');
    expectStatus(await me(await tokenOf('chv-lan', SECOND)), 200);
  });

  it('refuses every role but the administrator, with 403 problem+json', async () => {
    for (const who of [ENFORCER, HEAD_KG, STATISTICIAN]) {
      for (const [method, url, body] of [
        ['get', '/api/users?unitId=kg-pq'],
        ['post', '/api/users', { id: 'x-1', name: 'X', role: 'enforcer', unitId: 'kg-pq', password: FIRST }],
        ['patch', '/api/users/chv-lan', { role: 'admin' }],
        ['post', '/api/users/chv-lan/password', { password: SECOND }],
        ['post', '/api/users/chv-lan/disable'],
        ['get', '/api/users/chv-lan/audit'],
      ] as const) {
        const res = await as(who.id, method, url, body);
        expect([who.id, method, url, res.status, res.body.code]).toEqual([who.id, method, url, 403, 'forbidden']);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
    // Nothing was created or changed by the refused attempts.
    expect(expectStatus(await as(ADMIN.id, 'get', '/api/users/x-1/audit'), 404).body.code).toBe('user.not-found');
  });

  it('keeps an administrator to the units under theirs, and off their own role, unit and account', async () => {
    const refused = async (res: { status: number; body: { code: string; detail: string } }, why: RegExp) => {
      expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
      expect(res.body.detail).toMatch(why);
    };
    await refused(
      await as(ADMIN_KG.id, 'post', '/api/users', {
        id: 'kh-1',
        name: 'Khánh Hòa',
        role: 'enforcer',
        unitId: 'kh',
        password: FIRST,
      }),
      /outside the scope/,
    );
    await refused(await as(ADMIN_KG.id, 'get', '/api/users?unitId=vn'), /outside the scope/);
    await refused(await as(ADMIN_KG.id, 'patch', '/api/users/chv-lan', { unitId: 'kh' }), /outside the scope/);
    await refused(await as(ADMIN_KG.id, 'patch', '/api/users/admin-vn', { role: 'enforcer' }), /outside the scope/);
    await refused(await as(ADMIN_KG.id, 'post', '/api/users/admin-vn/disable'), /outside the scope/);
    await refused(await as(ADMIN_KG.id, 'patch', '/api/users/admin-kg', { unitId: 'vn' }), /outside the scope|own/);
    await refused(await as(ADMIN.id, 'patch', '/api/users/admin-vn', { role: 'head' }), /own role/);
    await refused(await as(ADMIN.id, 'post', '/api/users/admin-vn/disable'), /own account/);
    // A head of the province, raised by an administrator in scope: allowed, and audited.
    expectStatus(await as(ADMIN_KG.id, 'patch', '/api/users/head-kg', { role: 'admin' }), 200);
    expectStatus(await as(ADMIN_KG.id, 'patch', '/api/users/head-kg', { role: 'head' }), 200);
  });

  it('refuses bad input: the system identity, short passwords, duplicates, unknown units and users', async () => {
    const create = (body: object) =>
      as(ADMIN.id, 'post', '/api/users', {
        id: 'new-1',
        name: 'Trần Văn Bình',
        role: 'enforcer',
        unitId: 'kg-pq',
        password: FIRST,
        ...body,
      });
    expect(expectStatus(await create({ role: 'system' }), 400).body.code).toBe('validation');
    expect(expectStatus(await create({ password: 'ngắn quá' }), 400).body.code).toBe('validation');
    expect(expectStatus(await create({ id: 'có dấu' }), 400).body.code).toBe('validation');
    expect(expectStatus(await create({ name: '   ' }), 400).body.code).toBe('validation');
    expect(expectStatus(await create({ id: 'chv-lan' }), 409).body.code).toBe('user.already-exists');
    expect(expectStatus(await create({ unitId: 'nowhere' }), 422).body.code).toBe('unit.not-found');
    expect(expectStatus(await as(ADMIN.id, 'patch', '/api/users/chv-lan', { role: 'system' }), 400).body.code).toBe(
      'validation',
    );
    expect(expectStatus(await as(ADMIN.id, 'patch', '/api/users/chv-lan', { unitId: 'nowhere' }), 422).body.code).toBe(
      'unit.not-found',
    );
    expect(expectStatus(await as(ADMIN.id, 'patch', '/api/users/nobody', { role: 'head' }), 404).body.code).toBe(
      'user.not-found',
    );
    expect(
      expectStatus(await as(ADMIN.id, 'post', '/api/users/chv-lan/password', { password: 'short' }), 400).body.code,
    ).toBe('validation');
    expect(expectStatus(await as(ADMIN.id, 'get', '/api/users?unitId=nowhere'), 404).body.code).toBe('unit.not-found');
  });

  it('records who did what, when, in the administration record, never a password', async () => {
    const audit = expectStatus(await as(ADMIN.id, 'get', '/api/users/chv-lan/audit'), 200).body;
    expect(audit.items.map((e: { action: string; actor: { id: string } }) => [e.action, e.actor.id])).toEqual([
      ['create', 'admin-kg'],
      ['change', 'admin-kg'],
      ['change', 'admin-kg'],
      ['reset-password', 'admin-kg'],
      ['disable', 'admin-kg'],
      ['enable', 'admin-kg'],
    ]);
    expect(audit.items[1].changes).toEqual({
      role: { from: 'enforcer', to: 'head' },
      unitId: { from: 'kg-pq', to: 'kg-ab' },
    });
    expect(audit.items[0].at < audit.items[5].at).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(FIRST);
    expect(JSON.stringify(audit)).not.toContain(SECOND);
    const head = expectStatus(await as(ADMIN.id, 'get', '/api/users/head-kg/audit'), 200).body;
    expect(head.items.map((e: { changes: { role: { to: string } } }) => e.changes.role.to)).toEqual(['admin', 'head']);
  });
});
