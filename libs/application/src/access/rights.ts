import { Role, StepName } from '@thads/domain';

/** A case step, the opening `receive` included. `correct` takes the right of the step it voids (access-policy.ts). */
export type StepRight = Exclude<StepName, 'correct'> | 'receive';

/** Everything else a user may do: reads, and acts that are not case steps. */
export const OTHER_RIGHTS = [
  'cases.read',
  'history.read',
  'history.verify',
  'deadlines.read',
  'statistics.read',
  'reports.submit',
  'targets.set',
  'units.register',
  'users.manage',
] as const;
export type OtherRight = (typeof OTHER_RIGHTS)[number];

/** The roles a person can hold; `system` is the import and the demo loader, never a login. */
export type PersonRole = Exclude<Role, 'system'>;
export const PERSON_ROLES: ReadonlyArray<PersonRole> = [
  'enforcer',
  'head',
  'auditor',
  'inspector',
  'statistician',
  'admin',
];

export interface RoleRights {
  title: string;
  /** Where the role itself comes from. */
  basis: string;
  /** Each step the role may take, with the article that gives it. */
  steps: Partial<Record<StepRight, string>>;
  rights: Partial<Record<OtherRight, string>>;
  /** Steps only on cases assigned to this user (Luật THADS Điều 20.1: "vụ việc được phân công"). */
  assignedCasesOnly: boolean;
}

// Article numbers are those of Luật THADS 26/2008/QH12 as amended (the 2015–2026 regime,
// docs/domain.md §0) unless another instrument is named; the 2025 Law keeps the same split of powers.
const ENFORCER_STEPS: RoleRights['steps'] = {
  notify: 'Điều 20.2, 39: Chấp hành viên thông báo về thi hành án',
  verify: 'Điều 20.3, 44: Chấp hành viên xác minh điều kiện thi hành án',
  classify:
    'Điều 44, 44a: Chấp hành viên xác định điều kiện thi hành sau xác minh (đề xuất; Thủ trưởng ra quyết định chưa có điều kiện)',
  seize: 'Điều 20.5, 71, 87: Chấp hành viên áp dụng biện pháp cưỡng chế, kê biên tài sản',
  value: 'Điều 98: Chấp hành viên ký hợp đồng thẩm định giá, xác định giá',
  signAuctionContract: 'Điều 101.2: Chấp hành viên ký hợp đồng dịch vụ đấu giá tài sản',
  auction: 'Điều 101: Chấp hành viên ký hợp đồng bán đấu giá',
  deliver: 'NĐ 62/2015/NĐ-CP Điều 27.3: giao tài sản cho người mua được tài sản',
  collect: 'Điều 20, 47; TT 04/2023/TT-BTP Điều 13–17: thu tiền thi hành án',
  disburse: 'Điều 47: thanh toán tiền thi hành án trong 10 ngày',
};

const HEAD_STEPS: RoleRights['steps'] = {
  receive: 'Điều 28, 31: cơ quan THADS nhận bản án, yêu cầu thi hành án (Thủ trưởng quản lý, Điều 23.1.a)',
  refuse: 'Điều 31.5: từ chối yêu cầu thi hành án',
  decide: 'Điều 23.1.b, 36: ra quyết định thi hành án',
  assign: 'Điều 36: phân công Chấp hành viên',
  reduce: 'Điều 61–62: lập hồ sơ đề nghị miễn, giảm; ghi nhận quyết định của Tòa án',
  complete: 'Điều 52–53: kết thúc thi hành án, xác nhận kết quả thi hành án',
  terminate: 'Điều 50: ra quyết định đình chỉ thi hành án',
  postpone: 'Điều 48: ra quyết định hoãn thi hành án',
  suspend: 'Điều 49: tạm đình chỉ thi hành án',
  resume: 'Điều 48.4, 49.3: ra quyết định tiếp tục thi hành án',
  moveToSeparateTracking: 'NĐ 62/2015/NĐ-CP Điều 9.5; NĐ 152/2026/NĐ-CP Điều 22.1: chuyển sổ theo dõi riêng',
  restore: 'NĐ 62/2015/NĐ-CP Điều 9.4, 9.6: tiếp tục thi hành khi có thông tin mới',
  entrust: 'Điều 55–57: ra quyết định ủy thác thi hành án',
  transfer:
    'Điều 23.1.a, 35: chuyển giao hồ sơ cho cơ quan THADS có thẩm quyền; CV 3769/BTP-TCTHADS (sắp xếp đơn vị từ 01/07/2025)',
  revoke: 'Điều 37: thu hồi, hủy quyết định về thi hành án',
  returnRequest: 'NĐ 152/2026/NĐ-CP Điều 22.2: gửi lại yêu cầu thi hành án',
  recordCaseKinds: 'Ghi loại việc theo bản án, quyết định (người được thi hành án, loại án) để theo dõi, báo cáo',
};

// The head directs the agency's enforcement (Điều 23.1.a), so may take any Chấp hành viên step
// on the unit's cases, assigned or not: the reading of the law, kept as one spread.
const HEAD_TAKES_OVER = (basis: string) => `${basis}; Thủ trưởng chỉ đạo hoạt động THADS của cơ quan (Điều 23.1.a)`;

/**
 * Who may do what: one table, each right with its legal basis (docs/domain.md §1 glossary).
 * A person acts only in their unit's scope (access-policy.ts); this table says what, not where.
 */
export const RIGHTS: Readonly<Record<Role, RoleRights>> = {
  enforcer: {
    title: 'Chấp hành viên',
    basis: 'Luật THADS Điều 17–20',
    steps: ENFORCER_STEPS,
    rights: {
      'cases.read': 'Điều 20.1: tổ chức thi hành vụ việc được phân công (hồ sơ của đơn vị)',
      'history.read': 'NĐ 62/2015/NĐ-CP Điều 8: lập, quản lý hồ sơ thi hành án',
      'deadlines.read': 'Điều 20.1: kịp thời tổ chức thi hành (các thời hạn của việc)',
    },
    assignedCasesOnly: true,
  },
  head: {
    title: 'Thủ trưởng cơ quan thi hành án dân sự',
    basis: 'Luật THADS Điều 23',
    steps: {
      ...HEAD_STEPS,
      ...Object.fromEntries(Object.entries(ENFORCER_STEPS).map(([s, b]) => [s, HEAD_TAKES_OVER(b as string)])),
    },
    rights: {
      'cases.read': 'Điều 23.1.a: quản lý, chỉ đạo hoạt động THADS của cơ quan',
      'history.read': 'Điều 23.1.a',
      'deadlines.read': 'Điều 23.1.a',
      'statistics.read': 'Điều 23.1; TT 05/2024/TT-BTP: báo cáo công tác, thống kê thi hành án',
      'reports.submit': 'Điều 23.1; TT 05/2024/TT-BTP: Thủ trưởng ký, gửi báo cáo thống kê của đơn vị',
    },
    assignedCasesOnly: false,
  },
  auditor: {
    title: 'Kiểm tra nội bộ (cơ quan quản lý THADS)',
    basis: 'Luật THADS Điều 14 (cơ quan quản lý THADS kiểm tra công tác THADS); QĐ 61/2014/QĐ-TTg Điều 2',
    steps: {},
    rights: {
      'cases.read': 'kiểm tra hồ sơ thi hành án',
      'history.read': 'kiểm tra quá trình thi hành: ai ghi nhận bước nào, khi nào',
      'history.verify': 'kiểm tra tính toàn vẹn của nhật ký (chuỗi băm)',
      'deadlines.read': 'kiểm tra việc tuân thủ thời hạn',
      'statistics.read': 'kiểm tra số liệu thống kê (TT 05/2024/TT-BTP)',
    },
    assignedCasesOnly: false,
  },
  inspector: {
    title: 'Viện kiểm sát / thanh tra',
    basis:
      'Luật THADS Điều 12 (Viện kiểm sát kiểm sát việc tuân theo pháp luật về thi hành án), Điều 38; Luật Thanh tra',
    steps: {},
    rights: {
      'cases.read': 'Điều 12: kiểm sát hồ sơ thi hành án',
      'history.read': 'Điều 12, 38: kiểm sát các quyết định và bước thi hành',
      'deadlines.read': 'Điều 12: kiểm sát việc tuân theo thời hạn',
      'statistics.read': 'Điều 12; thanh tra số liệu báo cáo so với chỉ tiêu',
    },
    assignedCasesOnly: false,
  },
  statistician: {
    title: 'Cán bộ thống kê',
    basis: 'TT 05/2024/TT-BTP (chế độ báo cáo thống kê THADS; từ 01/07/2026 TT 05/2026/TT-BTP)',
    steps: {},
    rights: {
      'statistics.read': 'lập, gửi, tính toán báo cáo thống kê thi hành án',
      'reports.submit': 'lập, gửi báo cáo thống kê (biểu mẫu TT 05/2024/TT-BTP), chốt số liệu',
      'targets.set': 'ghi nhận chỉ tiêu, chỉ tiêu phân kỳ được giao (docs/domain.md §4.5)',
    },
    assignedCasesOnly: false,
  },
  admin: {
    title: 'Quản trị hệ thống',
    basis:
      'tổ chức bộ máy theo quyết định của Bộ Tư pháp (NĐ 62/2015/NĐ-CP Điều 52; QĐ 1898/QĐ-BTP): không phải hành vi thi hành án',
    steps: {},
    rights: {
      'units.register': 'cây đơn vị theo quyết định tổ chức của Bộ Tư pháp',
      'users.manage': 'tài khoản người dùng (`thads user add` trên máy chủ)',
    },
    assignedCasesOnly: false,
  },
  // Not a person: the bulk import and the demo loader replay records already decided elsewhere.
  system: {
    title: 'Hệ thống (nhập dữ liệu, dữ liệu mẫu)',
    basis: 'docs/architecture.md §6: bulk import through the same write path',
    steps: { ...HEAD_STEPS, ...ENFORCER_STEPS },
    rights: Object.fromEntries(OTHER_RIGHTS.map((r) => [r, 'import and demo data'])),
    assignedCasesOnly: false,
  },
};

export const stepBasis = (role: Role, step: StepRight): string | undefined => RIGHTS[role].steps[step];
export const rightBasis = (role: Role, right: OtherRight): string | undefined => RIGHTS[role].rights[right];

/** What a role may do, as `GET /api/me` tells it. */
export const describeRights = (role: Role) => {
  const r = RIGHTS[role];
  return {
    title: r.title,
    basis: r.basis,
    steps: Object.entries(r.steps).map(([step, basis]) => ({ step, basis })),
    // A correction voids the latest step, so it needs the right to that step (access-policy.ts).
    mayCorrect:
      Object.keys(r.steps).length > 0 ? 'the latest step of a case, when this role may take that step' : 'nothing',
    rights: Object.entries(r.rights).map(([right, basis]) => ({ right, basis })),
    where: r.assignedCasesOnly
      ? 'cases assigned to this user, in the unit and the units under it'
      : 'the unit and the units under it (every unit for a central unit)',
  };
};
