import { Harness, registerUnits, startApp } from '../support/app-harness';

interface Day {
  date: string;
  kind: string;
  working: boolean;
  reason: string;
  source: string;
  occasion?: string;
}
const as = (role: string, unit: string) => ({
  'x-actor-id': `${role}-${unit}`,
  'x-actor-role': role,
  'x-actor-unit': unit,
});

/** What the /quan-tri and /lich-lam-viec pages read besides users: a unit's targets by subunit, a year's calendar. */
describe('targets of a unit tree and the calendar of a year', () => {
  let h: Harness;
  let last = 0;
  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
    await h.http
      .put('/api/units/kg/targets/2026')
      .send({ cases: '83.9', money: '51.9', periods: { 4: { cases: '27.17', money: '13.37' } } })
      .expect(200);
    last = (await h.http.put('/api/units/kg-pq/targets/2026').send({ cases: '80', money: '50' }).expect(200)).body
      .position;
    await h.http.put('/api/units/kg-pq/targets/2025').send({ cases: '70', money: '40' }).expect(200);
  });
  afterAll(() => h?.close());

  it('lists the targets of a unit and each unit under it for a reporting year, null where none were set', async () => {
    const { body } = await h.http.get(`/api/units/kg/targets?year=2026&minPosition=${last}`).expect(200);
    expect(
      body.items.map((i: { unitId: string; targets: { cases: string } | null }) => [
        i.unitId,
        i.targets?.cases ?? null,
      ]),
    ).toEqual([
      ['kg', '83.90'],
      ['kg-ab', null],
      ['kg-pq', '80.00'],
    ]);
    expect(body.items[0]).toMatchObject({
      name: 'THADS tỉnh Kiên Giang',
      level: 'province',
      parentId: 'vn',
      targets: { year: 2026, periods: { 4: { cases: '27.17' } } },
    });
    expect((await h.http.get('/api/units/kg-pq/targets?year=2025').expect(200)).body.items).toEqual([
      expect.objectContaining({ unitId: 'kg-pq', targets: expect.objectContaining({ cases: '70.00' }) }),
    ]);
    expect((await h.http.get('/api/units/kg/targets?year=20x6').expect(400)).body.code).toBe('validation');
    expect((await h.http.get('/api/units/kg/targets').expect(400)).body.code).toBe('validation');
    expect((await h.http.get('/api/units/nowhere/targets?year=2026').expect(404)).body.code).toBe('unit.not-found');
    expect((await h.http.get('/api/units/kg/targets?year=2026').set(as('enforcer', 'kg')).expect(403)).body.code).toBe(
      'forbidden',
    );
    await h.http.get('/api/units/kg/targets?year=2026').set(as('statistician', 'kg')).expect(200);
  });

  it("gives a year's holidays, days given back and swapped days, each with its source", async () => {
    const { body } = await h.http.get('/api/calendar/2025').expect(200);
    expect(body).toMatchObject({
      year: 2025,
      notice: { source: expect.stringMatching(/8726\/VPCP-KGVX/) },
      weekend: { days: ['Thứ Bảy', 'Chủ nhật'], source: 'QĐ 188/1999/QĐ-TTg Điều 1' },
    });
    const days = body.days as Day[];
    // Tết Ất Tỵ: 25/01–02/02/2025 (the weekdays 27–31/01 are listed; the weekends are weekends).
    expect(days.filter((d) => d.occasion === 'tet' && d.kind === 'holiday').map((d) => d.date)).toEqual(
      expect.arrayContaining(['2025-01-27', '2025-01-31']),
    );
    // 30/4–1/5/2025: Friday 2 May off in exchange for Saturday 26 April worked.
    expect(days.find((d) => d.date === '2025-04-26')).toMatchObject({
      kind: 'swapWork',
      working: true,
      occasion: 'reunification',
    });
    expect(days.find((d) => d.date === '2025-05-02')).toMatchObject({ kind: 'swapOff', working: false });
    for (const d of days) expect([d.date, d.source.length > 0, d.reason.length > 0]).toEqual([d.date, true, true]);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    // Every day off but weekends, from the same calendar as GET /api/calendar.
    const offs = (
      await h.http.get('/api/calendar?from=2025-01-01&to=2025-12-31').expect(200)
    ).body.nonWorkingDays.filter((d: Day) => d.kind !== 'weekend');
    expect(days.filter((d) => !d.working).map((d) => d.date)).toEqual(offs.map((d: Day) => d.date));
    expect(body.workingDays).toBe(
      365 - (await h.http.get('/api/calendar?from=2025-01-01&to=2025-12-31').expect(200)).body.nonWorkingDays.length,
    );
  });

  it('computes a year without a notice and refuses a year out of range', async () => {
    const { body } = await h.http.get('/api/calendar/2031').expect(200);
    expect(body.notice).toBeNull();
    expect(body.days.find((d: Day) => d.date === '2031-09-02')).toMatchObject({
      kind: 'holiday',
      occasion: 'nationalDay',
      source: expect.stringMatching(/Điều 112/),
    });
    for (const year of ['1999', '2101', '20x5', '02025'])
      expect([year, (await h.http.get(`/api/calendar/${year}`).expect(400)).body.code]).toEqual([year, 'validation']);
  });
});
