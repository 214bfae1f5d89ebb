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

/** The units a generated history registers and spreads its cases over. */
export interface UnitSet {
  units: ReadonlyArray<{ unitId: string; name: string; level: string; parentId?: string }>;
  provinces: readonly string[];
  districts: readonly string[];
}

export const DEMO_UNIT_SET: UnitSet = { units: DEMO_UNITS, provinces: DEMO_PROVINCES, districts: DEMO_DISTRICTS };

/**
 * The nation before 1 July 2025 for histories at scale: the central department, each province
 * given (id and name, as docs/data/provinces-2025.csv lists the 63) and `districtsEach` district
 * offices under it, named by number since the generator needs their count, not their names.
 */
// The centrally-run cities among the 63 (the rest are provinces, tỉnh), by their ids in the CSV.
const CITIES = new Set(['hn', 'hp', 'dn', 'ct', 'hue']);

export const nationalUnitSet = (
  provinces: ReadonlyArray<{ unitId: string; name: string }>,
  districtsEach = 10,
): UnitSet => {
  const units: Array<UnitSet['units'][number]> = [DEMO_UNITS[0]];
  const districts: string[] = [];
  for (const p of provinces) {
    const name = p.name.startsWith('Thành phố') ? p.name : `${CITIES.has(p.unitId) ? 'thành phố' : 'tỉnh'} ${p.name}`;
    units.push({ unitId: p.unitId, name: `Cục THADS ${name}`, level: 'province', parentId: 'vn' });
    for (let n = 1; n <= districtsEach; n++) {
      const unitId = `${p.unitId}-${String(n).padStart(2, '0')}`;
      units.push({ unitId, name: `Chi cục THADS khu vực ${n}, ${p.name}`, level: 'district', parentId: p.unitId });
      districts.push(unitId);
    }
  }
  return { units, provinces: provinces.map((p) => p.unitId), districts };
};

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
