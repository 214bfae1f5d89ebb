import { CODE_LABELS, isLocalDate } from '@thads/domain';
import { formatDate, formatVndString } from './vietnamese-format';

const FIELD_LABELS: Record<string, string> = {
  amountDue: 'Số phải thi hành',
  amount: 'Số tiền',
  price: 'Giá',
  origin: 'Loại việc',
  judgment: 'Bản án',
  creditor: 'Người được thi hành',
  debtor: 'Người phải thi hành',
  obligation: 'Nghĩa vụ',
  class: 'Kết quả xác định',
  ground: 'Căn cứ',
  reason: 'Lý do',
  groundOn: 'Ngày phát sinh căn cứ',
  enforcerId: 'Chấp hành viên',
  toUnitId: 'Đơn vị nhận ủy thác',
  result: 'Kết quả',
  assetKind: 'Loại tài sản',
  description: 'Mô tả',
  decisionNumber: 'Số quyết định',
  recipient: 'Người nhận',
  correctsEventId: 'Đính chính sự kiện',
  correctsType: 'Loại sự kiện bị đính chính',
  correctsOn: 'Ngày của bước bị đính chính',
  court: 'Tòa án quyết định',
  decisionOn: 'Ngày quyết định',
  stateBudgetItem: 'Khoản thu ngân sách',
  reliefGround: 'Căn cứ miễn',
  limitationGround: 'Căn cứ không tính vào thời hiệu',
  immediateGround: 'Căn cứ áp dụng ngay',
  buyerPaidInFull: 'Người mua đã nộp đủ tiền',
  entrustedCaseId: 'Việc tại đơn vị nhận ủy thác',
  entrustedFrom: 'Nhận ủy thác từ',
  to: 'Gửi cho',
  findingOn: 'Ngày nhận kết quả xác minh khác',
  bankruptcyDecision: 'Quyết định giải quyết phá sản',
  interimMeasure: 'Biện pháp khẩn cấp tạm thời',
  note: 'Ghi chú',
};
const MONEY = new Set(['amountDue', 'amount', 'price']);
const CODES = new Set([
  'to',
  'origin',
  'class',
  'ground',
  'reason',
  'result',
  'assetKind',
  'stateBudgetItem',
  'reliefGround',
  'limitationGround',
  'immediateGround',
]);
// Identifiers the history shows in its own columns.
const SKIPPED = new Set(['caseId', 'unitId']);

const valueText = (key: string, value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (key === 'judgment') {
      const effective = isLocalDate(o.effectiveOn) ? `, có hiệu lực ngày ${formatDate(o.effectiveOn)}` : '';
      return `số ${o.number ?? ''} ngày ${isLocalDate(o.date) ? formatDate(o.date) : (o.date ?? '')} của ${o.court ?? ''}${effective}`;
    }
    if ('name' in o) return String(o.name);
    if (key === 'entrustedFrom') return `việc ${o.caseId ?? ''} của đơn vị ${o.unitId ?? ''}`;
    return JSON.stringify(value);
  }
  const text = String(value);
  if (MONEY.has(key)) return formatVndString(text);
  if (isLocalDate(text)) return formatDate(text);
  return CODES.has(key) ? (CODE_LABELS[text] ?? text) : text;
};

/** An event's payload in the office's words: "Số tiền: 1.000.000 đ; Ghi chú: …". */
export const describeEventData = (data: unknown): string => {
  if (data === null || typeof data !== 'object') return '';
  return Object.entries(data as Record<string, unknown>)
    .filter(([key, value]) => !SKIPPED.has(key) && value !== undefined && value !== '')
    .map(([key, value]) => `${FIELD_LABELS[key] ?? key}: ${valueText(key, value)}`)
    .join('; ');
};
