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

/** A user as the administration page shows it: never the password or its hash. */
export interface UserAccount extends LocalUser {
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string | null;
}

export class UserError extends Error {}

/** What the users table needs of the read store (SQLite or PostgreSQL; `?` placeholders). */
export interface UserTableStore {
  readonly dialect?: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: ReadonlyArray<string | number | null>): Promise<T[]>;
  run(sql: string, params?: ReadonlyArray<string | number | null>): Promise<number>;
  exec(sql: string): Promise<void>;
}

/** Long enough that the login rate limit makes guessing hopeless. */
export const MIN_PASSWORD_LENGTH = 12;

const ACCOUNT = `SELECT user_id AS id, name, role, unit_id AS "unitId", disabled_at AS "disabledAt", created_at AS "createdAt", updated_at AS "updatedAt" FROM users`;
type AccountRow = Omit<UserAccount, 'disabled'>;
const accountOf = (r: AccountRow): UserAccount => ({
  ...r,
  disabled: r.disabledAt !== null && r.disabledAt !== undefined,
  disabledAt: r.disabledAt ?? null,
  updatedAt: r.updatedAt ?? null,
});

// Columns added after the first release: a users table created before them gets them on open.
// tokens_after: tokens issued (JWT iat, whole seconds) before this instant no longer count.
const ADDED_COLUMNS = ['disabled_at', 'updated_at', 'tokens_after'] as const;

/** Whole seconds, as a JWT's `iat`. */
const seconds = (instant: Date) => Math.floor(instant.getTime() / 1000);

/**
 * Embedded mode's users, in the read store's SQLite file beside the read models (never in the
 * event log: a password hash is not a fact about a case). Not a projection, so `thads rebuild`
 * leaves it alone.
 */
export class LocalUsers {
  private ready?: Promise<void>;

  constructor(private readonly store: UserTableStore) {}

  private open(): Promise<void> {
    this.ready ??= (async () => {
      await this.store.exec(`CREATE TABLE IF NOT EXISTS users (
        user_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, unit_id TEXT NOT NULL,
        password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled_at TEXT, updated_at TEXT, tokens_after TEXT)`);
      for (const column of ADDED_COLUMNS) await this.addColumn(column);
    })();
    return this.ready;
  }

  private async addColumn(column: string): Promise<void> {
    // PostgreSQL says IF NOT EXISTS, so replicas opening at once do not collide; SQLite cannot.
    if (this.store.dialect === 'postgres')
      return this.store.exec(`ALTER TABLE users ADD COLUMN IF NOT EXISTS ${column} TEXT`);
    try {
      await this.store.all(`SELECT ${column} FROM users LIMIT 0`);
    } catch {
      await this.store.exec(`ALTER TABLE users ADD COLUMN ${column} TEXT`);
    }
  }

  async add(user: LocalUser, password: string, now: Date): Promise<void> {
    await this.open();
    if (!ID_PATTERN.test(user.id)) throw new UserError(`user id must match ${ID_PATTERN}`);
    if (!ID_PATTERN.test(user.unitId)) throw new UserError(`unit must match ${ID_PATTERN}`);
    // `system` is the import's own identity; no person may log in as it.
    if (!(PERSON_ROLES as ReadonlyArray<string>).includes(user.role))
      throw new UserError(`role must be one of ${PERSON_ROLES.join(', ')}`);
    if (!user.name.trim()) throw new UserError('name must not be empty');
    if ([...password].length < MIN_PASSWORD_LENGTH)
      throw new UserError(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
    if (await this.find(user.id)) throw new UserError(`user ${user.id} already exists`);
    const hash = await hashPassword(password);
    await this.store.run(
      'INSERT INTO users (user_id, name, role, unit_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [user.id, user.name.trim(), user.role, user.unitId, hash, now.toISOString()],
    );
  }

  async find(id: string): Promise<LocalUser | undefined> {
    await this.open();
    return (
      await this.store.all<LocalUser>(
        'SELECT user_id AS id, name, role, unit_id AS "unitId" FROM users WHERE user_id = ?',
        [id],
      )
    )[0];
  }

  async list(): Promise<LocalUser[]> {
    await this.open();
    const users = await this.store.all<LocalUser>('SELECT user_id AS id, name, role, unit_id AS "unitId" FROM users');
    return users.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async account(id: string): Promise<UserAccount | undefined> {
    await this.open();
    const [row] = await this.store.all<AccountRow>(`${ACCOUNT} WHERE user_id = ?`, [id]);
    return row && accountOf(row);
  }

  /** The accounts of these units, by id. */
  async accountsIn(unitIds: ReadonlyArray<string>): Promise<UserAccount[]> {
    await this.open();
    if (unitIds.length === 0) return [];
    const rows = await this.store.all<AccountRow>(
      `${ACCOUNT} WHERE unit_id IN (${unitIds.map(() => '?').join(', ')})`,
      [...unitIds],
    );
    return rows.map(accountOf).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** A new name, role or unit; tokens already issued stop working for a new role or unit (matches). */
  async change(id: string, to: Partial<Pick<LocalUser, 'name' | 'role' | 'unitId'>>, now: Date): Promise<void> {
    await this.open();
    if (to.role !== undefined && !(PERSON_ROLES as ReadonlyArray<string>).includes(to.role))
      throw new UserError(`role must be one of ${PERSON_ROLES.join(', ')}`);
    await this.store.run(
      'UPDATE users SET name = COALESCE(?, name), role = COALESCE(?, role), unit_id = COALESCE(?, unit_id), updated_at = ? WHERE user_id = ?',
      [to.name?.trim() ?? null, to.role ?? null, to.unitId ?? null, now.toISOString(), id],
    );
  }

  /** A new password; every token issued before it stops working (a reset follows a leak or a forgotten one). */
  async setPassword(id: string, password: string, now: Date): Promise<void> {
    await this.open();
    if ([...password].length < MIN_PASSWORD_LENGTH)
      throw new UserError(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
    await this.store.run('UPDATE users SET password_hash = ?, tokens_after = ?, updated_at = ? WHERE user_id = ?', [
      await hashPassword(password),
      String(seconds(now)),
      now.toISOString(),
      id,
    ]);
  }

  /**
   * Disabled: no login, and tokens stop at once (matches). Enabled again: the tokens issued
   * before the disabling stay dead, so a token taken from a disabled account never comes back.
   */
  async setDisabled(id: string, disabled: boolean, now: Date): Promise<void> {
    await this.open();
    await this.store.run(
      disabled
        ? 'UPDATE users SET disabled_at = ?, tokens_after = ?, updated_at = ? WHERE user_id = ?'
        : 'UPDATE users SET disabled_at = NULL, tokens_after = COALESCE(?, tokens_after), updated_at = ? WHERE user_id = ?',
      disabled ? [now.toISOString(), String(seconds(now)), now.toISOString(), id] : [null, now.toISOString(), id],
    );
  }

  /** The user when the password is right and the account not disabled; undefined otherwise, in about the same time either way. */
  async verify(id: string, password: string): Promise<LocalUser | undefined> {
    await this.open();
    const [row] = await this.store.all<{ hash: string; disabledAt: string | null }>(
      'SELECT password_hash AS hash, disabled_at AS "disabledAt" FROM users WHERE user_id = ?',
      [id],
    );
    const ok = await verifyPassword(password, row?.hash ?? (await dummyHash()));
    return row && ok && !row.disabledAt ? this.find(id) : undefined;
  }

  /**
   * Still the same person with the same role and unit as when the token was issued, not disabled,
   * and the token issued (`issuedAt`, JWT iat in seconds) no earlier than the last reset or disabling?
   */
  async matches(actor: Actor, issuedAt?: number): Promise<boolean> {
    await this.open();
    const [user] = await this.store.all<LocalUser & { disabledAt: string | null; tokensAfter: string | null }>(
      'SELECT user_id AS id, role, unit_id AS "unitId", disabled_at AS "disabledAt", tokens_after AS "tokensAfter" FROM users WHERE user_id = ?',
      [actor.id],
    );
    if (!user || user.disabledAt) return false;
    if (user.tokensAfter && (issuedAt === undefined || issuedAt < Number(user.tokensAfter))) return false;
    return user.role === actor.role && user.unitId === actor.unitId && ROLES.includes(user.role);
  }
}
