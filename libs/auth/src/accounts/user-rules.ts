import { Actor, isPlatformAdmin, UserRole } from '@referloop/common';
import { badInput, DomainError, ErrorReason, forbidden, notFound } from '@referloop/core';
import { User } from '../user.model';
import { UserRepository } from '../user.repository';

/** Whom an account is for: its role and clinic. */
export interface Seat {
  role: UserRole;
  clinicId: string | null;
}

/**
 * Who manages whose account (invites, creates, changes, disables): platform admins anyone's;
 * clinic admins those of their own clinic, never a platform admin's; nobody else anyone's.
 * FORBIDDEN, saying which rule, otherwise. The one statement of the rule for every account
 * operation; whether the caller may even *see* an existing account is `seesAccount`.
 */
export function assertManages(actor: Actor, seat: Seat): void {
  const refusal = managementRefusal(actor, seat);
  if (refusal) throw refusal;
}

/** Whether the actor manages accounts of this seat (`assertManages`, without the error). */
export const manages = (actor: Actor, seat: Seat): boolean => managementRefusal(actor, seat) === null;

function managementRefusal(actor: Actor, seat: Seat): DomainError | null {
  if (isPlatformAdmin(actor)) return null;
  if (actor.role !== UserRole.CLINIC_ADMIN) return forbidden('Only admins manage user accounts', ErrorReason.NOT_YOUR_ROLE);
  if (seat.role === UserRole.PLATFORM_ADMIN) return forbidden('Clinic admins cannot manage platform admins', ErrorReason.NOT_YOUR_ROLE);
  if (seat.clinicId !== actor.clinicId) return forbidden('Clinic admins manage the accounts of their own clinic only', ErrorReason.NOT_YOUR_CLINIC);
  return null;
}

/**
 * Whether an existing account is visible to the caller at all: another clinic's staff do not
 * exist for a clinic's users (NOT_FOUND, never FORBIDDEN, so nobody learns who works where).
 */
export const seesAccount = (actor: Actor, seat: Seat): boolean => isPlatformAdmin(actor) || seat.clinicId === actor.clinicId;

/** A platform admin belongs to no clinic, and every other role to one; `field` names the clinic input. */
export function assertSeatShape(seat: Seat, field: string): void {
  if (seat.role === UserRole.PLATFORM_ADMIN && seat.clinicId !== null) throw badInput(field, 'A platform admin belongs to no clinic; leave clinicId empty');
  if (seat.role !== UserRole.PLATFORM_ADMIN && seat.clinicId === null) throw badInput(field, `clinicId is required for a ${seat.role}`);
}

/** The seat a new account asks for (`input.role`, `input.clinicId`), once its shape is right and the actor may fill it. */
export function seatFor(actor: Actor, input: { role: UserRole; clinicId?: string | null }): Seat {
  const seat = { role: input.role, clinicId: input.clinicId ?? null };
  assertSeatShape(seat, 'input.clinicId');
  assertManages(actor, seat);
  return seat;
}

/** The account `id`, if the actor may see and manage it; NOT_FOUND for another clinic's (and no such) account. */
export async function managedAccount(users: UserRepository, actor: Actor, id: string): Promise<User> {
  const user = await users.findById(id);
  if (!user || !seesAccount(actor, user)) throw notFound('User');
  assertManages(actor, user);
  return user;
}
