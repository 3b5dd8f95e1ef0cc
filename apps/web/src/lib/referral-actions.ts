import type { ReferralAction } from '../gql/graphql';

/**
 * Actions that are always on offer but are not work waiting for anyone: the referrer may cancel
 * any open referral. The same distinction the server's `needsAction` filter makes.
 */
const NOT_WORK: ReadonlySet<ReferralAction> = new Set(['CANCEL']);

/** What the viewer has to do, from the server's availableActions (never a second copy of the rules). */
export function todoActions(available: readonly ReferralAction[]): ReferralAction[] {
  return available.filter((action) => !NOT_WORK.has(action));
}
