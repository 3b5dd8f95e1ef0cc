import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Connection, isPlatformAdmin, PageRequest, toConnection, UserRole } from '@referloop/common';
import { badInput, conflict, ErrorReason, forbidden, notFound } from '@referloop/core';
import { AccountLinkKind } from '@referloop/notifications';
import { AccountEventKind } from '../events/account-event';
import { AccountLinkRepository } from './account-link.repository';
import { AccountEvents } from '../events/account-events';
import { SessionEndReason } from '../sessions/session-end-reason';
import { SessionRepository } from '../sessions/session.repository';
import { LoginService } from '../login.service';
import { TwoFactorRepository } from '../two-factor/two-factor.repository';
import { User, UserStatus } from '../user.model';
import { UserListFilter, UserRepository } from '../user.repository';
import { assertManages, assertSeatShape, managedAccount } from './user-rules';

/** What an account becomes after a change: whether it still holds an admin seat. */
interface After {
  role: UserRole;
  disabled: boolean;
}

/**
 * A clinic's staff, managed by its admins (platform admins manage everyone): the list, role
 * changes, disabling and enabling, and resetting a lost second factor. A clinic always keeps one active clinic admin, and a role
 * change or disabling ends the account's sessions at once.
 */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly events: AccountEvents,
    private readonly links: AccountLinkRepository,
    private readonly factors: TwoFactorRepository,
    private readonly logins: LoginService,
  ) {}

  async list(actor: Actor, filter: UserListFilter, page: PageRequest): Promise<Connection<User>> {
    const scope = this.listScope(actor, filter);
    const rows = await this.users.page(scope, filter, page.limit + 1, page.after);
    return toConnection(rows, page, this.users.count(scope, filter), (user) => user);
  }

  async changeRole(actor: Actor, id: string, role: UserRole): Promise<User> {
    const target = await managedAccount(this.users, actor, id);
    assertSeatShape({ role, clinicId: target.clinicId }, 'input.role');
    assertManages(actor, { role, clinicId: target.clinicId });
    if (target.role === role) return target;
    return this.changing(target, { role, disabled: target.disabled }, async (manager) => {
      await this.users.setRole(target.id, role, manager);
      await this.events.record({ event: AccountEventKind.ROLE_CHANGED, actorId: actor.userId, userId: target.id, ipAddress: actor.ipAddress, detail: `${target.role} -> ${role}` }, manager);
      // What the sessions were signed in as no longer holds: the user signs in again as what they are now.
      await this.sessions.endAll(target.id, SessionEndReason.ROLE_CHANGED, manager);
    });
  }

  async disable(actor: Actor, id: string): Promise<User> {
    if (id === actor.userId) throw badInput('input.id', 'You cannot disable your own account');
    const target = await managedAccount(this.users, actor, id);
    return this.changing(target, { role: target.role, disabled: true }, async (manager) => {
      await this.users.disable(target.id, manager);
      // Links sent before would bring the account back, should it be enabled again.
      for (const kind of Object.values(AccountLinkKind)) await this.links.revokeOpen(target.id, kind, manager);
      await this.events.record({ event: AccountEventKind.USER_DISABLED, actorId: actor.userId, userId: target.id, ipAddress: actor.ipAddress }, manager);
      // Every token of the user is refused from now on (each request checks its session);
      // ending the sessions also stops their refresh, and records why they ended.
      await this.sessions.endAll(target.id, SessionEndReason.USER_DISABLED, manager);
    });
  }

  async enable(actor: Actor, id: string): Promise<User> {
    const target = await managedAccount(this.users, actor, id);
    if (!(await this.users.hasPassword(target.id))) {
      throw badInput('input.id', 'This user has not accepted their invitation yet: re-send the invitation instead');
    }
    return this.changing(target, { role: target.role, disabled: false }, async (manager) => {
      await this.users.enable(target.id, manager);
      await this.events.record({ event: AccountEventKind.USER_ENABLED, actorId: actor.userId, userId: target.id, ipAddress: actor.ipAddress }, manager);
    });
  }

  /**
   * Turns off the two-factor sign-in of someone who lost both their phone and their recovery
   * codes, so they can sign in with their password and enrol again (at once, if they must use
   * it). Their sessions end. The admin gives their own password again. Never one's own account:
   * that is `removeTwoFactor`.
   */
  async resetTwoFactor(actor: Actor, id: string, password: string): Promise<User> {
    if (id === actor.userId) throw badInput('input.id', 'Turn off your own two-factor sign-in from your account (removeTwoFactor), which asks for your password');
    const target = await managedAccount(this.users, actor, id);
    const admin = await this.users.findById(actor.userId);
    if (!admin || !(await this.logins.confirmsPassword(admin.email, password, actor.ipAddress))) {
      throw badInput('input.password', 'password is not the password you sign in with');
    }
    await this.db.transaction(async (manager) => {
      if (!(await this.factors.remove(target.id, manager))) throw badInput('input.id', 'This user has no two-factor sign-in to reset');
      await this.factors.endChallenges(target.id, manager);
      await this.sessions.endAll(target.id, SessionEndReason.SECOND_FACTOR_RESET, manager);
      await this.events.record({ event: AccountEventKind.TWO_FACTOR_RESET, actorId: actor.userId, userId: target.id, ipAddress: actor.ipAddress }, manager);
    });
    return { ...target, twoFactorOn: false };
  }

  /** The clinic whose users the actor lists (null: every clinic), or why they may not. */
  private listScope(actor: Actor, filter: UserListFilter): string | null {
    if (isPlatformAdmin(actor)) return null;
    if (actor.role !== UserRole.CLINIC_ADMIN) throw forbidden('Only admins manage user accounts', ErrorReason.NOT_YOUR_ROLE);
    if (filter.clinicId && filter.clinicId !== actor.clinicId) throw forbidden('Clinic admins see the accounts of their own clinic only', ErrorReason.NOT_YOUR_CLINIC);
    return actor.clinicId;
  }

  /**
   * Runs `write` in a transaction that first makes sure the clinic keeps an active admin: when
   * the target is one now and would not be after, another must remain (counted under the
   * clinic's lock). The user as they are afterwards.
   */
  private async changing(target: User, after: After, write: (manager: EntityManager) => Promise<void>): Promise<User> {
    await this.db.transaction(async (manager) => {
      const leavesSeat = target.role === UserRole.CLINIC_ADMIN && (after.role !== UserRole.CLINIC_ADMIN || after.disabled);
      if (leavesSeat && target.clinicId !== null) {
        // Counted first: the count takes the clinic's lock, so what is read after it is current.
        const others = await this.users.otherActiveAdmins(target.clinicId, target.id, manager);
        const now = await this.users.findById(target.id, manager);
        const holdsSeat = now?.role === UserRole.CLINIC_ADMIN && now.status === UserStatus.ACTIVE;
        if (holdsSeat && others === 0) {
          throw conflict('A clinic keeps at least one active clinic admin: make another user of the clinic its admin first', {}, ErrorReason.LAST_ACTIVE_ADMIN);
        }
      }
      await write(manager);
    });
    const updated = await this.users.findById(target.id);
    if (!updated) throw notFound('User');
    return updated;
  }
}
