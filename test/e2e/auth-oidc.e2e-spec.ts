import { generateKeyPair, SignJWT } from 'jose';
import { EventMetadata } from '@thads/domain';
import { collect, EventStore } from '@thads/event-store';
import { Harness, newCase, UNITS } from '../support/app-harness';
import { bearer, expectStatus, PASSWORD, startAuthApp } from '../support/auth-harness';
import { TestIssuer } from '../support/oidc-issuer';

// Password hashing (scrypt) and many HTTP round trips: slower than jest's 5 s default on a busy machine.

describe('tokens from an OpenID Connect issuer (production)', () => {
  let issuer: TestIssuer;
  let h: Harness;
  beforeAll(async () => {
    issuer = await TestIssuer.start();
    h = await startAuthApp({ THADS_OIDC_ISSUER: issuer.url, THADS_OIDC_AUDIENCE: 'thads-api' });
  });
  afterAll(async () => {
    await h.close();
    await issuer.close();
  });
  const mint = (claims: Record<string, unknown>, o: { audience?: string; issuer?: string; seconds?: number } = {}) =>
    issuer.mint(claims, { now: h.clock.now(), ...o });

  it('accepts a token signed by the issuer, maps its claims to role and unit, and stamps the events with them', async () => {
    const admin = await mint({ sub: 'qt-vn', thads_role: 'admin', thads_unit: 'vn' });
    for (const unit of UNITS) expectStatus(await h.http.post('/api/units').set(bearer(admin)).send(unit), 201);
    const head = await mint({ sub: 'tt-pq', name: 'Trưởng phòng Phú Quốc', thads_role: 'head', thads_unit: 'kg-pq' });
    const me = expectStatus(await h.http.get('/api/me').set(bearer(head)), 200);
    expect(me.body).toMatchObject({
      id: 'tt-pq',
      name: 'Trưởng phòng Phú Quốc',
      role: 'head',
      unitId: 'kg-pq',
      authenticatedBy: 'oidc-token',
    });
    expectStatus(
      await h.http
        .post('/api/cases')
        .set(bearer(head))
        .send(newCase({ caseId: 'o-1' })),
      201,
    );
    expectStatus(
      await h.http.post('/api/cases/o-1/steps').set(bearer(head)).send({ step: 'decide', on: '2025-02-03' }),
      200,
    );
    const actors = (await collect(h.app.get(EventStore).readStream('case-o-1'))).map(
      (e) => (e.metadata as unknown as EventMetadata).actor,
    );
    expect(actors).toEqual([
      { id: 'tt-pq', role: 'head', unitId: 'kg-pq' },
      { id: 'tt-pq', role: 'head', unitId: 'kg-pq' },
    ]);
    expect(
      (
        await h.http
          .post('/api/cases')
          .set(bearer(head))
          .send(newCase({ caseId: 'o-2', unitId: 'kg-ab' }))
      ).status,
    ).toBe(403);
  });

  it('refuses a token of another key, audience or issuer, an expired one, an HMAC one, or one whose claims name no single role and unit', async () => {
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const ok = { sub: 'tt-pq', thads_role: 'head', thads_unit: 'kg-pq' };
    const now = Math.floor(h.clock.now().getTime() / 1000);
    const hmac = await new SignJWT(ok)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer.url)
      .setAudience('thads-api')
      .setExpirationTime(now + 600)
      .sign(new Uint8Array(32));
    const refused: Array<[string, string]> = [
      ['another key', await issuer.mint(ok, { now: h.clock.now(), key: stranger })],
      ['another audience', await mint(ok, { audience: 'other-app' })],
      ['another issuer', await mint(ok, { issuer: 'https://evil.example' })],
      ['expired', await mint(ok, { seconds: -60 })],
      ['HMAC', hmac],
      ['the system role', await mint({ ...ok, thads_role: 'system' })],
      ['no unit', await mint({ sub: 'tt-pq', thads_role: 'head' })],
      ['two roles', await mint({ ...ok, thads_role: ['head', 'auditor'] })],
    ];
    for (const [why, token] of refused) {
      const res = await h.http.get('/api/me').set(bearer(token));
      expect([why, res.status]).toEqual([why, 401]);
    }
  });

  it('turns local login off: identities live at the issuer', async () => {
    const res = await h.http.post('/api/auth/login').send({ id: 'qt-vn', password: PASSWORD });
    expect([res.status, res.body.code]).toEqual([403, 'auth.local-login-disabled']);
  });

  it('reads role and unit from configured claims, with keys from THADS_OIDC_JWKS_URL', async () => {
    const other = await startAuthApp({
      THADS_OIDC_ISSUER: issuer.url,
      THADS_OIDC_AUDIENCE: 'thads-api',
      THADS_OIDC_JWKS_URL: `${issuer.url}/jwks`,
      THADS_OIDC_ROLE_CLAIM: 'realm_access.roles',
      THADS_OIDC_UNIT_CLAIM: 'org.unit',
    });
    try {
      const token = await mint({
        sub: 'vks-kg',
        realm_access: { roles: ['offline_access', 'inspector'] },
        org: { unit: 'kg' },
      });
      expect((await other.http.get('/api/me').set(bearer(token)).expect(200)).body).toMatchObject({
        id: 'vks-kg',
        role: 'inspector',
        unitId: 'kg',
      });
    } finally {
      await other.close();
    }
  });

  it('answers 503 while the issuer cannot be reached, and does not remember the failure', async () => {
    const down = await startAuthApp({ THADS_OIDC_ISSUER: 'http://127.0.0.1:1', THADS_OIDC_AUDIENCE: 'thads-api' });
    try {
      const token = await mint({ sub: 'x', thads_role: 'head', thads_unit: 'vn' });
      const res = await down.http.get('/api/me').set(bearer(token));
      expect([res.status, res.body.code]).toEqual([503, 'auth.issuer-unavailable']);
    } finally {
      await down.close();
    }
  });
});
