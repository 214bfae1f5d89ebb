import { caseSearchText, searchText } from './search-text';

describe('the desk search text', () => {
  it('drops Vietnamese diacritics and capitals, đ included', () => {
    expect(searchText('Trần Văn Bình')).toBe('tran van binh');
    expect(searchText('ĐẶNG THỊ HƯƠNG')).toBe('dang thi huong');
    expect(searchText('Lê Quốc Đạt')).toBe('le quoc dat');
    expect(searchText('Nguyễn  Thị\tỨng')).toBe('nguyen thi ung');
  });

  it('treats text written with combining marks like precomposed text', () => {
    expect(searchText('Tra\u0302\u0300n')).toBe('tran');
    expect(searchText('Bi\u0300nh')).toBe('binh');
  });

  it('keeps the case id and the judgment number searchable', () => {
    expect(
      caseSearchText({
        caseId: 'KG-PQ-2026-1',
        judgmentNumber: '45/2024/DS-ST',
        creditor: 'Ngân hàng',
        debtor: 'Phạm Thị Ngọc Diệp',
      }),
    ).toBe('kg-pq-2026-1 | 45/2024/ds-st | ngan hang | pham thi ngoc diep');
  });
});
