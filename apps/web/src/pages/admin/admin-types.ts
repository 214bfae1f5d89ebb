import type { components } from '../../api/schema';

/** GET /api/users (apps/api/src/users/users-schema.ts). */
export const PERSON_ROLES = ['enforcer', 'head', 'statistician', 'auditor', 'inspector', 'admin'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
type Schemas = components['schemas'];
export type UserAccount = Schemas['UserAccountSchema'];
export type AuditEntry = Schemas['UserAuditEntrySchema'];
/** GET /api/units/{unitId}/targets?year (apps/api/src/statistics). */
export type UnitTargets = Schemas['UnitTargetsItemSchema'];
/** The reporting year of a day: it starts on 1 October (TT 06/2019/TT-BTP Điều 4), so October 2025 is in year 2026. */
export const reportingYearOf = (day: Date): number => (day.getMonth() >= 9 ? day.getFullYear() + 1 : day.getFullYear());
