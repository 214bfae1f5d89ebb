import { Actor, CaseNotFound } from '@thads/domain';
import { UnknownUnit } from '../errors';
import { AccessPolicy } from './access-policy';
import { Forbidden } from './forbidden';
import { LocalUser, LocalUsers, UserAccount } from './local-users';
import { PersonRole } from './rights';
import { UserAction, UsersAudit } from './users-audit';

export class UserNotFound extends Error {
  override readonly name = 'UserNotFound';
  constructor(readonly userId: string) {
    super(`user ${userId} does not exist`);
  }
}

export class UserAlreadyExists extends Error {
  override readonly name = 'UserAlreadyExists';
  constructor(readonly userId: string) {
    super(`user ${userId} already exists`);
  }
}

export interface NewUser extends LocalUser {
  password: string;
}
export type UserChange = Partial<{ name: string; role: PersonRole; unitId: string }>;

/** What the administration needs of the unit tree (the read model's, for listing a subtree). */
export interface AdministeredUnits {
  exists(unitId: string): Promise<boolean>;
  /** The unit and every unit under it. */
  subtree(unitId: string): Promise<string[]>;
}

/**
 * The local accounts' administration (the /quan-tri page). Who: holders of `users.manage` (the
 * administrator), over the users of their unit and the units under it, for the user's unit both
 * before and after a move; never the `system` identity (not a person role); and nobody over
 * their own role, unit or access (docs/security.md, "User administration"). Every act is recorded
 * in users_audit with who, what and when.
 */
export class UserAdministration {
  constructor(
    private readonly users: LocalUsers,
    private readonly audit: UsersAudit,
    private readonly access: AccessPolicy,
    private readonly units: AdministeredUnits,
  ) {}

  async list(actor: Actor, unitId = actor.unitId): Promise<UserAccount[]> {
    await this.access.assertMay(actor, 'users.manage', [unitId], `list the users of unit ${unitId}`);
    if (!(await this.units.exists(unitId))) throw new CaseNotFound(unitId, 'unit.not-found');
    return this.users.accountsIn(await this.units.subtree(unitId));
  }

  async create(actor: Actor, user: NewUser, now: Date): Promise<UserAccount> {
    await this.access.assertMay(actor, 'users.manage', [user.unitId], `create user ${user.id} in unit ${user.unitId}`);
    if (!(await this.units.exists(user.unitId))) throw new UnknownUnit(user.unitId, 'unitId');
    if (await this.users.find(user.id)) throw new UserAlreadyExists(user.id);
    await this.users.add({ id: user.id, name: user.name, role: user.role, unitId: user.unitId }, user.password, now);
    await this.record(actor, 'create', user.id, now, {
      name: { from: null, to: user.name.trim() },
      role: { from: null, to: user.role },
      unitId: { from: null, to: user.unitId },
    });
    return (await this.users.account(user.id))!;
  }

  async change(actor: Actor, userId: string, to: UserChange, now: Date): Promise<UserAccount> {
    const user = await this.target(actor, userId, 'change user');
    const changes = Object.fromEntries(
      (['name', 'role', 'unitId'] as const)
        .filter((k) => to[k] !== undefined && to[k]!.trim() !== user[k])
        .map((k) => [k, { from: user[k], to: to[k]!.trim() }]),
    );
    // Nobody raises or moves themselves: a second holder of the right must do it.
    if (actor.id === userId && (changes.role || changes.unitId))
      throw new Forbidden(
        actor,
        `change their own ${changes.role ? 'role' : 'unit'}`,
        'nobody changes their own role or unit; another administrator must',
      );
    if (changes.unitId) {
      await this.access.assertMay(actor, 'users.manage', [to.unitId!], `move user ${userId} to unit ${to.unitId}`);
      if (!(await this.units.exists(to.unitId!))) throw new UnknownUnit(to.unitId!, 'unitId');
    }
    if (Object.keys(changes).length === 0) return user;
    await this.users.change(userId, to, now);
    await this.record(actor, 'change', userId, now, changes);
    return (await this.users.account(userId))!;
  }

  async resetPassword(actor: Actor, userId: string, password: string, now: Date): Promise<UserAccount> {
    await this.target(actor, userId, 'reset the password of user');
    await this.users.setPassword(userId, password, now);
    await this.record(actor, 'reset-password', userId, now, {});
    return (await this.users.account(userId))!;
  }

  async setDisabled(actor: Actor, userId: string, disabled: boolean, now: Date): Promise<UserAccount> {
    const user = await this.target(actor, userId, `${disabled ? 'disable' : 'enable'} user`);
    if (actor.id === userId)
      throw new Forbidden(
        actor,
        `${disabled ? 'disable' : 'enable'} their own account`,
        'nobody disables or enables their own account',
      );
    if (user.disabled === disabled) return user;
    await this.users.setDisabled(userId, disabled, now);
    await this.record(actor, disabled ? 'disable' : 'enable', userId, now, {
      disabled: { from: user.disabled, to: disabled },
    });
    return (await this.users.account(userId))!;
  }

  async auditOf(actor: Actor, userId: string) {
    await this.target(actor, userId, 'read the administration record of user');
    return this.audit.of(userId);
  }

  /** The account, when it exists and lies within the actor's scope. */
  private async target(actor: Actor, userId: string, what: string): Promise<UserAccount> {
    this.access.assertHas(actor, 'users.manage', `${what} ${userId}`);
    const user = await this.users.account(userId);
    if (!user) throw new UserNotFound(userId);
    await this.access.assertMay(actor, 'users.manage', [user.unitId], `${what} ${userId}`);
    return user;
  }

  private record(
    actor: Actor,
    action: UserAction,
    userId: string,
    now: Date,
    changes: Record<string, { from: unknown; to: unknown }>,
  ) {
    return this.audit.record({ at: now.toISOString(), actor, action, userId, changes });
  }
}
