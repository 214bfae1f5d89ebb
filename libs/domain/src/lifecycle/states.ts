import { SnapshotFrom, StateValue } from 'xstate';
import { CaseLifecycle } from './machine';
import { nameOfValue } from './fast-path';

export type LifecycleSnapshot = SnapshotFrom<CaseLifecycle>;

/** API state names (docs/architecture.md §5): nested names joined with a dot, the `open` wrapper dropped. */
export type CaseStateName =
  | 'received'
  | 'decided'
  | 'verified'
  | 'classified.withConditions'
  | 'classified.withoutConditions'
  | 'seized'
  | 'auctioned'
  | 'postponed'
  | 'suspended'
  | 'separateTracking'
  | 'completed'
  | 'terminated'
  | 'entrusted'
  | 'revoked'
  | 'refused'
  | 'returned';

export const CASE_STATE_NAMES: ReadonlyArray<CaseStateName> = [
  'received',
  'decided',
  'verified',
  'classified.withConditions',
  'classified.withoutConditions',
  'seized',
  'auctioned',
  'postponed',
  'suspended',
  'separateTracking',
  'completed',
  'terminated',
  'entrusted',
  'revoked',
  'refused',
  'returned',
];

export const FINAL_STATES: ReadonlyArray<CaseStateName> = [
  'completed',
  'terminated',
  'entrusted',
  'revoked',
  'refused',
  'returned',
];

const path = (value: StateValue): string[] => {
  if (typeof value === 'string') return [value];
  const [key, child] = Object.entries(value)[0];
  return child === undefined ? [key] : [key, ...path(child as StateValue)];
};

const nameOf = (value: StateValue): CaseStateName => {
  const parts = path(value);
  return (parts[0] === 'open' ? parts.slice(1) : parts).join('.') as CaseStateName;
};

/** Named once for each state value (fast-path/state-names.ts): a rebuild names every case at every event. */
export const stateNameOf = (snapshot: LifecycleSnapshot): CaseStateName => nameOfValue(snapshot.value, nameOf);

/** Vietnamese labels the enforcement office uses for each state. */
export const STATE_LABELS: Record<CaseStateName, string> = {
  received: 'Đã tiếp nhận',
  decided: 'Đã ra quyết định thi hành án',
  verified: 'Đã xác minh',
  'classified.withConditions': 'Có điều kiện thi hành',
  'classified.withoutConditions': 'Chưa có điều kiện thi hành',
  seized: 'Đã kê biên',
  auctioned: 'Đã bán đấu giá',
  postponed: 'Hoãn thi hành án',
  suspended: 'Tạm đình chỉ thi hành án',
  separateTracking: 'Chuyển sổ theo dõi riêng',
  completed: 'Thi hành xong',
  terminated: 'Đình chỉ thi hành án',
  entrusted: 'Ủy thác đi',
  revoked: 'Thu hồi quyết định',
  refused: 'Từ chối yêu cầu',
  returned: 'Gửi lại yêu cầu thi hành án',
};
