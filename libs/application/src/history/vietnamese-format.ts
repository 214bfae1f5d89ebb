import { formatVnd, isVndString, LocalDate } from '@thads/domain';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** 2025-01-24 → 24/01/2025, the order Vietnamese documents write dates in. */
export const formatDate = (date: LocalDate): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** An instant as local time in Asia/Ho_Chi_Minh (UTC+7 all year): 24/01/2025 10:00. */
export const formatInstant = (iso: string): string => {
  const local = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
};

/** "228188311000" → "228.188.311.000 đ"; anything that is not an amount passes unchanged. */
export const formatVndString = (amount: string): string => (isVndString(amount) ? formatVnd(BigInt(amount)) : amount);

/** Who recorded a step, in the office's words (roles of docs/domain.md §1). */
export const ROLE_LABELS: Record<string, string> = {
  enforcer: 'Chấp hành viên',
  head: 'Thủ trưởng',
  auditor: 'Kiểm tra viên',
  inspector: 'Kiểm sát, thanh tra',
  statistician: 'Thống kê viên',
  admin: 'Quản trị',
  system: 'Hệ thống',
};
