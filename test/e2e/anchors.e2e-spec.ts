import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnchorKey } from '@thads/application';
import { EventStore, SqliteEventStore } from '@thads/event-store';
import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

/** The log's anchors through the API: on a count, at shutdown, on demand, and on every exported history. */
describe('anchors written by the API', () => {
  let h: Harness;
  const as = (role: string) => ({ 'x-actor-role': role, 'x-actor-id': `${role}-1`, 'x-actor-unit': 'vn' });
  const anchorLines = () =>
    readFileSync(join(h.dataDir, 'anchors.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));

  beforeEach(async () => {
    h = await startApp({ env: { THADS_ANCHOR_EVERY_EVENTS: '6', THADS_ANCHOR_EVERY_MINUTES: '0' } });
    await registerUnits(h);
  });
  afterEach(() => h.close());

  it('signs the head on demand for an admin or an auditor, refuses others, and lists the anchors with the public key', async () => {
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'anc-1' }))
      .expect(201);
    await h.http.post('/api/integrity/anchors').set(as('enforcer')).expect(403);
    await h.http.get('/api/integrity/anchors').set(as('inspector')).expect(403);
    const written = await h.http.post('/api/integrity/anchors').set(as('admin')).expect(200);
    expect(written.body).toMatchObject({ written: true, anchor: { seq: 1, count: 5 } });
    const again = await h.http.post('/api/integrity/anchors').set(as('auditor')).expect(200);
    expect(again.body).toMatchObject({ written: false, anchor: { seq: 1 } });
    const list = await h.http.get('/api/integrity/anchors').set(as('auditor')).expect(200);
    const key = AnchorKey.load(join(h.dataDir, 'anchor-key.pem'))!;
    expect(list.body).toMatchObject({
      keyFingerprint: key.fingerprint,
      publicKey: key.publicKeyPem,
      total: 1,
      file: { valid: true, findings: [] },
      latest: { seq: 1 },
    });
    expect(list.body.anchors).toHaveLength(1);
    await h.http.get('/api/integrity/anchors?limit=0').set(as('auditor')).expect(400);
  });

  it('anchors once enough events came, and at a graceful stop', async () => {
    // 4 units + the case's receipt = 5 positions; a step makes 6: the next poll anchors.
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'anc-2' }))
      .expect(201);
    await h.http.post('/api/cases/anc-2/steps').send({ step: 'decide', on: '2025-02-03' }).expect(200);
    const deadline = Date.now() + 20_000;
    while (
      Date.now() < deadline &&
      (await h.http.get('/api/integrity/anchors').set(as('auditor')).expect(200)).body.total === 0
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(anchorLines()).toEqual([expect.objectContaining({ seq: 1, reason: 'interval', position: '6', count: 6 })]);
    await h.http
      .post('/api/cases/anc-2/steps')
      .send({ step: 'assign', on: '2025-02-04', enforcerId: 'chv-07' })
      .expect(200);
    h = await h.restart();
    expect(anchorLines().map((a) => [a.seq, a.reason, a.position])).toEqual([
      [1, 'interval', '6'],
      [2, 'shutdown', '7'],
    ]);
  });

  it('checks the whole log against the anchors for a national auditor, and names a deleted last event', async () => {
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'anc-4' }))
      .expect(201);
    await h.http.post('/api/integrity/anchors').set(as('admin')).expect(200);
    await h.http
      .get('/api/integrity/verify')
      .set({ ...as('auditor'), 'x-actor-unit': 'kg' })
      .expect(403);
    expect((await h.http.get('/api/integrity/verify').set(as('auditor')).expect(200)).body).toMatchObject({
      valid: true,
      checked: 5,
      anchors: { valid: true, checked: 1 },
    });
    const store = h.app.get(EventStore) as SqliteEventStore;
    store.db.prepare("DELETE FROM events WHERE stream_id = 'case-anc-4'").run();
    const after = (await h.http.get('/api/integrity/verify').set(as('auditor')).expect(200)).body;
    expect(after).toMatchObject({
      valid: false,
      brokenStreams: 0,
      anchors: { valid: false, findings: [expect.objectContaining({ kind: 'truncated', anchor: 1, to: '5' })] },
    });
  });

  it('prints the latest anchor on the history as JSON, CSV and the printable page', async () => {
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'anc-3' }))
      .expect(201);
    const { anchor } = (await h.http.post('/api/integrity/anchors').set(as('admin')).expect(200)).body;
    const json = (await h.http.get('/api/cases/anc-3/history').expect(200)).body;
    expect(json.anchor).toEqual(anchor);
    const csv = (await h.http.get('/api/cases/anc-3/history?format=csv').expect(200)).text;
    expect(csv).toContain(
      `Mốc neo nhật ký,"số 1, vị trí ${anchor.position} (${anchor.count} sự kiện), lúc ${anchor.at}, mã băm ${anchor.digest}, khóa ${anchor.keyFingerprint}"`,
    );
    const html = (await h.http.get('/api/cases/anc-3/history.html').expect(200)).text;
    expect(html).toContain(`mã băm ${anchor.digest}, khóa ${anchor.keyFingerprint}`);
  });

  it('says which events of a printed history the anchor does not cover yet', async () => {
    await h.http
      .post('/api/cases')
      .send(newCase({ caseId: 'anc-4' }))
      .expect(201);
    await h.http.post('/api/integrity/anchors').set(as('admin')).expect(200);
    await h.http.post('/api/cases/anc-4/steps').send({ step: 'decide', on: '2025-02-03' }).expect(200);
    const json = (await h.http.get('/api/cases/anc-4/history').expect(200)).body;
    expect(json.eventsAfterAnchor).toBe(1);
    const csv = (await h.http.get('/api/cases/anc-4/history?format=csv').expect(200)).text;
    expect(csv).toContain('1 sự kiện của bản này ghi sau mốc neo, chưa được mốc này bảo đảm');
  });
});
