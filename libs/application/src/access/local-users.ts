import { ID_PATTERN } from '../requests/validators';
import { PERSON_ROLES, PersonRole } from './rights';
import { Actor, ROLES } from '@thads/domain';
import { dummyHash, hashPassword, verifyPassword } from './password-hash';

export interface LocalUser {
  id: string;
  name: string;
  role: PersonRole;
  unitId: string;
}

export class UserError extends Error {}

/** What the users table needs of the read store (SQLite or PostgreSQL; `?` placeholders). */
export interface UserTableStore {
  all<T>(sql: string, params?: ReadonlyArray<string | number | null>): Promise<T[]>;
  run(sql: string, params?: ReadonlyArray<string | number | null>): Promise<number>;
  exec(sql: string): Promise<void>;
}

/** Long enough that the login rate limit makes guessing hopeless. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Embedded mode's users, in the read store's SQLite file beside the read models (never in the
 * event log: a password hash is not a fact about a case). Not a projection, so `thads rebuild`
 * leaves it alone.
 */
export class LocalUsers {
  private ready?: Promise<void>;

  constructor(private readonly store: UserTableStore) {}

  private open(): Promise<void> {
    this.ready ??= this.store.exec(`CREATE TABLE IF NOT EXISTS users (
      user_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, unit_id TEXT NOT NULL,
      password_hash TEXT NOT NULL, created_at TEXT NOT NULL)`);
    return this.ready;
  }

  async add(user: LocalUser, password: string, now: Date): Promise<void> {
    if (!ID_PATTERN.test(user.id)) throw new UserError(`user id must match ${ID_PATTERN}`);
    if (!ID_PATTERN.test(user.unitId)) throw new UserError(`unit must match ${ID_PATTERN}`);
    // `system` is the import's own identity; no person may log in as it.
    if (!(PERSON_ROLES as ReadonlyArray<string>).includes(user.role)) throw new UserError(`role must be one of ${PERSON_ROLES.join(', ')}`);
    if (!user.name.trim()) throw new UserError('name must not be empty');
    if ([...password].length < MIN_PASSWORD_LENGTH) throw new UserError(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
    if (await this.find(user.id)) throw new UserError(`user ${user.id} already exists`);
    const hash = await hashPassword(password);
    await this.store.run('INSERT INTO users (user_id, name, role, unit_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [user.id, user.name.trim(), user.role, user.unitId, hash, now.toISOString()]);
  }

  async find(id: string): Promise<LocalUser | undefined> {
    await this.open();
    return (await this.store.all<LocalUser>('SELECT user_id AS id, name, role, unit_id AS "unitId" FROM users WHERE user_id = ?', [id]))[0];
  }

  async list(): Promise<LocalUser[]> {
    await this.open();
    const users = await this.store.all<LocalUser>('SELECT user_id AS id, name, role, unit_id AS "unitId" FROM users');
    return users.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The user when the password is right; undefined otherwise, in about the same time either way. */
  async verify(id: string, password: string): Promise<LocalUser | undefined> {
    await this.open();
    const [row] = await this.store.all<{ hash: string }>('SELECT password_hash AS hash FROM users WHERE user_id = ?', [id]);
    const ok = await verifyPassword(password, row?.hash ?? (await dummyHash()));
    return row && ok ? this.find(id) : undefined;
  }

  /** Still the same person with the same role and unit as when the token was issued? */
  async matches(actor: Actor): Promise<boolean> {
    const user = await this.find(actor.id);
    return !!user && user.role === actor.role && user.unitId === actor.unitId && ROLES.includes(user.role);
  }
}
