import { MoneyKey } from './report-shape';

/**
 * Row labels of the report form in the office's words (docs/domain.md §4.4; the Biểu rows of the
 * TT 01/2013–06/2019 forms as reconstructed there), with the form's indentation.
 */
export const REPORT_ROWS: ReadonlyArray<{ key: MoneyKey; label: string; depth: number }> = [
  { key: 'total', label: 'Tổng số thụ lý', depth: 0 },
  { key: 'carriedOver', label: 'Năm trước chuyển sang (trừ sổ theo dõi riêng)', depth: 1 },
  { key: 'newlyAccepted', label: 'Thụ lý mới', depth: 1 },
  { key: 'entrustedOut', label: 'Ủy thác đi', depth: 0 },
  { key: 'revoked', label: 'Thu hồi, hủy quyết định', depth: 0 },
  { key: 'toExecute', label: 'Tổng số phải thi hành', depth: 0 },
  { key: 'withConditions', label: 'Có điều kiện thi hành', depth: 1 },
  { key: 'resolved', label: 'Giải quyết xong', depth: 2 },
  { key: 'completed', label: 'Thi hành xong', depth: 3 },
  { key: 'terminated', label: 'Đình chỉ thi hành án', depth: 3 },
  { key: 'reduced', label: 'Giảm thi hành án (miễn, giảm)', depth: 3 },
  { key: 'inProgress', label: 'Đang thi hành', depth: 2 },
  { key: 'unclassified', label: 'trong đó: chưa phân loại', depth: 3 },
  { key: 'postponed', label: 'Hoãn thi hành án', depth: 2 },
  { key: 'suspended', label: 'Tạm đình chỉ thi hành án', depth: 2 },
  { key: 'withoutConditions', label: 'Chưa có điều kiện thi hành', depth: 1 },
  { key: 'rate', label: 'Tỷ lệ giải quyết xong (%)', depth: 0 },
  { key: 'carriedForward', label: 'Chuyển kỳ sau', depth: 0 },
  { key: 'separateTracking', label: 'Sổ theo dõi riêng (cuối kỳ)', depth: 0 },
];
