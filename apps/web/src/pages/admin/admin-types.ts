/** GET /api/users (apps/api/src/users/users-schema.ts). */
export const PERSON_ROLES = ['enforcer', 'head', 'statistician', 'auditor', 'inspector', 'admin'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export interface UserAccount {
  id: string;
  name: string;
  role: PersonRole;
  unitId: string;
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string | null;
}
export interface AuditEntry {
  at: string;
  actor: { id?: string; role?: string; name?: string };
  action: string;
  userId: string;
  changes: Record<string, { from?: unknown; to?: unknown }>;
}

/** GET /api/units/{unitId}/targets?year (apps/api/src/statistics). */
export interface UnitTargets {
  unitId: string;
  name: string;
  level: string;
  parentId: string | null;
  targets: {
    cases: string;
    money: string;
    setOn: string;
    periods?: Record<string, { cases?: string; money?: string }>;
  } | null;
}

/** The reporting year of a day: it starts on 1 October (TT 06/2019/TT-BTP Điều 4), so October 2025 is in year 2026. */
export const reportingYearOf = (day: Date): number => (day.getMonth() >= 9 ? day.getFullYear() + 1 : day.getFullYear());
