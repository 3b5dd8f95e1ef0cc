import { UserRole } from '../vocabulary/vocabulary';

/** The authenticated caller of one request, as every service and query scope sees it. */
export interface Actor {
  userId: string;
  role: UserRole;
  /** Null only for platform admins. */
  clinicId: string | null;
  /** Set when the user has a provider profile. */
  providerId: string | null;
  /** The browser session the caller's access token belongs to; null for a token from `login`. */
  sessionId: string | null;
  ipAddress: string | null;
}

export const isPlatformAdmin = (actor: Actor) => actor.role === UserRole.PLATFORM_ADMIN;
export const isClinicStaff = (actor: Actor) =>
  actor.role === UserRole.CLINIC_ADMIN || actor.role === UserRole.COORDINATOR;
