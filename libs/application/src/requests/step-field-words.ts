/** A field's label and help, in Vietnamese (the office's words) and English (the console's switch). */
export interface FieldWords {
  vi: string;
  en: string;
  helpVi?: string;
  helpEn?: string;
}

/**
 * The words of every field STEP_FIELDS names, by field name; `step.field` overrides where a step
 * means something else by the same field (a correction's `reason` is free text, not a ground).
 * A spec checks every field of every step has its words.
 */
export const STEP_FIELD_WORDS: Record<string, FieldWords> = {
  on: {
    vi: 'Ngày thực hiện',
    en: 'Date of the step',
    helpVi: 'Ngày ký quyết định, ngày xác minh, ngày thu tiền…; không sau hôm nay, không trước bước trước',
    helpEn: 'The day the decision was signed, the verification made, the money collected…',
  },
  note: { vi: 'Ghi chú', en: 'Note' },
  reason: { vi: 'Căn cứ', en: 'Ground' },
  'refuse.reason': {
    vi: 'Lý do từ chối',
    en: 'Ground for refusal',
    helpVi: 'Luật THADS Điều 31.5',
    helpEn: 'Law on enforcement, art. 31.5',
  },
  'terminate.reason': {
    vi: 'Căn cứ đình chỉ',
    en: 'Ground for termination',
    helpVi: 'Luật THADS Điều 50',
    helpEn: 'Art. 50',
  },
  'postpone.reason': {
    vi: 'Căn cứ hoãn',
    en: 'Ground for postponement',
    helpVi: 'Luật THADS Điều 48',
    helpEn: 'Art. 48',
  },
  'suspend.reason': {
    vi: 'Căn cứ tạm đình chỉ',
    en: 'Ground for suspension',
    helpVi: 'Luật THADS Điều 49',
    helpEn: 'Art. 49',
  },
  'correct.reason': {
    vi: 'Lý do đính chính',
    en: 'Why the step was wrong',
    helpVi: 'Ghi rõ vì sao bước đã ghi nhận là nhầm; bước bị đính chính vẫn còn trong sổ',
    helpEn: 'The corrected step stays in the log, marked void',
  },
  decisionNumber: { vi: 'Số quyết định', en: 'Decision number' },
  'reduce.decisionNumber': { vi: 'Số quyết định miễn, giảm của Tòa án', en: "Number of the court's decision" },
  limitationGround: {
    vi: 'Căn cứ không tính vào thời hiệu',
    en: 'Ground outside the limitation period',
    helpVi: 'Chỉ khi yêu cầu quá 5 năm (Luật THADS Điều 30)',
    helpEn: 'Only for a request after 5 years (art. 30)',
  },
  enforcerId: {
    vi: 'Mã Chấp hành viên',
    en: 'Enforcement officer (id)',
    helpVi: 'Tên đăng nhập của Chấp hành viên được phân công',
    helpEn: "The assigned officer's user id",
  },
  recipient: { vi: 'Người được thông báo', en: 'Recipient' },
  to: {
    vi: 'Gửi cho',
    en: 'Sent to',
    helpVi: 'Đương sự (Điều 39), Viện kiểm sát cùng cấp (Điều 38) hoặc công khai thông tin (TT 04/2023/TT-BTP Điều 5)',
    helpEn: 'The parties (art. 39), the procuracy (art. 38) or publication',
  },
  findingOn: {
    vi: 'Ngày nhận kết quả xác minh khác',
    en: 'Date a differing finding was received',
    helpVi: 'Xác minh lại trong 5 ngày làm việc (Luật THADS Điều 44.5); không sau ngày xác minh',
    helpEn: 'Verify again within 5 working days (art. 44.5)',
  },
  class: { vi: 'Kết quả xác định', en: 'Classification' },
  ground: {
    vi: 'Căn cứ chưa có điều kiện thi hành',
    en: 'Ground (without conditions)',
    helpVi: 'Luật THADS Điều 44a',
    helpEn: 'Art. 44a',
  },
  groundOn: { vi: 'Ngày phát sinh căn cứ', en: 'Date the ground arose' },
  assetKind: { vi: 'Loại tài sản', en: 'Kind of asset' },
  description: { vi: 'Mô tả tài sản', en: 'Description of the asset' },
  immediateGround: {
    vi: 'Căn cứ áp dụng ngay',
    en: 'Ground to act at once',
    helpVi: 'Chỉ khi kê biên trước khi hết thời hạn tự nguyện (Luật THADS Điều 45.2)',
    helpEn: 'Only before the voluntary period ends (art. 45.2)',
  },
  price: { vi: 'Giá (đồng)', en: 'Price (đồng)' },
  'auction.price': {
    vi: 'Giá bán được (đồng)',
    en: 'Price sold (đồng)',
    helpVi: 'Bắt buộc khi bán được',
    helpEn: 'Required when sold',
  },
  'value.price': { vi: 'Giá thẩm định (đồng)', en: 'Valued price (đồng)' },
  contractOn: {
    vi: 'Ngày ký hợp đồng dịch vụ',
    en: 'Service contract date',
    helpVi: 'Không sau ngày thực hiện (Luật THADS Điều 98.2, 101.2)',
    helpEn: "Not after the step's date",
  },
  result: { vi: 'Kết quả bán đấu giá', en: 'Auction result' },
  amount: {
    vi: 'Số tiền (đồng)',
    en: 'Amount (đồng)',
    helpVi: 'Số đồng, ví dụ 228.188.311.000',
    helpEn: 'Whole đồng, e.g. 228.188.311.000',
  },
  buyerPaidInFull: { vi: 'Người mua trúng đấu giá đã nộp đủ tiền', en: 'The auction buyer has paid in full' },
  creditorKind: {
    vi: 'Loại người được thi hành án',
    en: 'Kind of creditor',
    helpVi: 'Tổ chức tín dụng, ngân sách nhà nước, cơ quan tổ chức khác, cá nhân',
    helpEn: 'Credit institution, State budget, other organisation, individual',
  },
  judgmentKind: {
    vi: 'Loại bản án, quyết định',
    en: 'Kind of judgment',
    helpVi: 'Dân sự, kinh doanh thương mại, lao động, hành chính, hình sự',
    helpEn: 'Civil, commercial, labour, administrative, criminal',
  },
  steeringCommittee: { vi: 'Ban chỉ đạo theo dõi', en: 'Followed by a steering committee' },
  court: { vi: 'Tòa án ra quyết định', en: 'Court' },
  decisionOn: { vi: 'Ngày quyết định của Tòa án', en: "Date of the court's decision" },
  stateBudgetItem: { vi: 'Khoản thu nộp ngân sách', en: 'State-budget receipt' },
  reliefGround: {
    vi: 'Căn cứ miễn không chờ thời hạn',
    en: 'Ground for waiver without waiting',
    helpVi: 'Luật THADS Điều 61.4',
    helpEn: 'Art. 61.4',
  },
  toUnitId: { vi: 'Cơ quan nhận ủy thác', en: 'Receiving office' },
  'transfer.toUnitId': { vi: 'Cơ quan nhận hồ sơ chuyển giao', en: 'Office receiving the case' },
  'transfer.reason': { vi: 'Lý do chuyển giao', en: 'Why the case is transferred' },
  reorganisationId: {
    vi: 'Đợt sắp xếp đơn vị',
    en: 'Reorganisation',
    helpVi: 'Ghi khi chuyển giao do hợp nhất, chia tách đơn vị',
    helpEn: 'When the transfer comes from a merger or split of units',
  },
  correctsEventId: {
    vi: 'Bước bị đính chính',
    en: 'Step corrected',
    helpVi: 'Chỉ đính chính được bước có hiệu lực gần nhất',
    helpEn: 'Only the latest effective step',
  },
};

export const wordsOf = (step: string, field: string): FieldWords | undefined =>
  STEP_FIELD_WORDS[`${step}.${field}`] ?? STEP_FIELD_WORDS[field];
