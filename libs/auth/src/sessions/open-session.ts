/**
 * A session that still signs its holder in: not ended, not past its expiry. The one definition,
 * used alike by the check every request makes of its token's session and by the refresh.
 */
export const openSession = (alias: string): string => `${alias}.revoked_at IS NULL AND ${alias}.expires_at > now()`;
