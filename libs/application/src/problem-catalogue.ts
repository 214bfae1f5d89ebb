/**
 * Every problem the API can answer, by its stable `code`: the HTTP status(es) it comes with and
 * its `title` in the users' language (RFC 9457 §3.1.3: the title names the kind of problem and
 * does not change from one occurrence to the next; `detail` says what happened this time).
 * Programs read `code`; people read `title`. The problem+json filter takes titles from here, and
 * the OpenAPI description declares each operation's problems from here (`@ApiProblems`), so a
 * code cannot be answered without being described. A code with two statuses means the same
 * thing in both (unit.not-found: 404 when it is the resource asked for, 422 when a command
 * refers to it).
 */
export const PROBLEMS = {
  // Requests the API could not read.
  validation: { status: [400], title: 'Dữ liệu không hợp lệ' },
  'request.malformed-json': { status: [400], title: 'Nội dung JSON không đọc được' },
  'request.too-large': { status: [413], title: 'Nội dung yêu cầu quá lớn' },
  'request.unsupported-media-type': { status: [415], title: 'Kiểu nội dung không được hỗ trợ' },
  'not-found': { status: [404], title: 'Không tìm thấy đường dẫn' },
  'request.method-not-allowed': { status: [405], title: 'Phương thức không được hỗ trợ cho đường dẫn này' },
  // Who is asking (docs/security.md).
  'auth.token-missing': { status: [401], title: 'Chưa đăng nhập' },
  'auth.token-invalid': { status: [401], title: 'Mã đăng nhập không hợp lệ' },
  'auth.token-expired': { status: [401], title: 'Phiên đăng nhập đã hết hạn' },
  'auth.bad-credentials': { status: [401], title: 'Sai tên đăng nhập hoặc mật khẩu' },
  'auth.local-login-disabled': { status: [403], title: 'Đăng nhập cục bộ đã tắt' },
  'auth.rate-limited': { status: [429], title: 'Quá nhiều lần đăng nhập' },
  'auth.issuer-unavailable': { status: [503], title: 'Máy chủ xác thực tạm thời không truy cập được' },
  forbidden: { status: [403], title: 'Không có quyền' },
  'auth.demo-login-off': { status: [404], title: 'Chỉ có đăng nhập người dùng mẫu ở chế độ phát triển' },
  'auth.demo-user-not-found': { status: [404], title: 'Không phải người dùng mẫu' },
  // Cases and their steps (docs/architecture.md §5).
  'case.not-found': { status: [404], title: 'Không tìm thấy việc' },
  'case.already-exists': { status: [409], title: 'Việc đã được tiếp nhận' },
  'case.step-not-allowed': { status: [409], title: 'Bước không được phép' },
  'case.step-date-before-previous': { status: [409], title: 'Ngày của bước trước ngày của bước trước đó' },
  'case.step-date-in-future': { status: [409], title: 'Ngày của bước ở tương lai' },
  'case.correction-not-latest': { status: [409], title: 'Chỉ đính chính được bước gần nhất' },
  'case.correction-not-allowed': { status: [409], title: 'Không được đính chính bước này' },
  'case.revision-conflict': { status: [409], title: 'Việc đã được cập nhật bởi người khác' },
  'idempotency.key-reused': { status: [422], title: 'Khóa Idempotency-Key đã dùng cho yêu cầu khác' },
  // Units and their targets.
  'unit.not-found': { status: [404, 422], title: 'Đơn vị chưa đăng ký' },
  'unit.already-exists': { status: [409], title: 'Đơn vị đã được đăng ký' },
  'unit.parent-not-found': { status: [422], title: 'Đơn vị cấp trên chưa đăng ký' },
  'unit.parent-level': { status: [422], title: 'Cấp của đơn vị cấp trên không phù hợp' },
  'unit.dates-reversed': { status: [422], title: 'Ngày kết thúc của đơn vị trước ngày thành lập' },
  'unit.cannot-receive-entrustment': { status: [422], title: 'Đơn vị không nhận được ủy thác thi hành án' },
  // Units over time: reorganisations and transfers (docs/reorganisation.md).
  'unit.cannot-receive-transfer': { status: [422], title: 'Đơn vị không nhận được hồ sơ chuyển giao' },
  'unit.closed': { status: [422], title: 'Đơn vị đã chấm dứt hoạt động vào ngày này' },
  'reorganisation.invalid': { status: [422], title: 'Đợt sắp xếp đơn vị không hợp lệ' },
  'reorganisation.into-descendant': { status: [422], title: 'Không sáp nhập đơn vị vào đơn vị cấp dưới của chính nó' },
  'reorganisation.before-unit-existed': { status: [422], title: 'Ngày hiệu lực trước khi đơn vị được thành lập' },
  'reorganisation.date-in-future': { status: [422], title: 'Ngày hiệu lực của đợt sắp xếp ở tương lai' },
  'reorganisation.case-unassigned': { status: [422], title: 'Có việc đang thi hành chưa được phân cho đơn vị kế thừa' },
  'reorganisation.case-stepped-after': { status: [409], title: 'Có việc đã có bước sau ngày hiệu lực của đợt sắp xếp' },
  'reorganisation.already-recorded': { status: [409], title: 'Đơn vị vừa được thay đổi bởi thao tác khác' },
  // Local users (the /quan-tri page; docs/security.md).
  'user.not-found': { status: [404], title: 'Không tìm thấy người dùng' },
  'user.already-exists': { status: [409], title: 'Tài khoản đã tồn tại' },
  'targets.not-found': { status: [404], title: 'Chưa giao chỉ tiêu' },
  'targets.revision-conflict': { status: [409], title: 'Chỉ tiêu đã được cập nhật bởi người khác' },
  // Report forms and their submissions (docs/reports.md).
  'report.form-unknown': { status: [404], title: 'Không có biểu mẫu báo cáo này' },
  'report.list-unknown': { status: [404], title: 'Không có danh sách này' },
  'watchlist.not-found': { status: [404], title: 'Không có danh sách theo dõi này' },
  'report.submission-not-found': { status: [404], title: 'Không tìm thấy báo cáo đã gửi' },
  'report.already-submitted': { status: [409], title: 'Báo cáo kỳ này đã được gửi' },
  'report.submission-conflict': { status: [409], title: 'Báo cáo đang được gửi bởi người khác' },
  'report.period-crosses-year': { status: [422], title: 'Kỳ báo cáo vượt qua năm báo cáo' },
  'report.basis-not-supported': { status: [422], title: 'Biểu mẫu này không lập được từ số liệu đã gửi' },
  'report.basis-with-as-known-at': { status: [422], title: 'Không dùng cùng lúc số liệu đã gửi và thời điểm biết' },
  'report.form-not-built': { status: [422], title: 'Biểu mẫu chưa lập được từ các sự kiện' },
  'report.list-not-available': { status: [422], title: 'Danh sách chưa lập được' },
  'report.no-form-for-period': { status: [422], title: 'Không có biểu mẫu cho kỳ này' },
  'report.not-a-period-end': { status: [422], title: 'Không phải ngày cuối kỳ báo cáo' },
  'report.not-a-reporting-period': { status: [422], title: 'Không phải một kỳ báo cáo (từ 01/10 đến cuối một tháng)' },
  'report.unit-closed': { status: [422], title: 'Đơn vị đã sáp nhập, chia tách hoặc giải thể trước cuối kỳ báo cáo' },
  'report.period-not-ended': { status: [422], title: 'Kỳ báo cáo chưa kết thúc, chưa chốt được số liệu' },
  // The service itself.
  starting: { status: [503], title: 'Hệ thống đang khởi động' },
  'store.unavailable': { status: [503], title: 'Kho dữ liệu tạm thời không truy cập được' },
  internal: { status: [500], title: 'Lỗi hệ thống' },
} as const satisfies Record<string, { status: ReadonlyArray<number>; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

const isProblemCode = (code: string): code is ProblemCode => Object.prototype.hasOwnProperty.call(PROBLEMS, code);

/** For a code nobody catalogued (a bug the catalogue test should catch), a title by status class. */
const BY_STATUS: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ cho đường dẫn này',
  409: 'Xung đột dữ liệu',
  413: 'Nội dung yêu cầu quá lớn',
  415: 'Kiểu nội dung không được hỗ trợ',
  422: 'Yêu cầu không xử lý được',
  429: 'Quá nhiều yêu cầu',
  503: 'Dịch vụ tạm thời không sẵn sàng',
};

/** The Vietnamese title of a problem: the catalogue's, else one by status, never an English class name. */
export const problemTitle = (code: string, status: number): string =>
  (isProblemCode(code) ? PROBLEMS[code].title : undefined) ??
  BY_STATUS[status] ??
  (status >= 500 ? 'Lỗi hệ thống' : 'Yêu cầu không được chấp nhận');
