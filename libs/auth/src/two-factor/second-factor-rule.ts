import { UserRole } from '@referloop/common';

/**
 * Who must sign in with a second factor, as SQL over a users row and its clinic's row (LEFT
 * JOINed, null for a platform admin): platform admins when `$platformAdminsMust` (the
 * TWO_FACTOR_REQUIRED_FOR_PLATFORM_ADMINS setting, as a parameter) is true, and everyone of a
 * clinic that requires it. The one statement of the rule: the sign-in's next step, the
 * enrolment status and every request's check all read it, so a clinic turning the requirement
 * on restricts its staff's open sessions at their next request, with nothing to update.
 */
export const secondFactorRequiredSql = (user: string, clinic: string, platformAdminsMust: string): string =>
  `((${user}.role = '${UserRole.PLATFORM_ADMIN}' AND ${platformAdminsMust}::boolean) OR COALESCE(${clinic}.require_two_factor, false))`;

/** SQL: the user has an authenticator app confirmed. */
export const secondFactorOnSql = (user: string): string => `EXISTS (SELECT 1 FROM totp_factors tf WHERE tf.user_id = ${user}.id AND tf.confirmed_at IS NOT NULL)`;

/** SQL: the user must use a second factor and has none yet, so may only enrol one. */
export const mustEnrolSql = (user: string, clinic: string, platformAdminsMust: string): string =>
  `(${secondFactorRequiredSql(user, clinic, platformAdminsMust)} AND NOT ${secondFactorOnSql(user)})`;
