import { UserRole } from '../vocabulary/vocabulary';

/** The authenticated caller of one request, as every service and query scope sees it. */
export interface Actor {
  userId: string;
  role: UserRole;
  /** Null only for platform admins. */
  clinicId: string | null;
  /** Set when the user has a provider profile. */
  providerId: string | null;
  /** The session the caller's access token belongs to; null only for actors made inside the service (jobs, tests). */
  sessionId: string | null;
  ipAddress: string | null;
  /** The session may only enrol a second factor (see AllowedDuringEnrolment). */
  needsSecondFactor?: boolean;
  /** The caller signs in with a second factor (an authenticator app is confirmed). */
  secondFactorOn?: boolean;
}

export const isPlatformAdmin = (actor: Actor) => actor.role === UserRole.PLATFORM_ADMIN;
export const isClinicStaff = (actor: Actor) =>
  actor.role === UserRole.CLINIC_ADMIN || actor.role === UserRole.COORDINATOR;
