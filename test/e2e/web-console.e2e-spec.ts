import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Harness, startApp } from '../support/app-harness';

// The API serves the web console at `/` (apps/api/src/web/serve-web.ts): its files, index.html
// for the browser's routes, never anything under /api.
describe('the web console served by the API', () => {
  let h: Harness;
  const web = mkdtempSync(join(tmpdir(), 'thads-web-'));
  beforeAll(async () => {
    mkdirSync(join(web, 'assets'));
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><html lang="vi"><body><div id="root"></div><script type="module" src="/assets/index-abc.js"></script></body></html>',
    );
    writeFileSync(join(web, 'assets', 'index-abc.js'), 'console.log("console")');
    h = await startApp({ webDir: web });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('answers the routes of the console with its page, in Vietnamese, under the CSP', async () => {
    for (const path of ['/', '/ban-lam-viec', '/viec/kg-pq-2026-1/lich-su', '/dang-nhap?x=1']) {
      const res = await h.http.get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('lang="vi"');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    }
  });

  it('serves the built files as immutable, and a missing one as a 404, not the page', async () => {
    const js = await h.http.get('/assets/index-abc.js').expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    await h.http.get('/assets/missing.js').expect(404);
  });

  it('leaves every /api path to the API: an unknown one is still a problem+json 404', async () => {
    for (const path of ['/api/nope', '/api', '/api/cases/x/nothing']) {
      const res = await h.http.get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('not-found');
    }
    expect((await h.http.get('/api/health').expect(200)).headers['content-type']).toMatch(/json/);
  });

  it('does not answer other methods with the page', async () => {
    await h.http.post('/ban-lam-viec').send({}).expect(404);
  });
});

describe('the API without a built console', () => {
  it('starts and serves /api all the same', async () => {
    const h = await startApp({ webDir: join(tmpdir(), 'no-such-web-build') });
    try {
      await h.http.get('/api/health').expect(200);
      await h.http.get('/ban-lam-viec').expect(404);
    } finally {
      await h.close();
    }
  });
});
