import Database from 'better-sqlite3';
import { LocalUsers, UserTableStore } from './local-users';
import { hashPassword } from './password-hash';

/** A users table as SQLite holds it, through the interface LocalUsers needs. */
const sqliteUsers = (db: Database.Database): UserTableStore => ({
  dialect: 'sqlite',
  all: async <T>(sql: string, params: ReadonlyArray<string | number | null> = []) =>
    db.prepare(sql).all(...params) as T[],
  run: async (sql: string, params: ReadonlyArray<string | number | null> = []) =>
    db.prepare(sql).run(...params).changes,
  exec: async (sql: string) => {
    db.exec(sql);
  },
});

const NOW = new Date('2026-11-22T03:00:00.000Z');
const PASSWORD = 'một mật khẩu đủ dài 2026';

describe('local users', () => {
  it('opens a users table of the first release, adding the columns for disabling and resets, and keeps its users', async () => {
    const db = new Database(':memory:');
    try {
      db.exec(`CREATE TABLE users (user_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, unit_id TEXT NOT NULL,
        password_hash TEXT NOT NULL, created_at TEXT NOT NULL)`);
      // The row as the first release wrote it.
      db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?)').run(
        'chv-1',
        'Lan',
        'enforcer',
        'kg',
        await hashPassword(PASSWORD),
        NOW.toISOString(),
      );
      const users = new LocalUsers(sqliteUsers(db));
      expect(await users.verify('chv-1', PASSWORD)).toEqual({
        id: 'chv-1',
        name: 'Lan',
        role: 'enforcer',
        unitId: 'kg',
      });
      expect(
        db
          .prepare("SELECT name FROM pragma_table_info('users')")
          .all()
          .map((c) => (c as { name: string }).name),
      ).toEqual([
        'user_id',
        'name',
        'role',
        'unit_id',
        'password_hash',
        'created_at',
        'disabled_at',
        'updated_at',
        'tokens_after',
      ]);
      await users.setDisabled('chv-1', true, NOW);
      expect(await users.verify('chv-1', PASSWORD)).toBeUndefined();
      expect(await users.matches({ id: 'chv-1', role: 'enforcer', unitId: 'kg' }, NOW.getTime() / 1000 + 60)).toBe(
        false,
      );
      await users.setDisabled('chv-1', false, NOW);
      expect(await users.matches({ id: 'chv-1', role: 'enforcer', unitId: 'kg' }, NOW.getTime() / 1000 - 1)).toBe(
        false,
      );
      expect(await users.matches({ id: 'chv-1', role: 'enforcer', unitId: 'kg' }, NOW.getTime() / 1000)).toBe(true);
      expect(await new LocalUsers(sqliteUsers(db)).account('chv-1')).toMatchObject({
        disabled: false,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      });
    } finally {
      db.close();
    }
  });
});
