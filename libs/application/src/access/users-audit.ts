import { Actor } from '@thads/domain';
import { UserTableStore } from './local-users';

export const USER_ACTIONS = ['create', 'change', 'reset-password', 'disable', 'enable'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

export interface UserAuditEntry {
  at: string;
  actor: Actor;
  action: UserAction;
  userId: string;
  /** What changed, before and after (name, role, unit, disabled); never a password or its hash. */
  changes: Record<string, { from: unknown; to: unknown }>;
}

/**
 * Who administered which account, when: a table beside `users` in the read store, append-only by
 * use (nothing here updates or deletes a row). Not the event log: an account is not a fact about
 * a case, the log's hash chain and exports are the cases' record for the courts and inspectors,
 * and a password reset has no place in it; but who gave whom which rights must be answerable, so
 * it is kept, read by GET /api/users/{id}/audit, and logged as it happens (docs/security.md).
 */
export class UsersAudit {
  private ready?: Promise<void>;

  constructor(private readonly store: UserTableStore) {}

  private open(): Promise<void> {
    this.ready ??= this.store.exec(`CREATE TABLE IF NOT EXISTS users_audit (
      at TEXT NOT NULL, actor_id TEXT NOT NULL, actor_role TEXT NOT NULL, actor_unit TEXT NOT NULL,
      action TEXT NOT NULL, user_id TEXT NOT NULL, changes TEXT NOT NULL, n INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS users_audit_user ON users_audit (user_id, n)`);
    return this.ready;
  }

  async record(entry: UserAuditEntry): Promise<void> {
    await this.open();
    // n: the entry's number among the user's, so that entries of one instant keep their order.
    await this.store.run(
      `INSERT INTO users_audit (at, actor_id, actor_role, actor_unit, action, user_id, changes, n)
        VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT count(*) + 1 FROM users_audit WHERE user_id = ?))`,
      [
        entry.at,
        entry.actor.id,
        entry.actor.role,
        entry.actor.unitId,
        entry.action,
        entry.userId,
        JSON.stringify(entry.changes),
        entry.userId,
      ],
    );
  }

  async of(userId: string): Promise<UserAuditEntry[]> {
    await this.open();
    const rows = await this.store.all<{
      at: string;
      actor_id: string;
      actor_role: string;
      actor_unit: string;
      action: UserAction;
      user_id: string;
      changes: string;
    }>('SELECT * FROM users_audit WHERE user_id = ? ORDER BY n', [userId]);
    return rows.map((r) => ({
      at: r.at,
      actor: { id: r.actor_id, role: r.actor_role as Actor['role'], unitId: r.actor_unit },
      action: r.action,
      userId: r.user_id,
      changes: JSON.parse(r.changes),
    }));
  }
}
