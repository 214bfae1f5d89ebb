import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';

// The desk of the web console (issue 23): GET /api/cases with q, origin, amounts, sort=deadline
// and each case's nearest running deadline. The harness's clock stands at 22/11/2026.
describe('the desk: searching and sorting the case list', () => {
  let h: Harness;
  let position = '0';
  const receive = async (o: Record<string, unknown>) => {
    position = String((await h.http.post('/api/cases').send(newCase(o)).expect(201)).body.position);
  };
  const list = async (query: string) =>
    (await h.http.get(`/api/cases?unitId=kg&minPosition=${position}&${query}`).expect(200)).body;
  const ids = (body: { items: { caseId: string }[] }) => body.items.map((c) => c.caseId);

  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
    // Received long ago and never decided: the decision on the request (Điều 36.1, 5 working days) is overdue.
    await receive({ caseId: 'desk-old', on: '2025-01-24', debtor: { name: 'Trần Văn Bình' }, amountDue: '500000000' });
    // Received two days ago: the same deadline still runs.
    await receive({
      caseId: 'desk-new',
      on: '2026-11-20',
      unitId: 'kg-ab',
      debtor: { name: 'Đặng Thị Hương' },
      judgment: { court: 'TAND', number: '77/2026/HS-ST', date: '2026-10-01' },
      amountDue: '1000000',
    });
    await receive({
      caseId: 'desk-mid',
      on: '2026-06-01',
      origin: 'exOfficio',
      creditor: { name: 'Ngân sách Nhà nước' },
      debtor: { name: 'LÊ QUỐC ĐẠT' },
      amountDue: '0',
    });
  });
  afterAll(() => h?.close());

  it('finds a party by name typed without diacritics or capitals', async () => {
    expect(ids(await list('q=tran%20van%20binh'))).toEqual(['desk-old']);
    expect(ids(await list('q=TRAN VAN BINH'))).toEqual(['desk-old']);
    expect(ids(await list(`q=${encodeURIComponent('lê quốc đạt')}`))).toEqual(['desk-mid']);
    expect(ids(await list('q=dat'))).toEqual(['desk-mid']);
  });

  it('finds by case id prefix and judgment number; LIKE wildcards are plain text', async () => {
    expect(ids(await list('q=desk-n'))).toEqual(['desk-new']);
    expect(ids(await list('q=77%2F2026'))).toEqual(['desk-new']);
    expect((await list('q=%25')).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);
  });

  it('sorts by the nearest running deadline, overdue first, and says which deadline', async () => {
    const body = await list('sort=deadline');
    expect(ids(body)).toEqual(['desk-old', 'desk-mid', 'desk-new']);
    expect(body.items[0].nextDeadline).toMatchObject({
      ruleId: 'decide-on-request',
      dueOn: '2025-02-07',
      status: 'overdue',
    });
    expect(body.items[0].nextDeadline.daysOverdue).toBeGreaterThan(600);
    expect(body.items[2].nextDeadline).toMatchObject({ status: 'open' });
    expect(body.items[2].nextDeadline.dueOn > '2026-11-22').toBe(true);
  });

  it('pages a search in deadline order, and by case id', async () => {
    expect(ids(await list('q=desk&sort=deadline'))).toEqual(['desk-old', 'desk-mid', 'desk-new']);
    expect(ids(await list('q=desk&sort=deadline&limit=1&offset=1'))).toEqual(['desk-mid']);
    expect(ids(await list('q=desk&sort=caseId'))).toEqual(['desk-mid', 'desk-new', 'desk-old']);
    const body = await list('q=desk&sort=deadline');
    expect(body.total).toBe(3);
    expect(body.items[0]).toMatchObject({ caseId: 'desk-old', debtor: 'Trần Văn Bình', amounts: { due: '500000000' } });
  });

  it('filters by origin and amount due, exactly in đồng', async () => {
    expect(ids(await list('origin=exOfficio'))).toEqual(['desk-mid']);
    expect(ids(await list('minDue=1000000&maxDue=1000000'))).toEqual(['desk-new']);
    expect(ids(await list('minDue=1000001&sort=caseId'))).toEqual(['desk-old']);
  });

  it('stays inside the unit asked for', async () => {
    const district = (await h.http.get(`/api/cases?unitId=kg-ab&minPosition=${position}&q=binh`).expect(200)).body;
    expect(district.total).toBe(0);
  });

  it('refuses bad search parameters with a 400 naming them', async () => {
    for (const bad of [
      'sort=amount',
      'origin=both',
      'minDue=-1',
      'maxDue=1.5',
      'minDue=10&maxDue=9',
      `q=${'x'.repeat(201)}`,
    ]) {
      const res = await h.http.get(`/api/cases?unitId=kg&${bad}`).expect(400);
      expect(res.body.code).toBe('validation');
    }
  });
});
