import { FormColumn } from './form-definition';

/**
 * The columns of the results forms (kết quả thi hành án dân sự), in the structure of
 * docs/domain.md §4.4: thụ lý, less what is not to be enforced, split by conditions, and what
 * became of the cases with conditions. The official TT 05/2024 layout was not read (docs/domain.md
 * §9.8 item 5), so the numbering is ours; the keys are the report keys of docs/architecture.md §6.
 */
export const resultsColumns = (money: boolean): FormColumn[] => {
  const spec: Array<[string, string, string?]> = [
    ['total', 'Tổng số', 'Tổng số thụ lý'],
    ['carriedOver', 'Năm trước chuyển sang', 'Tổng số thụ lý'],
    ['newlyAccepted', 'Thụ lý mới', 'Tổng số thụ lý'],
    ['entrustedOut', 'Ủy thác', 'Không phải thi hành'],
    ['revoked', 'Thu hồi, hủy quyết định', 'Không phải thi hành'],
    ['toExecute', 'Tổng số', 'Phải thi hành'],
    ['withoutConditions', 'Chưa có điều kiện', 'Phải thi hành'],
    ['withConditions', 'Có điều kiện', 'Phải thi hành'],
    ['resolved', 'Giải quyết xong', 'Trong số có điều kiện thi hành'],
    ['completed', 'Thi hành xong', 'Trong số có điều kiện thi hành'],
    ['terminated', 'Đình chỉ thi hành án', 'Trong số có điều kiện thi hành'],
    ...(money
      ? [['reduced', 'Miễn, giảm thi hành án', 'Trong số có điều kiện thi hành'] as [string, string, string]]
      : []),
    ['inProgress', 'Đang thi hành', 'Trong số có điều kiện thi hành'],
    ['postponed', 'Hoãn thi hành án', 'Trong số có điều kiện thi hành'],
    ['suspended', 'Tạm đình chỉ thi hành án', 'Trong số có điều kiện thi hành'],
    ['rate', 'Tỷ lệ giải quyết xong (%)'],
    ['carriedForward', 'Chuyển kỳ sau'],
    ['separateTracking', 'Sổ theo dõi riêng (cuối kỳ)'],
  ];
  return spec.map(([key, label, group], i) => ({ key, number: i + 1, label, ...(group ? { group } : {}) }));
};

/** docs/architecture.md §6, for the forms' footnote and the tests. */
export const resultsIdentities = (money: boolean): string[] => [
  'total = carriedOver + newlyAccepted',
  'toExecute = total - entrustedOut - revoked',
  'toExecute = withConditions + withoutConditions',
  money ? 'resolved = completed + terminated + reduced' : 'resolved = completed + terminated',
  'withConditions = resolved + inProgress + postponed + suspended',
  'carriedForward = toExecute - resolved',
];
