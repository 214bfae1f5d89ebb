import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

interface Item {
  caseId: string;
  unitId: string;
  enforcerId: string | null;
  rule: string;
  status: string;
  due: string;
  daysLate?: number;
  daysOverdue?: number;
  legalBasis: { article: string };
}

const RANK: Record<string, number> = { overdue: 0, late: 1, open: 2, met: 3, cancelled: 4 };
const AS_OF = '2025-03-31';
const as = (role: string, unit: string) => ({
  'x-actor-id': `${role}-${unit}`,
  'x-actor-role': role,
  'x-actor-unit': unit,
});

/** The inspection board over HTTP: GET /api/deadlines paged and filtered, its chart by unit, its CSV. */
describe('the deadlines inspection board', () => {
  let h: Harness;
  let last = 0;
  const receive = async (caseId: string, unitId: string, on: string) =>
    (last = (await h.http.post('/api/cases').send(newCase({ caseId, unitId, on })).expect(201)).body.position);
  const step = async (caseId: string, body: Record<string, unknown>) =>
    (last = (await h.http.post(`/api/cases/${caseId}/steps`).send(body).expect(200)).body.position);
  const get = async (path: string, status = 200, actor?: Record<string, string>) => {
    const res = await h.http.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`).set(actor ?? {});
    expect([path, res.status]).toEqual([path, status]);
    return res;
  };
  const all = async (query: string): Promise<Item[]> =>
    (await get(`/api/deadlines?unitId=kg&asOf=${AS_OF}&limit=1000${query}`)).body.items;

  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
    // Never decided: the decision on a request (Luật THADS Điều 36) is overdue by the end of March.
    await receive('b-1', 'kg-pq', '2025-01-24');
    await receive('b-2', 'kg-ab', '2025-03-03');
    // Decided late, then assigned: its later deadlines belong to enforcer chv-1.
    await receive('b-3', 'kg-pq', '2025-01-24');
    await step('b-3', { step: 'decide', on: '2025-02-10' });
    await step('b-3', { step: 'assign', on: '2025-02-11', enforcerId: 'chv-1' });
    await receive('b-4', 'kg-ab', '2025-02-03');
    await step('b-4', { step: 'decide', on: '2025-02-04' });
    await step('b-4', { step: 'assign', on: '2025-02-05', enforcerId: 'chv-2' });
    await step('b-4', { step: 'notify', on: '2025-02-06' });
    // The province's own case, received at the end of the month: still in time.
    await receive('b-5', 'kg', '2025-03-28');
  });
  afterAll(() => h?.close());

  it('pages the list most overdue first, with a total, and the pages add up to the whole list', async () => {
    const everything = await all('');
    expect(everything.length).toBeGreaterThan(6);
    for (let i = 1; i < everything.length; i++) {
      const [a, b] = [everything[i - 1], everything[i]];
      expect(RANK[a.status] <= RANK[b.status]).toBe(true);
      if (a.status === b.status && a.status === 'overdue') expect(a.daysOverdue! >= b.daysOverdue!).toBe(true);
    }
    expect(everything[0]).toMatchObject({
      caseId: 'b-1',
      rule: 'decide-on-request',
      status: 'overdue',
      legalBasis: { article: expect.stringMatching(/36/) },
    });
    const paged: Item[] = [];
    for (let offset = 0; ; offset += 3) {
      const page = (await get(`/api/deadlines?unitId=kg&asOf=${AS_OF}&limit=3&offset=${offset}`)).body;
      expect(page).toMatchObject({ unitId: 'kg', asOf: AS_OF, total: everything.length, limit: 3, offset });
      if (page.items.length === 0) break;
      paged.push(...page.items);
    }
    expect(paged).toEqual(everything);
    // Without limit, a page of 100: the list was unpaged before (documented in README).
    expect((await get(`/api/deadlines?unitId=kg&asOf=${AS_OF}`)).body.limit).toBe(100);
  });

  it('filters by status (several at once), rule, enforcer and unit subtree', async () => {
    const everything = await all('');
    const lateOrOverdue = await all('&status=late,overdue');
    expect(lateOrOverdue).toEqual(everything.filter((d) => d.status === 'late' || d.status === 'overdue'));
    expect(lateOrOverdue.map((d) => d.status)).toEqual(expect.arrayContaining(['late', 'overdue']));
    const decisions = await all('&rule=decide-on-request');
    expect(decisions.length).toBeGreaterThan(2);
    expect(decisions).toEqual(everything.filter((d) => d.rule === 'decide-on-request'));
    const chv1 = await all('&enforcerId=chv-1');
    expect(chv1.length).toBeGreaterThan(0);
    expect(chv1).toEqual(everything.filter((d) => d.enforcerId === 'chv-1'));
    expect(new Set(chv1.map((d) => d.caseId))).toEqual(new Set(['b-3']));
    const ab = (await get(`/api/deadlines?unitId=kg-ab&asOf=${AS_OF}&limit=1000`)).body.items as Item[];
    expect(ab).toEqual(everything.filter((d) => d.unitId === 'kg-ab'));
    // As of an earlier day the same deadline was still open.
    const then = (await get('/api/deadlines?unitId=kg-pq&asOf=2025-02-03&rule=decide-on-request')).body.items as Item[];
    expect(then.find((d) => d.caseId === 'b-1')).toMatchObject({ status: 'open' });
  });

  it("counts by status for the unit's own cases and each unit under it, for the chart", async () => {
    const everything = await all('');
    const chart = (await get(`/api/deadlines/by-unit?unitId=kg&asOf=${AS_OF}`)).body;
    expect(chart.units.map((u: { unitId: string; scope: string }) => [u.unitId, u.scope])).toEqual([
      ['kg', 'own'],
      ['kg-ab', 'subtree'],
      ['kg-pq', 'subtree'],
    ]);
    for (const row of chart.units) {
      const mine = everything.filter((d) => d.unitId === row.unitId);
      for (const status of Object.keys(RANK))
        expect([row.unitId, status, row[status]]).toEqual([
          row.unitId,
          status,
          mine.filter((d) => d.status === status).length,
        ]);
      expect(row.total).toBe(mine.length);
    }
    expect(chart.total.total).toBe(everything.length);
    expect(chart.units[0].name).toBe('THADS tỉnh Kiên Giang');
    const national = (await get(`/api/deadlines/by-unit?unitId=vn&asOf=${AS_OF}`)).body;
    expect(national.units.map((u: { unitId: string }) => u.unitId)).toEqual(['vn', 'kg']);
    expect(national.units[1].total).toBe(everything.length);
  });

  it("exports the filtered list as CSV with a BOM, Vietnamese headings and each rule's article", async () => {
    const overdue = await all('&status=overdue');
    for (const path of [
      `/api/deadlines?unitId=kg&asOf=${AS_OF}&status=overdue&format=csv`,
      `/api/deadlines.csv?unitId=kg&asOf=${AS_OF}&status=overdue`,
    ]) {
      const res = await get(path);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="thoi-han-kg-${AS_OF}.csv"`);
      const text = res.text;
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'Việc,Đơn vị,Chấp hành viên,Quy định,Nội dung,Căn cứ,Phát sinh,Hạn,Thực hiện,Tình trạng,Số ngày trễ,Lý do hủy',
      );
      // Every row, not one page.
      expect(lines).toHaveLength(overdue.length + 1);
      expect(lines[1]).toMatch(/^b-1,kg-pq,,decide-on-request,.*Điều 36.*,07\/02\/2025,,quá hạn,52,$/);
    }
  });

  it('refuses out-of-bounds paging and unknown filters with problem+json', async () => {
    for (const query of [
      'limit=0',
      'limit=1001',
      'offset=-1',
      'limit=1e3',
      'status=late-ish',
      'status=late,',
      'rule=no-such-rule',
      'enforcerId=a%20b',
      'format=xml',
      'asOf=2025-02-30',
    ]) {
      const res = await get(`/api/deadlines?unitId=kg&${query}`, 400);
      expect([query, res.body.code]).toEqual([query, 'validation']);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await get('/api/deadlines/by-unit?unitId=kg&rule=no-such-rule', 400)).body.code).toBe('validation');
    expect((await get('/api/deadlines/by-unit?unitId=nowhere', 404)).body.code).toBe('unit.not-found');
    expect((await get('/api/deadlines.csv?unitId=nowhere', 404)).body.code).toBe('unit.not-found');
  });

  it('keeps the read right over the unit: deadlines.read, within scope', async () => {
    await get('/api/deadlines?unitId=kg-pq', 200, as('enforcer', 'kg-pq'));
    await get('/api/deadlines/by-unit?unitId=kg', 200, as('inspector', 'kg'));
    for (const [path, role, unit] of [
      ['/api/deadlines?unitId=kg', 'statistician', 'kg'],
      ['/api/deadlines.csv?unitId=kg', 'statistician', 'kg'],
      ['/api/deadlines/by-unit?unitId=kg', 'inspector', 'kg-pq'],
      ['/api/deadlines.csv?unitId=kg', 'admin', 'vn'],
    ]) {
      expect([path, role, (await get(path, 403, as(role, unit))).body.code]).toEqual([path, role, 'forbidden']);
    }
  });

  it('never serves a kept board older than the read models: a new step shows on the next page', async () => {
    const before = (await get(`/api/deadlines?unitId=kg&asOf=${AS_OF}&rule=decide-on-request&limit=1`)).body;
    expect(before.items[0]).toMatchObject({ caseId: 'b-1', status: 'overdue' });
    await step('b-1', { step: 'decide', on: '2025-03-30' });
    const after = (await get(`/api/deadlines?unitId=kg&asOf=${AS_OF}&rule=decide-on-request&limit=100`)).body;
    expect(after.items.find((d: Item) => d.caseId === 'b-1')).toMatchObject({
      status: 'late',
      satisfiedOn: '2025-03-30',
    });
    const chart = (await get(`/api/deadlines/by-unit?unitId=kg&asOf=${AS_OF}&rule=decide-on-request`)).body;
    expect(chart.total.late).toBe(after.items.filter((d: Item) => d.status === 'late').length);
  });
});
