import { describeEventData } from './describe-event';

describe("an event in the office's words", () => {
  it("links an entrustment to the receiving unit's case, and that case back to its source (Luật THADS Điều 55–57)", () => {
    expect(describeEventData({ caseId: 'pq-1', toUnitId: 'kg-ab', entrustedCaseId: 'pq-1.ut' })).toBe(
      'Đơn vị nhận ủy thác: kg-ab; Việc tại đơn vị nhận ủy thác: pq-1.ut',
    );
    expect(
      describeEventData({
        caseId: 'pq-1.ut',
        amountDue: '60000000',
        entrustedFrom: { caseId: 'pq-1', unitId: 'kg-pq' },
      }),
    ).toBe('Số phải thi hành: 60.000.000 đ; Nhận ủy thác từ: việc pq-1 của đơn vị kg-pq');
  });

  it("names a court's miễn/giảm and the grounds of the new guards", () => {
    expect(
      describeEventData({
        amount: '500',
        court: 'TAND huyện',
        decisionOn: '2025-03-03',
        stateBudgetItem: 'courtFee',
        reliefGround: 'hardship',
      }),
    ).toBe(
      'Số tiền: 500 đ; Tòa án quyết định: TAND huyện; Ngày quyết định: 03/03/2025; Khoản thu ngân sách: Án phí, lệ phí Tòa án; ' +
        'Căn cứ miễn: Hoàn cảnh kinh tế đặc biệt khó khăn kéo dài',
    );
    expect(describeEventData({ amount: '1000', buyerPaidInFull: true })).toBe(
      'Số tiền: 1.000 đ; Người mua đã nộp đủ tiền: có',
    );
  });
});
