import { StepName } from '../events';

/**
 * The Vietnamese name of each step as the enforcement office writes it in its registers
 * (sổ thụ lý, sổ theo dõi), so auditors read the history in their own words (docs/style.md §1).
 */
export const STEP_LABELS: Record<StepName | 'receive', string> = {
  receive: 'Tiếp nhận bản án, yêu cầu thi hành án',
  refuse: 'Từ chối yêu cầu thi hành án',
  decide: 'Ra quyết định thi hành án',
  assign: 'Phân công Chấp hành viên',
  notify: 'Thông báo cho đương sự',
  verify: 'Xác minh điều kiện thi hành án',
  classify: 'Xác định điều kiện thi hành án',
  seize: 'Kê biên tài sản',
  value: 'Thẩm định giá tài sản',
  signAuctionContract: 'Ký hợp đồng dịch vụ đấu giá tài sản',
  auction: 'Bán đấu giá tài sản',
  deliver: 'Giao tài sản cho người mua',
  collect: 'Thu tiền',
  disburse: 'Chi trả tiền',
  reduce: 'Miễn, giảm nghĩa vụ thi hành án',
  complete: 'Xác nhận thi hành xong',
  terminate: 'Đình chỉ thi hành án',
  postpone: 'Hoãn thi hành án',
  suspend: 'Tạm đình chỉ thi hành án',
  resume: 'Tiếp tục thi hành án',
  moveToSeparateTracking: 'Chuyển sổ theo dõi riêng',
  restore: 'Đưa trở lại thi hành (có thông tin mới)',
  entrust: 'Ủy thác thi hành án',
  transfer: 'Chuyển giao hồ sơ thi hành án',
  revoke: 'Thu hồi, hủy quyết định thi hành án',
  returnRequest: 'Gửi lại yêu cầu thi hành án',
  recordCaseKinds: 'Ghi loại việc (người được thi hành án, loại bản án)',
  correct: 'Đính chính bước ghi nhầm',
};

/** Labels of the codes a case records (reasons by the article whose grounds they encode, classes, origins). */
export const CODE_LABELS: Record<string, string> = {
  // Điều 44a: chưa có điều kiện thi hành
  noAssets: 'Không có thu nhập, tài sản',
  itemGone: 'Vật phải trả không còn',
  addressUnknown: 'Không xác định được địa chỉ',
  // Điều 48: hoãn
  illness: 'Ốm nặng, mất năng lực hành vi',
  partiesAgree: 'Đương sự đồng ý hoãn',
  assetDisputed: 'Tài sản đang tranh chấp',
  awaitingCourtExplanation: 'Chờ Tòa án giải thích bản án',
  // Điều 49: tạm đình chỉ
  protest: 'Kháng nghị giám đốc thẩm, tái thẩm',
  bankruptcyPetition: 'Tòa án thụ lý đơn yêu cầu phá sản',
  // Điều 50: đình chỉ
  debtorDiedNoEstate: 'Người phải thi hành chết không để lại di sản',
  creditorDiedNoHeir: 'Người được thi hành chết không có người thừa kế',
  creditorWaiver: 'Người được thi hành từ bỏ quyền',
  judgmentAnnulled: 'Bản án bị hủy',
  organisationDissolved: 'Tổ chức giải thể, không còn tài sản',
  exemption: 'Được miễn nghĩa vụ thi hành án',
  bankruptcyOpened: 'Tòa án mở thủ tục phá sản',
  // Điều 31.5: từ chối yêu cầu
  noRight: 'Người yêu cầu không có quyền yêu cầu',
  noJurisdiction: 'Không thuộc thẩm quyền',
  timeBarred: 'Hết thời hiệu yêu cầu',
  other: 'Lý do khác',
  // notify: gửi cho ai (Điều 38, 39; TT 04/2023/TT-BTP Điều 5)
  parties: 'Đương sự',
  procuracy: 'Viện kiểm sát cùng cấp',
  public: 'Công khai trên Cổng thông tin điện tử',
  // origin, classify, auction, seize
  exOfficio: 'Chủ động thi hành',
  onRequest: 'Thi hành theo yêu cầu',
  withConditions: 'Có điều kiện thi hành',
  withoutConditions: 'Chưa có điều kiện thi hành',
  sold: 'Bán được',
  unsold: 'Không bán được',
  movable: 'Động sản',
  immovable: 'Bất động sản',
  // Điều 30, NĐ 62/2015 Điều 4: thời gian không tính vào thời hiệu
  forceMajeure: 'Sự kiện bất khả kháng',
  objectiveObstacle: 'Trở ngại khách quan',
  postponedOrSuspended: 'Thời gian hoãn, tạm đình chỉ',
  obligationDueLater: 'Nghĩa vụ đến hạn sau ngày bản án có hiệu lực',
  requestSentBack: 'Thời gian yêu cầu đã được gửi lại',
  // Điều 45.2: áp dụng ngay trước khi hết thời hạn tự nguyện
  hidingAssets: 'Ngăn chặn tẩu tán tài sản',
  dissipatingAssets: 'Ngăn chặn tẩu tán, chuyển dịch tài sản',
  destroyingAssets: 'Ngăn chặn hủy hoại tài sản',
  evadingEnforcement: 'Ngăn chặn trốn tránh việc thi hành án',
  interimMeasure: 'Thi hành biện pháp khẩn cấp tạm thời',
  // Điều 61: khoản thu nộp ngân sách nhà nước, căn cứ miễn không chờ thời hạn
  fine: 'Tiền phạt',
  courtFee: 'Án phí, lệ phí Tòa án',
  illegalGains: 'Truy thu tiền, tài sản thu lợi bất chính',
  confiscation: 'Tịch thu sung quỹ nhà nước',
  otherStateReceipt: 'Khoản thu khác cho Nhà nước',
  hardship: 'Hoàn cảnh kinh tế đặc biệt khó khăn kéo dài',
  greatMerit: 'Lập công lớn',
  // Loại người được thi hành án, loại bản án (case-kinds.ts)
  creditInstitution: 'Tổ chức tín dụng',
  stateBudget: 'Ngân sách nhà nước',
  organisation: 'Cơ quan, tổ chức khác',
  individual: 'Cá nhân',
  civil: 'Dân sự',
  commercial: 'Kinh doanh, thương mại',
  labour: 'Lao động',
  administrative: 'Hành chính',
  criminalCorruption: 'Hình sự: tham nhũng',
  criminalEconomic: 'Hình sự: kinh tế',
  criminalOther: 'Hình sự: khác',
};
