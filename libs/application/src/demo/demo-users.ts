import { randomBytes } from 'node:crypto';
import { LocalUser, LocalUsers } from '../access/local-users';
import { DEMO_UNITS } from './demo-units';

/**
 * The demo's people, one for each role of the rights table (access/rights.ts), in the demo's
 * units: what a newcomer picks on the web console's login page in development mode
 * (POST /api/auth/demo-login). Enforcer ids are those the demo assigns cases to
 * (`chv-<unit>-<1..4>`, demo-scenario.ts), so an enforcer's desk shows assigned cases.
 */
export const DEMO_USERS: ReadonlyArray<LocalUser> = [
  { id: 'tt-kg-pq', name: 'Nguyễn Văn Hải', role: 'head', unitId: 'kg-pq' },
  { id: 'chv-kg-pq-1', name: 'Trần Thị Lan', role: 'enforcer', unitId: 'kg-pq' },
  { id: 'chv-kh-nt-1', name: 'Lê Minh Tuấn', role: 'enforcer', unitId: 'kh-nt' },
  { id: 'tk-kg', name: 'Phạm Thu Hà', role: 'statistician', unitId: 'kg' },
  { id: 'kt-kg', name: 'Đỗ Quốc Bảo', role: 'auditor', unitId: 'kg' },
  { id: 'tra-vn', name: 'Hoàng Thị Minh', role: 'inspector', unitId: 'vn' },
  { id: 'qt-vn', name: 'Vũ Đức Anh', role: 'admin', unitId: 'vn' },
];

export const demoUnitName = (unitId: string): string => DEMO_UNITS.find((u) => u.unitId === unitId)?.name ?? unitId;

/**
 * Adds the demo's users that are missing. Each gets a random password nobody knows: they enter
 * only through the demo login, which exists only in development mode with demo data.
 */
export const ensureDemoUsers = async (users: LocalUsers, now: Date): Promise<number> => {
  let added = 0;
  for (const user of DEMO_USERS) {
    if (await users.find(user.id)) continue;
    await users.add(user, randomBytes(24).toString('base64url'), now);
    added++;
  }
  return added;
};
