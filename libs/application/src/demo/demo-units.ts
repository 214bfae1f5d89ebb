/**
 * The demo's units: the central department, the province of Kiên Giang with the district
 * offices named in the seed articles (docs/domain.md §6.2), and Khánh Hòa with two offices.
 */
export const DEMO_UNITS = [
  { unitId: 'vn', name: 'Cục Quản lý thi hành án dân sự', level: 'central' },
  { unitId: 'kg', name: 'Cục THADS tỉnh Kiên Giang', level: 'province', parentId: 'vn' },
  { unitId: 'kg-pq', name: 'Chi cục THADS thành phố Phú Quốc', level: 'district', parentId: 'kg' },
  { unitId: 'kg-ab', name: 'Chi cục THADS huyện An Biên', level: 'district', parentId: 'kg' },
  { unitId: 'kg-ct', name: 'Chi cục THADS huyện Châu Thành', level: 'district', parentId: 'kg' },
  { unitId: 'kg-kh', name: 'Chi cục THADS huyện Kiên Hải', level: 'district', parentId: 'kg' },
  { unitId: 'kg-vt', name: 'Chi cục THADS huyện Vĩnh Thuận', level: 'district', parentId: 'kg' },
  { unitId: 'kh', name: 'Cục THADS tỉnh Khánh Hòa', level: 'province', parentId: 'vn' },
  { unitId: 'kh-nt', name: 'Chi cục THADS thành phố Nha Trang', level: 'district', parentId: 'kh' },
  { unitId: 'kh-cr', name: 'Chi cục THADS thành phố Cam Ranh', level: 'district', parentId: 'kh' },
] as const;

export const DEMO_DISTRICTS = DEMO_UNITS.filter((u) => u.level === 'district').map((u) => u.unitId);
export const DEMO_PROVINCES = DEMO_UNITS.filter((u) => u.level === 'province').map((u) => u.unitId);

export const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
];
export const GIVEN = [
  'Văn An',
  'Thị Bình',
  'Minh Châu',
  'Quốc Dũng',
  'Thị Hoa',
  'Văn Hùng',
  'Thanh Lan',
  'Đức Long',
  'Thị Mai',
  'Hữu Nghĩa',
  'Ngọc Phương',
  'Văn Sơn',
  'Thị Thu',
  'Minh Tuấn',
];
export const CREDITORS = [
  'Ngân hàng TMCP Nông nghiệp và PTNT',
  'Ngân hàng TMCP Công thương',
  'Ngân sách Nhà nước',
  'Công ty TNHH Thương mại Hòa Phát',
  'Quỹ tín dụng nhân dân',
];
